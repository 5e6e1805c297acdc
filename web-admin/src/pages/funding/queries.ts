import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, etag, ApiError, type Schemas } from '../../api/client';
import { applicationKeys } from '../applications/queries';
import type { operations } from '../../api/schema';
import { useAllBatches } from '../programmes/queries';
import { useAction, type ActionOptions } from '../../lib/hooks';
import { wanToFen } from '../../lib/format';
import type { Dayjs } from 'dayjs';
import { multipart } from '../../components/AttachmentUpload';

export type AgreementQuery = NonNullable<operations['Agreements_List']['parameters']['query']>;

/** `all` is the prefix of every agreement list. */
export const agreementKeys = {
  all: ['agreements'] as const,
  list: (query: AgreementQuery) => ['agreements', query] as const,
  detail: (id: string) => ['agreement', id] as const,
};

/** A batch's funding policy; `all` is the prefix of every batch's. */
export const policyKeys = {
  all: ['policy'] as const,
  ofBatch: (batchId: string | undefined) => ['policy', batchId] as const,
};

export function useAgreements(query: AgreementQuery) {
  return useQuery({
    queryKey: agreementKeys.list(query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/agreements', { params: { query } })),
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })) });
}

/** A batch's funding policy, null while it has none (the API's 404). */
async function policyOrNull(batchId: string) {
  try {
    return await unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId } } }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null; // no policy yet
    throw e;
  }
}

export function useFundingPolicy(batchId: string, enabled: boolean) {
  return useQuery({ queryKey: policyKeys.ofBatch(batchId), enabled, queryFn: () => policyOrNull(batchId) });
}

/** The policy an agreement is signed under: a batch without one is an error here. */
export function useSigningPolicy(batchId: string | undefined) {
  return useQuery({
    queryKey: policyKeys.ofBatch(batchId),
    enabled: !!batchId,
    queryFn: () => unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId: batchId! } } })),
  });
}

/** Every published batch's budget (committed / paid / remaining) from its funding policy. */
export function useBudgets() {
  const batches = useAllBatches();
  const published = (batches.data ?? []).filter((b) => b.status === 'Published');
  const policies = useQueries({
    queries: published.map((b) => ({ queryKey: policyKeys.ofBatch(b.id), queryFn: () => policyOrNull(b.id) })),
  });
  return { batches, rows: published.map((b, i) => ({ batch: b, policy: policies[i]?.data ?? null, pending: policies[i]?.isPending })) };
}

/** The issuer's countersignature. */
export function useConfirmAgreement(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/agreements/{id}/issuer-confirmation', { params: { path: { id: a.id } } })),
    { ...options, invalidate: [agreementKeys.detail(a.id)] },
  );
}

export function useSubmitProgressReport(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    (v: { milestoneIndex: number; issuerWan: number; applicantWan: number; note?: string }) => unwrap(api.POST('/api/v1/agreements/{id}/progress-reports', {
      params: { path: { id: a.id } },
      body: { milestoneIndex: v.milestoneIndex, issuerInvestmentFen: wanToFen(v.issuerWan) ?? 0, applicantInvestmentFen: wanToFen(v.applicantWan) ?? 0, note: v.note },
    })),
    { ...options, invalidate: [agreementKeys.detail(a.id)] },
  );
}

export function useVerifyProgressReport(a: Schemas['AgreementDetail'], report: Schemas['ProgressReport'], options: ActionOptions = {}) {
  return useAction(
    (v: { issuerWan: number; applicantWan: number; note?: string }) => unwrap(api.POST('/api/v1/progress-reports/{id}/verify', {
      params: { path: { id: report.id } },
      body: { verifiedIssuerFen: wanToFen(v.issuerWan) ?? 0, verifiedApplicantFen: wanToFen(v.applicantWan) ?? 0, note: v.note },
    })),
    { ...options, invalidate: [agreementKeys.detail(a.id)] },
  );
}

export function usePayTranche(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    (v: { milestoneIndex: number; amountWan: number; reason: string }) => unwrap(api.POST('/api/v1/agreements/{id}/disbursements', {
      params: { path: { id: a.id } },
      body: { milestoneIndex: v.milestoneIndex, amountFen: wanToFen(v.amountWan) ?? 0, reason: v.reason },
    })),
    { ...options, invalidate: [agreementKeys.detail(a.id), policyKeys.all] },
  );
}

export function useRecordProcurement(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    (v: { contractDate: Dayjs; amountWan: number; product: string }) => unwrap(api.POST('/api/v1/agreements/{id}/procurements', {
      params: { path: { id: a.id } },
      body: { contractDate: v.contractDate.format('YYYY-MM-DD'), amountFen: wanToFen(v.amountWan) ?? 0, product: v.product },
    })),
    { ...options, invalidate: [agreementKeys.detail(a.id)] },
  );
}

export function useTerminateAgreement(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    (v: { reason: string; clawBackWan?: number }) => unwrap(api.POST('/api/v1/agreements/{id}/terminate', {
      params: { path: { id: a.id } },
      body: { reason: v.reason, clawBackFen: v.clawBackWan == null ? null : wanToFen(v.clawBackWan) },
    })),
    { ...options, invalidate: [agreementKeys.detail(a.id), policyKeys.all] },
  );
}

export function useCloseAgreement(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    (v: { waiverReason?: string }) => unwrap(api.POST('/api/v1/agreements/{id}/close', { params: { path: { id: a.id } }, body: { waiverReason: v.waiverReason?.trim() || null } })),
    { ...options, invalidate: [agreementKeys.detail(a.id), agreementKeys.all] },
  );
}

/** Sets a batch's funding policy; `current` (its version) when one exists already. */
export function useSetFundingPolicy(batchId: string, current: Schemas['FundingPolicy'] | null, options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['SetFundingPolicyRequest']) => unwrap(api.PUT('/api/v1/batches/{batchId}/funding-policy', {
      params: { path: { batchId }, header: current ? { 'If-Match': etag(current.version) } : {} }, body,
    })),
    { ...options, invalidate: [policyKeys.ofBatch(batchId)] },
  );
}

export function useSignAgreement(options: ActionOptions<Schemas['AgreementDetail']> = {}) {
  return useAction(
    (body: Schemas['SignAgreementRequest']) => unwrap(api.POST('/api/v1/agreements', { body })),
    { ...options, invalidate: [agreementKeys.all, policyKeys.all, applicationKeys.all] },
  );
}

export function useRecordAcceptance(a: Schemas['AgreementDetail'], options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['RecordAcceptanceRequest']) => unwrap(api.POST('/api/v1/agreements/{id}/acceptance', { params: { path: { id: a.id } }, body })),
    { ...options, invalidate: [agreementKeys.detail(a.id), agreementKeys.all] },
  );
}

/** Uploads a supporting file of a progress report (the caller refreshes the agreement). */
export function uploadProgressAttachment(reportId: string, file: File) {
  return unwrap(api.POST('/api/v1/progress-reports/{id}/attachments', { params: { path: { id: reportId } }, ...multipart<Schemas['ProgressAttachmentUpload']>(file) }));
}
