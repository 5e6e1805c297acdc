import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { formatDateTime } from '../../lib/format';
import { JobProgress, downloadJobResult } from '../../jobs/JobProgress';
import { isActive, usePageJob } from '../../jobs/jobs';
import { errorText } from '../../lib/errors';
import { EligibilityBadge } from './components/EligibilityBadge';
import { useApplications, useStartApplicationsExport } from './queries';
import { useBatchOptions } from '../programmes/queries';

const statuses: Schemas['ApplicationStatus'][] = ['Draft', 'Submitted', 'Eligible', 'Ineligible', 'UnderReview', 'Recommended', 'NotRecommended', 'Matched', 'Selected', 'NotSelected', 'Contracted', 'Withdrawn'];

export function ApplicationsPage() {
  const t = useT();
  const role = useRole();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { options: batchOptions } = useBatchOptions();
  const filter = {
    batch: params.get('batch') ?? undefined,
    challenge: params.get('challenge') ?? undefined,
    status: (params.get('status') ?? undefined) as Schemas['ApplicationStatus'] | undefined,
    eligibility: (params.get('eligibility') ?? undefined) as Schemas['EligibilityOutcome'] | undefined,
    region: params.get('region') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: 20,
  };
  const list = useApplications(filter);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const canExport = role === 'TaskForce' || role === 'Auditor';
  // The export runs as a background job; its file downloads when it ends here, and stays in the header's Jobs list.
  const exportJob = usePageJob('applications.export', `|batch:${filter.batch ?? '-'}|challenge:${filter.challenge ?? '-'}`, (job) => {
    if (job.status === 'Succeeded' && job.hasFile) downloadJobResult(job).catch((e) => message.error(errorText(e)));
    else if (job.problem) message.error(`${job.problem.code}: ${job.problem.detail}`);
  });
  const startExport = useStartApplicationsExport({ batch: filter.batch ?? null, challenge: filter.challenge ?? null }, {
    onSuccess: (job) => exportJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <PageHeader
        title={t(role === 'Issuer' || role === 'Applicant' ? 'menu.applications.own' : 'menu.applications')}
        extra={
          <Space>
            {canExport && (
              <Button icon={<DownloadOutlined />} disabled={!filter.batch && !filter.challenge} data-testid="export-applications"
                loading={startExport.isPending || (!!exportJob.job && isActive(exportJob.job))}
                onClick={() => startExport.mutate()}>
                {t('application.export')}
              </Button>
            )}
            {canExport && exportJob.job && <JobProgress job={exportJob.job} compact />}
            {role === 'Applicant' && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/challenges?phase=Open&status=Published')}>{t('application.new')}</Button>}
          </Space>
        }
      />
      {role === 'Issuer' && <p style={{ marginTop: -8 }}><Tag color="blue">{t('application.sealedHint')}</Tag></p>}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder={t('challenge.batch')} style={{ width: 240 }} options={batchOptions} value={filter.batch} onChange={(v) => set('batch', v)} data-testid="filter-batch" />
          <Select allowClear placeholder={t('common.status')} style={{ width: 150 }} value={filter.status} onChange={(v) => set('status', v)}
            options={statuses.map((s) => ({ value: s, label: t(`status.application.${s}`) }))} />
          <Select allowClear placeholder={t('application.eligibility')} style={{ width: 150 }} value={filter.eligibility} onChange={(v) => set('eligibility', v)}
            options={(['Eligible', 'Ineligible'] as const).map((s) => ({ value: s, label: t(`status.eligibility.${s}`) }))} />
        </Space>
        {canExport && !filter.batch && !filter.challenge && <p style={{ color: '#888' }}>{t('application.exportHint')}</p>}
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} /> : (
          <Table<Schemas['ApplicationListItem']>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            locale={{ emptyText: role === 'Issuer' ? t('application.emptyIssuer') : t('application.empty') }}
            pagination={{ current: filter.page, pageSize: filter.pageSize, total: list.data?.total, onChange: (p) => set('page', String(p)), showTotal: (n) => t('common.total', { n }) }}
            columns={[
              { title: t('application.code'), dataIndex: 'code', width: 170, render: (v, a) => <Link to={`/applications/${a.id}`}>{v}</Link> },
              { title: t('application.challenge'), render: (_, a) => <><Tag>{a.challengeCode}</Tag>{a.challengeTitle}</> },
              { title: t('application.lead'), dataIndex: 'leadOrganisationName', render: (v, a) => <>{v}{a.members > 1 && <Tag color="purple" style={{ marginLeft: 4 }}>{t('application.consortiumOf', { n: a.members })}</Tag>}</> },
              { title: t('common.status'), dataIndex: 'status', width: 100, render: (v) => <StatusTag kind="application" value={v} /> },
              { title: t('application.eligibility'), dataIndex: 'eligibility', width: 100, render: (v) => <EligibilityBadge value={v} /> },
              { title: t('application.ownInvestment'), dataIndex: 'ownInvestmentFen', align: 'right', width: 130, render: (v) => <Money fen={v} /> },
              { title: t('application.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v) => formatDateTime(v) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
