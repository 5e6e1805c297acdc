import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** Query keys of the organisation register; `all` is the prefix every organisation query starts with. */
export const organisationKeys = {
  all: ['organisations'] as const,
  names: () => ['organisations', 'all'] as const,
  list: (filter: object) => ['organisations', filter] as const,
  search: (q: string) => ['organisations', { q }] as const,
};

/** Every organisation's name by id (first 200), and the same as select options. */
export function useOrganisationNames() {
  const orgs = useQuery({ queryKey: organisationKeys.names(), queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { pageSize: 200 } } })) });
  return { options: (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })), name: (id?: string | null) => orgs.data?.items.find((o) => o.id === id)?.name ?? id ?? '—' };
}

/** Organisations whose name or credit code matches `q` (first 20), for pickers. */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: organisationKeys.search(q),
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { q: q || undefined, pageSize: 20 } } })),
  });
}
