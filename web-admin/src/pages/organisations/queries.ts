import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas, etag } from '../../api/client';
import { organisationKeys } from '../../lib/organisations';
import { useAction, type ActionOptions } from '../../lib/hooks';

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

export function useSetCreditStanding(organisation: Schemas['Organisation'], options: ActionOptions = {}) {
  return useAction(
    (v: { standing: Schemas['CreditStanding']; source?: string; recordedOn?: import('dayjs').Dayjs }) =>
      unwrap(api.PUT('/api/v1/organisations/{id}/credit-standing', {
        params: { path: { id: organisation.id }, header: { 'If-Match': etag(organisation.version) } },
        body: { standing: v.standing, source: v.source, recordedOn: v.recordedOn?.format('YYYY-MM-DD') },
      })),
    { ...options, invalidate: [organisationKeys.all] },
  );
}

export function useRegisterOrganisation(options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['RegisterOrganisationRequest']) => unwrap(api.POST('/api/v1/organisations', { body })),
    { ...options, invalidate: [organisationKeys.all] },
  );
}

export function useVerifyOrganisation(o: Schemas['Organisation'], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/organisations/{id}/verify', { params: { path: { id: o.id }, header: { 'If-Match': etag(o.version) } } })),
    { ...options, invalidate: [organisationKeys.all] },
  );
}

/** Corrects an organisation's record; the modal handles the outcome itself (a stale version is a warning there). */
export function correctOrganisation(o: Schemas['Organisation'], body: Schemas['CorrectOrganisationRequest']) {
  return unwrap(api.PUT('/api/v1/organisations/{id}', { params: { path: { id: o.id }, header: { 'If-Match': etag(o.version) } }, body }));
}
