import { useMutation, useQuery } from '@tanstack/react-query';
import type { JobStart } from '../../jobs/jobs';
import { api, unwrap, type Schemas } from '../../api/client';
import { useAction, type ActionOptions } from '../../lib/hooks';

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

export type RoundStep = 'open-scoring' | 'close' | 'decide' | 'publicise' | 'finalise';

/** Moves a round on; everything shown of it is read again. */
export function useRoundStep(roundId: string) {
  return useAction(
    async (s: RoundStep) => {
      const path = { id: roundId };
      switch (s) {
        case 'open-scoring': return unwrap(api.POST('/api/v1/review/rounds/{id}/open-scoring', { params: { path } }));
        case 'close': return unwrap(api.POST('/api/v1/review/rounds/{id}/close', { params: { path } }));
        case 'decide': return unwrap(api.POST('/api/v1/review/rounds/{id}/decide', { params: { path } }));
        case 'publicise': return unwrap(api.POST('/api/v1/review/rounds/{id}/publicise', { params: { path } }));
        case 'finalise': return unwrap(api.POST('/api/v1/review/rounds/{id}/finalise', { params: { path } }));
      }
    },
    {
      invalidate: [roundKeys.detail(roundId), roundKeys.board(roundId), roundKeys.all, roundKeys.results(roundId), roundKeys.publication(roundId)],
    },
  );
}

/** Starts the automatic assignment as a background job. */
export function useStartAssignJob(roundId: string, options: JobStart) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/review/rounds/{id}/assign-jobs', { params: { path: { id: roundId } } })), ...options });
}

/** Starts the round's export as a background job. */
export function useStartRoundExport(roundId: string, options: JobStart) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/review/rounds/{id}/export-jobs', { params: { path: { id: roundId } } })), ...options });
}

export function useCreateRound(options: ActionOptions<Schemas['ReviewRound']>) {
  return useAction((body: Schemas['CreateRoundRequest']) => unwrap(api.POST('/api/v1/review/rounds', { body })), { ...options, invalidate: [roundKeys.all] });
}

export function useAddRoundItem(roundId: string, options: ActionOptions) {
  return useAction(
    (subjectId: string) => unwrap(api.POST('/api/v1/review/rounds/{id}/items', { params: { path: { id: roundId } }, body: { subjectId } })),
    { ...options, invalidate: [roundKeys.detail(roundId), roundKeys.board(roundId), roundKeys.all] },
  );
}

export function useAssignByHand(roundId: string, itemId: string, options: ActionOptions) {
  return useAction(
    (v: { expertId: string; reason: string }) => unwrap(api.POST('/api/v1/review/rounds/{id}/assignments', { params: { path: { id: roundId } }, body: { itemId, ...v } })),
    { ...options, invalidate: [roundKeys.detail(roundId), roundKeys.board(roundId)] },
  );
}

export function useRemoveAssignment(roundId: string, assignmentId: string, options: ActionOptions<Schemas['RemoveAssignmentResponse']>) {
  return useAction(
    (body: Schemas['RemoveAssignmentRequest']) => unwrap(api.POST('/api/v1/review/rounds/{id}/assignments/{assignmentId}/remove', {
      params: { path: { id: roundId, assignmentId } }, body,
    })),
    { ...options, invalidate: [roundKeys.detail(roundId), roundKeys.board(roundId)] },
  );
}

export function useRecordDecision(roundId: string, itemId: string, options: ActionOptions<Schemas['RecordDecisionResponse']>) {
  return useAction(
    (body: Schemas['RecordDecisionRequest']) => unwrap(api.PUT('/api/v1/review/rounds/{id}/items/{itemId}/decision', { params: { path: { id: roundId, itemId } }, body })),
    { ...options, invalidate: [roundKeys.publication(roundId)] },
  );
}

export function useRecordMatchmaking(roundId: string, itemId: string, options: ActionOptions) {
  return useAction(
    (body: Schemas['RecordMatchmakingRequest']) => unwrap(api.PUT('/api/v1/review/rounds/{id}/items/{itemId}/matchmaking', { params: { path: { id: roundId, itemId } }, body })),
    options,
  );
}

export function useFileObjection(roundId: string, options: ActionOptions) {
  return useAction(
    (body: Schemas['FileObjectionRequest']) => unwrap(api.POST('/api/v1/review/rounds/{id}/objections', { params: { path: { id: roundId } }, body })),
    { ...options, invalidate: [roundKeys.objections(roundId)] },
  );
}

export function useResolveObjection(roundId: string, objectionId: string, options: ActionOptions) {
  return useAction(
    (body: Schemas['ResolveObjectionRequest']) => unwrap(api.POST('/api/v1/review/rounds/{id}/objections/{objectionId}/resolve', {
      params: { path: { id: roundId, objectionId } }, body,
    })),
    { ...options, invalidate: [roundKeys.objections(roundId), roundKeys.detail(roundId), roundKeys.publication(roundId)] },
  );
}
