import { useState } from 'react';
import { Select, Space, Table } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { useT } from '../i18n';
import { QueryState } from './Problem';
import { StatusTag } from './StatusTag';
import { Money } from './Money';
import { formatDateTime } from '../lib/format';
import { useSessionUser } from '../auth/useSession';
import { useOrganisationNames } from '../lib/organisations';
import { useAgreements } from '../pages/funding/queries';
import { useBatchOptions } from '../pages/programmes/queries';

export type Query = NonNullable<operations['Agreements_List']['parameters']['query']>;

export const statuses: Schemas['AgreementStatus'][] = ['Active', 'Completed', 'Terminated', 'Closed'];

/**
 * The agreements the caller may see (Agreements_List): every agreement for the task force and auditors, those on its
 * own challenges for an issuer, those its organisation is lead or member of for an applicant. Filters and paging are
 * the API's, so totals never count what the caller may not see.
 */
export function AgreementList({ showBatchFilter = true }: { showBatchFilter?: boolean }) {
  const t = useT();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const { options: batchOptions } = useBatchOptions();
  const orgs = useOrganisationNames();
  const user = useSessionUser();
  // Issuers and applicants may not list organisations: their own is named as such, another party shown as a dash.
  const orgName = (id: string) => {
    const name = orgs.name(id);
    if (name !== id) return name;
    return id === user?.organisationId ? t('objection.ownOrganisation') : '—';
  };
  const list = useAgreements(query);
  const filtered = !!(query.batch || query.status);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {showBatchFilter && (
          <Select allowClear placeholder={t('challenge.batch')} style={{ width: 260 }} options={batchOptions} data-testid="agreement-filter-batch"
            onChange={(batch) => setQuery({ ...query, batch, page: 1 })} />
        )}
        <Select allowClear placeholder={t('common.status')} style={{ width: 160 }} data-testid="agreement-filter-status"
          options={statuses.map((s) => ({ value: s, label: t(`status.agreement.${s}`) }))}
          onChange={(status) => setQuery({ ...query, status, page: 1 })} />
      </Space>
      <QueryState query={list} isEmpty={(d) => d.total === 0 && !filtered} empty={t('agreement.empty')}>
        {(page) => (
          <Table<Schemas['AgreementListItem']> rowKey="id" size="small" loading={list.isFetching} dataSource={page.items} data-testid="agreement-table"
            locale={{ emptyText: t('agreement.noneMatching') }}
            pagination={{
              current: page.page, pageSize: page.pageSize, total: page.total, showTotal: (n) => t('common.total', { n }),
              onChange: (p, size) => setQuery({ ...query, page: p, pageSize: size }),
            }}
            columns={[
              { title: t('agreement.code'), dataIndex: 'code', render: (v, a) => <Link to={`/funding/agreements/${a.id}`}>{v}</Link> },
              { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="agreement" value={v} /> },
              { title: t('agreement.issuer'), dataIndex: 'issuerOrganisationId', render: (v) => orgName(v) },
              { title: t('agreement.lead'), dataIndex: 'leadOrganisationId', render: (v) => orgName(v) },
              { title: t('agreement.jointInvestment'), dataIndex: 'jointInvestmentFen', align: 'right', render: (v) => <Money fen={v} /> },
              { title: t('agreement.commitment'), dataIndex: 'commitmentFen', align: 'right', render: (v) => <Money fen={v} /> },
              { title: t('funding.paid'), dataIndex: 'paidFen', align: 'right', render: (v) => <Money fen={v} /> },
              { title: t('agreement.period'), render: (_, a) => `${a.startsOn} ~ ${a.endsOn}` },
              { title: t('agreement.signedAt'), dataIndex: 'signedAt', render: (v) => formatDateTime(v) },
              { title: t('agreement.issuerConfirmation'), dataIndex: 'issuerConfirmedAt', render: (v) => (
                <StatusTag kind="confirmation" value={v ? 'Confirmed' : 'Unconfirmed'} />
              ) },
            ]} />
        )}
      </QueryState>
    </>
  );
}
