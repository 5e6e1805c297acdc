import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { organisationKeys } from '../../lib/organisations';

export { organisationKeys };

export interface OrganisationFilter {
  q?: string;
  type?: Schemas['OrganisationType'];
  page: number;
}

export function useOrganisations(filter: OrganisationFilter) {
  return useQuery({
    queryKey: organisationKeys.list(filter),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { ...filter, pageSize: 20 } } })),
  });
}
