import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

/** Review rounds: the list (`all`), one round and what hangs off it. */
export const roundKeys = {
  all: ['rounds'] as const,
  detail: (id: string) => ['round', id] as const,
  board: (id: string) => ['board', id] as const,
  results: (id: string) => ['results', id] as const,
  publication: (id: string) => ['publication', id] as const,
  candidates: (kind: Schemas['ReviewRoundKind']) => ['round-candidates', kind] as const,
  objections: (id: string) => ['objections', id] as const,
};

export function useRounds() {
  return useQuery({ queryKey: roundKeys.all, queryFn: () => unwrap(api.GET('/api/v1/review/rounds')) });
}

export function useRound(id: string) {
  return useQuery({ queryKey: roundKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}', { params: { path: { id } } })) });
}

/** The assignment board (Rounds_AssignmentBoard). */
export function useBoard(roundId: string) {
  return useQuery({ queryKey: roundKeys.board(roundId), queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/board', { params: { path: { id: roundId } } })) });
}

export function useResults(roundId: string) {
  return useQuery({ queryKey: roundKeys.results(roundId), queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/results', { params: { path: { id: roundId } } })) });
}

export function usePublication(roundId: string) {
  return useQuery({
    queryKey: roundKeys.publication(roundId),
    queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/publication', { params: { path: { id: roundId } } })),
  });
}

export function useObjections(roundId: string) {
  return useQuery({
    queryKey: roundKeys.objections(roundId),
    queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/objections', { params: { path: { id: roundId }, query: { pageSize: 200 } } })),
  });
}

/** What may be added to a round: eligible applications for an application review, submitted needs for a need review. */
export function useRoundCandidates(kind: Schemas['ReviewRoundKind']) {
  return useQuery({
    queryKey: roundKeys.candidates(kind),
    queryFn: async () => {
      if (kind === 'ApplicationReview') {
        const page = await unwrap(api.GET('/api/v1/applications', { params: { query: { eligibility: 'Eligible', pageSize: 200 } } }));
        return page.items.map((a) => ({ value: a.id, label: `${a.code} · ${a.leadOrganisationName} · ${a.challengeTitle}` }));
      }
      const [submitted, underReview] = await Promise.all(
        (['Submitted', 'UnderReview'] as const).map((status) => unwrap(api.GET('/api/v1/challenges', { params: { query: { status, pageSize: 100 } } }))),
      );
      return [...submitted.items, ...underReview.items].map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }));
    },
  });
}
