import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

/** The dashboard's own reads: a programme's funding dashboard and the funnel's counts (each list's total). */
export const dashboardKeys = {
  programme: (programmeId: string) => ['dashboard', programmeId] as const,
  challengeCount: (status: Schemas['ChallengeStatus']) => ['count', 'challenges', status] as const,
  applicationCount: (status: Schemas['ApplicationStatus']) => ['count', 'applications', status] as const,
  eligibleCount: () => ['count', 'applications', 'eligible'] as const,
};

export function useDashboard(programmeId: string) {
  return useQuery({
    queryKey: dashboardKeys.programme(programmeId),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{programmeId}/dashboard', { params: { path: { programmeId } } })),
  });
}

export function useChallengeCounts(statuses: Schemas['ChallengeStatus'][]) {
  return useQueries({
    queries: statuses.map((status) => ({
      queryKey: dashboardKeys.challengeCount(status),
      queryFn: async () => (await unwrap(api.GET('/api/v1/challenges', { params: { query: { status, pageSize: 1 } } }))).total,
    })),
  });
}

export function useApplicationCounts(statuses: Schemas['ApplicationStatus'][]) {
  return useQueries({
    queries: statuses.map((status) => ({
      queryKey: dashboardKeys.applicationCount(status),
      queryFn: async () => (await unwrap(api.GET('/api/v1/applications', { params: { query: { status, pageSize: 1 } } }))).total,
    })),
  });
}

export function useEligibleCount() {
  return useQuery({
    queryKey: dashboardKeys.eligibleCount(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/applications', { params: { query: { eligibility: 'Eligible', pageSize: 1 } } }))).total,
  });
}
