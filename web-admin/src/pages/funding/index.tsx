import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { AgreementList } from '../agreements';
import { Link, useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { Money } from '../../components/Money';
import { useAction } from '../../lib/hooks';
import { wanToFen } from '../../lib/format';

/** Every published batch's budget (committed / paid / remaining) from its funding policy. */
export function useBudgets() {
  const batches = useQuery({ queryKey: ['batches', 'all'], queryFn: () => unwrap(api.GET('/api/v1/batches')) });
  const published = (batches.data ?? []).filter((b) => b.status === 'Published');
  const policies = useQueries({
    queries: published.map((b) => ({
      queryKey: ['policy', b.id],
      queryFn: async () => {
        try {
          return await unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId: b.id } } }));
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        }
      },
    })),
  });
  return { batches, rows: published.map((b, i) => ({ batch: b, policy: policies[i]?.data ?? null, pending: policies[i]?.isPending })) };
}

export function FundingPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const budgets = useBudgets();
  const [signing, setSigning] = useState(false);
  return (
    <>
      <PageHeader title={t('menu.funding')} extra={canAct && <Button type="primary" icon={<PlusOutlined />} onClick={() => setSigning(true)} data-testid="sign-agreement">{t('agreement.sign')}</Button>} />
      <Card title={t('funding.budgets')} style={{ marginBottom: 16 }}>
        <QueryState query={budgets.batches} isEmpty={() => budgets.rows.length === 0}>
          {() => (
            <Table rowKey={(r) => r.batch.id} size="small" pagination={false} dataSource={budgets.rows} data-testid="budget-table"
              columns={[
                { title: t('challenge.batch'), render: (_, r) => <Link to={`/batches/${r.batch.id}`}>{r.batch.code} · {r.batch.name}</Link> },
                { title: t('funding.totalBudget'), align: 'right', render: (_, r) => r.policy ? <Money fen={r.policy.totalBudgetFen} /> : <Tag>{t('funding.noPolicy')}</Tag> },
                { title: t('funding.committed'), align: 'right', render: (_, r) => r.policy && <Money fen={r.policy.committedFen} /> },
                { title: t('funding.paid'), align: 'right', render: (_, r) => r.policy && <Money fen={r.policy.paidFen} /> },
                { title: t('funding.remaining'), align: 'right', render: (_, r) => r.policy && <Money fen={r.policy.availableFen} /> },
                { title: t('funding.usage'), width: 180, render: (_, r) => r.policy && r.policy.totalBudgetFen > 0 && (
                  <Progress size="small" percent={Math.round((r.policy.committedFen / r.policy.totalBudgetFen) * 100)} success={{ percent: Math.round((r.policy.paidFen / r.policy.totalBudgetFen) * 100) }} />
                ) },
              ]} />
          )}
        </QueryState>
      </Card>
      <Card title={t('funding.agreements')}>
        <AgreementList />
      </Card>
      {signing && <SignModal onClose={() => setSigning(false)} />}
    </>
  );
}

interface SignForm {
  applicationId: string;
  issuerWan: number;
  applicantWan: number;
  period: [Dayjs, Dayjs];
  milestones: { name: string; dueOn: Dayjs; deliverables?: string }[];
}

/** The tranche the plan ties to milestone i (0-based), as the API expects it on each milestone; null when none. */
export function trancheIndexFor(plan: Schemas['TrancheModel'][], milestone: number): number | null {
  const index = plan.findIndex((tr) => tr.milestoneIndex === milestone);
  return index < 0 ? null : index;
}

/** A milestone's deliverables as typed in the signing form: one per line, blank lines dropped. */
export function deliverableLines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

function SignModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<SignForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const selected = useQuery({ queryKey: ['applications', { status: 'Selected' }], queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { status: 'Selected', pageSize: 100 } } })) });
  const applicationId = Form.useWatch('applicationId', form);
  const batchId = selected.data?.items.find((a) => a.id === applicationId)?.batchId;
  const policy = useQuery({
    queryKey: ['policy', batchId],
    enabled: !!batchId,
    queryFn: () => unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId: batchId! } } })),
  });
  const plan = policy.data?.tranches ?? [];
  const sign = useAction(
    (v: SignForm) => unwrap(api.POST('/api/v1/agreements', {
      body: {
        applicationId: v.applicationId, issuerInvestmentFen: wanToFen(v.issuerWan) ?? 0, applicantInvestmentFen: wanToFen(v.applicantWan) ?? 0,
        startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'),
        milestones: v.milestones.map((m, i) => ({
          name: m.name, dueOn: m.dueOn.format('YYYY-MM-DD'), trancheIndex: trancheIndexFor(plan, i), deliverables: deliverableLines(m.deliverables), indicatorTargets: [],
        })),
      },
    })),
    { invalidate: [['agreements'], ['policy'], ['applications']], onSuccess: (a) => { onClose(); navigate(`/funding/agreements/${a.id}`); } },
  );
  return (
    <Modal open width={760} title={t('agreement.sign')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={sign.isPending}>
      <ProblemAlert error={sign.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ milestones: [{ name: '中期' }, { name: '验收' }] }}
        onFinish={(v) => sign.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { issuerInvestmentFen: 'issuerWan', applicantInvestmentFen: 'applicantWan' })) })}>
        <Form.Item name="applicationId" label={t('agreement.application')} rules={[{ required: true }]}>
          <Select loading={selected.isPending} data-testid="agreement-application" notFoundContent={t('agreement.noSelected')}
            options={(selected.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.leadOrganisationName} · ${a.challengeTitle}` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuerWan" label={t('agreement.issuerInvestment')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="issuer-investment" /></Form.Item>
          <Form.Item name="applicantWan" label={t('agreement.applicantInvestment')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="applicant-investment" /></Form.Item>
          <Form.Item name="period" label={t('agreement.period')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
        </Space>
        {policy.isError && <ProblemAlert error={policy.error} />}
        {policy.data && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('agreement.planHint', {
          plan: plan.map((tr) => t('funding.trancheItem', { m: tr.milestoneIndex + 1, p: tr.percent })).join('；'),
          n: plan.length ? Math.max(...plan.map((tr) => tr.milestoneIndex)) + 1 : 0,
        })} />}
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} label={t('milestone.name')} rules={[{ required: true }]}><Input /></Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} label={t('milestone.dueOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
                  <Form.Item name={[f.name, 'deliverables']} label={t('milestone.deliverables')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 220 }} data-testid={`milestone-deliverables-${f.name}`} />
                  </Form.Item>
                  <Form.Item label={t('funding.tranches')}>
                    <Tag data-testid={`milestone-tranche-${f.name}`}>
                      {trancheIndexFor(plan, f.name) === null ? t('agreement.noTranche') : `${plan[trancheIndexFor(plan, f.name)!].percent}%`}
                    </Tag>
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>{t('common.remove')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '' })}>{t('milestone.add')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function BudgetSummary({ committed, paid, total }: { committed: number; paid: number; total: number }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col span={8}><Statistic title={t('funding.committed')} value={committed} formatter={() => <Money fen={committed} />} /></Col>
      <Col span={8}><Statistic title={t('funding.paid')} value={paid} formatter={() => <Money fen={paid} />} /></Col>
      <Col span={8}><Statistic title={t('funding.remaining')} value={total} formatter={() => <Money fen={total} />} /></Col>
    </Row>
  );
}
