import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Space, Statistic, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, etag, ApiError, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce, useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors, ErrorView } from '../../components/Problem';
import { PhaseBadge } from '../../components/PhaseBadge';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { useAction } from '../../lib/hooks';
import { bpText, formatDateTime, fenToWanText, wanToFen } from '../../lib/format';
import { windowErrors } from '.';
import { JobProgress, downloadJobResult } from '../../jobs/JobProgress';
import { isActive, resultOf, usePageJob } from '../../jobs/jobs';

export function BatchPage() {
  const { id = '' } = useParams();
  const t = useT();
  const canAct = useIsTaskForce();
  const batch = useQuery({ queryKey: ['batch', id], queryFn: () => unwrap(api.GET('/api/v1/batches/{id}', { params: { path: { id } } })) });
  return (
    <QueryState query={batch}>
      {(b) => (
        <>
          <PageHeader
            crumbs={[{ to: '/programmes', label: t('menu.programmes') }]}
            title={<Space>{b.name}<Tag>{b.code}</Tag></Space>}
            sub={<Space><StatusTag kind="batch" value={b.status} /><PhaseBadge phase={b.phase} opensOn={b.opensOn} closesOn={b.closesOn} closesAt={b.closesAt} /></Space>}
            extra={canAct && <BatchActions batch={b} />}
          />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('batch.window')}>{b.opensOn} ~ {b.closesOn}（{t('common.shanghai')}）</Descriptions.Item>
              <Descriptions.Item label={t('batch.closesAt')}>{formatDateTime(b.closesAt)}</Descriptions.Item>
              <Descriptions.Item label={t('batch.publishedAt')}>{formatDateTime(b.publishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('batch.note')} span={3}>{b.note ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <BatchChallenges batchId={b.id} />
          <FundingPolicyCard batchId={b.id} />
        </>
      )}
    </QueryState>
  );
}

function BatchActions({ batch }: { batch: Schemas['Batch'] }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [checkResult, setCheckResult] = useState<Schemas['RunEligibilityCheckResponse'] | null>(null);
  const publish = useAction(
    () => unwrap(api.POST('/api/v1/batches/{id}/publish', { params: { path: { id: batch.id }, header: { 'If-Match': etag(batch.version) } } })),
    { success: t('batch.published'), invalidate: [['batch', batch.id], ['batches'], ['challenges']] },
  );
  const queryClient = useQueryClient();
  // The formal check runs as a background job: progress here and in the header's Jobs list, the outcome when it ends.
  const checkJob = usePageJob('applications.eligibility-check', `batch:${batch.id}`, (job) => {
    if (job.status === 'Succeeded') {
      message.success(t('batch.checkDone'));
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      setCheckResult(resultOf(job) as unknown as Schemas['RunEligibilityCheckResponse']);
    } else if (job.problem) {
      message.error(`${job.problem.code}: ${job.problem.detail}`);
    }
  });
  const check = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/batches/{batchId}/eligibility-check-jobs', { params: { path: { batchId: batch.id } } })),
    onSuccess: (job) => checkJob.track(job),
  });
  const checking = check.isPending || (!!checkJob.job && isActive(checkJob.job));
  // The batch's applications export is a background job too (the same one the applications list starts for this batch).
  const exportJob = usePageJob('applications.export', `|batch:${batch.id}|challenge:-`, (job) => {
    if (job.status === 'Succeeded' && job.hasFile) downloadJobResult(job).catch((e) => message.error(errorText(e)));
    else if (job.problem) message.error(`${job.problem.code}: ${job.problem.detail}`);
  });
  const startExport = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/applications/export-jobs', { body: { batch: batch.id, challenge: null } })),
    onSuccess: (job) => exportJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space wrap>
      {batch.status === 'Draft' && <Button onClick={() => setEditing(true)}>{t('batch.editWindow')}</Button>}
      {batch.status === 'Draft' && (
        <Button type="primary" loading={publish.isPending} data-testid="publish-batch"
          onClick={() => modal.confirm({ title: t('batch.publishConfirm'), content: t('batch.publishHint'), onOk: () => publish.mutateAsync(undefined).catch((e) => { message.error(errorText(e)); }) })}>
          {t('batch.publish')}
        </Button>
      )}
      {batch.status === 'Published' && batch.phase === 'Closed' && (
        <Button type="primary" loading={checking} data-testid="run-formal-check"
          onClick={() => check.mutate(undefined, { onError: (e) => message.error(errorText(e)) })}>
          {checking ? t('batch.checkRunning') : t('batch.runCheck')}
        </Button>
      )}
      {checkJob.job && <JobProgress job={checkJob.job} compact />}
      {batch.status === 'Published' && (
        <Button loading={startExport.isPending || (!!exportJob.job && isActive(exportJob.job))} onClick={() => startExport.mutate()}>
          {t('application.export')}
        </Button>
      )}
      {exportJob.job && <JobProgress job={exportJob.job} compact />}
      {editing && <EditWindowModal batch={batch} onClose={() => setEditing(false)} />}
      {checkResult && (
        <Modal open title={t('batch.checkDone')} onCancel={() => setCheckResult(null)} onOk={() => setCheckResult(null)}>
          <Row gutter={16}>
            <Col span={6}><Statistic title={t('batch.checked')} value={checkResult.checked} /></Col>
            <Col span={6}><Statistic title={t('status.eligibility.Eligible')} value={checkResult.eligible} /></Col>
            <Col span={6}><Statistic title={t('status.eligibility.Ineligible')} value={checkResult.ineligible} /></Col>
            <Col span={6}><Statistic title={t('batch.alreadyDecided')} value={checkResult.alreadyDecided} /></Col>
          </Row>
          <Link to={`/applications?batch=${batch.id}`}>{t('batch.seeApplications')}</Link>
        </Modal>
      )}
    </Space>
  );
}

export function errorText(e: unknown): string {
  return e instanceof ApiError ? `${e.problem.code}: ${e.problem.detail ?? e.problem.title}` : String(e);
}

function EditWindowModal({ batch, onClose }: { batch: Schemas['Batch']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; nameEn?: string; note?: string; window: [Dayjs, Dayjs] }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (v: { name: string; nameEn?: string; note?: string; window: [Dayjs, Dayjs] }) =>
      unwrap(api.PUT('/api/v1/batches/{id}', {
        params: { path: { id: batch.id }, header: { 'If-Match': etag(batch.version) } },
        body: { name: v.name, nameEn: v.nameEn, note: v.note, opensOn: v.window[0].format('YYYY-MM-DD'), closesOn: v.window[1].format('YYYY-MM-DD') },
      })),
    { invalidate: [['batch', batch.id], ['batches']], onSuccess: onClose },
  );
  return (
    <Modal open title={t('batch.editWindow')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical"
        initialValues={{ name: batch.name, nameEn: batch.nameEn, note: batch.note, window: [dayjs(batch.opensOn), dayjs(batch.closesOn)] }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e).concat(windowErrors(form, e))) })}>
        <Form.Item name="name" label={t('batch.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('batch.nameEn')}><Input /></Form.Item>
        <Form.Item name="window" label={t('batch.windowShanghai')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="note" label={t('batch.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function BatchChallenges({ batchId }: { batchId: string }) {
  const t = useT();
  const list = useQuery({
    queryKey: ['challenges', { batch: batchId }],
    queryFn: () => unwrap(api.GET('/api/v1/challenges', { params: { query: { batch: batchId, pageSize: 100 } } })),
  });
  return (
    <Card title={t('batch.challenges')} style={{ marginBottom: 16 }}>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('challenge.empty')}>
        {(d) => (
          <Table<Schemas['ChallengeSummary']> rowKey="id" size="small" pagination={false} dataSource={d.items}
            columns={[
              { title: t('challenge.code'), dataIndex: 'code', render: (v, c) => <Link to={`/challenges/${c.id}`}>{v}</Link> },
              { title: t('challenge.title'), dataIndex: 'title' },
              { title: t('challenge.issuer'), dataIndex: 'issuerName' },
              { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="challenge" value={v} /> },
              { title: t('challenge.plannedInvestment'), dataIndex: 'plannedInvestmentFen', align: 'right', render: (v) => <Money fen={v} /> },
            ]} />
        )}
      </QueryState>
    </Card>
  );
}

interface PolicyForm {
  ratioPercent: number;
  capWan: number;
  totalWan: number;
  tranches: { percent: number; milestoneIndex: number }[];
}

function FundingPolicyCard({ batchId }: { batchId: string }) {
  const t = useT();
  const role = useRole();
  const canAct = role === 'TaskForce';
  const policy = useQuery({
    queryKey: ['policy', batchId],
    enabled: role === 'TaskForce' || role === 'Auditor',
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null; // no policy yet
        throw e;
      }
    },
  });
  const [editing, setEditing] = useState(false);
  if (role !== 'TaskForce' && role !== 'Auditor') return null;
  return (
    <Card title={t('funding.policy')} extra={canAct && <Button onClick={() => setEditing(true)} data-testid="edit-policy">{t('funding.setPolicy')}</Button>}>
      {policy.isError ? <ErrorView error={policy.error} /> : policy.data === null ? (
        <p>{t('funding.noPolicy')}</p>
      ) : policy.data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}><Statistic title={t('funding.totalBudget')} value={fenToWanText(policy.data.totalBudgetFen)} suffix={t('money.wan')} /></Col>
            <Col span={6}><Statistic title={t('funding.committed')} value={fenToWanText(policy.data.committedFen)} suffix={t('money.wan')} /></Col>
            <Col span={6}><Statistic title={t('funding.paid')} value={fenToWanText(policy.data.paidFen)} suffix={t('money.wan')} /></Col>
            <Col span={6}><Statistic title={t('funding.remaining')} value={fenToWanText(policy.data.availableFen)} suffix={t('money.wan')} /></Col>
          </Row>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('funding.ratio')}>{bpText(policy.data.ratioBp)}</Descriptions.Item>
            <Descriptions.Item label={t('funding.cap')}><Money fen={policy.data.capPerProjectFen} /></Descriptions.Item>
            <Descriptions.Item label={t('funding.tranches')}>
              {policy.data.tranches.map((tr) => t('funding.trancheItem', { m: tr.milestoneIndex + 1, p: tr.percent })).join('；')}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      {editing && <PolicyModal batchId={batchId} current={policy.data ?? null} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function PolicyModal({ batchId, current, onClose }: { batchId: string; current: Schemas['FundingPolicy'] | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<PolicyForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (v: PolicyForm) =>
      unwrap(api.PUT('/api/v1/batches/{batchId}/funding-policy', {
        params: { path: { batchId }, header: current ? { 'If-Match': etag(current.version) } : {} },
        body: {
          ratioBp: Math.round(v.ratioPercent * 100),
          capPerProjectFen: wanToFen(v.capWan) ?? 0,
          totalBudgetFen: wanToFen(v.totalWan) ?? 0,
          // People number milestones from 1; the API counts from 0.
          tranches: v.tranches.map((tr) => ({ percent: tr.percent, milestoneIndex: tr.milestoneIndex - 1 })),
        },
      })),
    { invalidate: [['policy', batchId]], onSuccess: onClose },
  );
  return (
    <Modal open width={640} title={t('funding.setPolicy')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical"
        initialValues={current ? {
          ratioPercent: current.ratioBp / 100, capWan: current.capPerProjectFen / 1e6, totalWan: current.totalBudgetFen / 1e6,
          tranches: current.tranches.map((tr) => ({ percent: tr.percent, milestoneIndex: tr.milestoneIndex + 1 })),
        } : { ratioPercent: 30, capWan: 1000, totalWan: 10000, tranches: [{ percent: 50, milestoneIndex: 1 }, { percent: 50, milestoneIndex: 2 }] }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Space>
          <Form.Item name="ratioPercent" label={t('funding.ratioPercent')} rules={[{ required: true }]}><InputNumber min={0} max={100} step={0.01} addonAfter="%" /></Form.Item>
          <Form.Item name="capWan" label={t('funding.cap')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
          <Form.Item name="totalWan" label={t('funding.totalBudget')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
        </Space>
        <Form.List name="tranches">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'milestoneIndex']} label={t('funding.milestoneIndex')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
                  <Form.Item name={[f.name, 'percent']} label={t('funding.percent')} rules={[{ required: true }]}><InputNumber min={1} max={100} addonAfter="%" /></Form.Item>
                  <Button danger type="link" onClick={() => remove(f.name)}>{t('common.remove')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ percent: 0, milestoneIndex: fields.length + 1 })}>{t('funding.addTranche')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
