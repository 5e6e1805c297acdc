import { useState } from 'react';
import { Button, Card, Col, Descriptions, Form, InputNumber, Modal, Row, Space, Statistic } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useRole } from '../../../auth/useSession';
import { ProblemAlert, ErrorView } from '../../../components/Problem';
import { Money } from '../../../components/Money';
import { bpText, fenToWanText, wanToFen } from '../../../lib/format';
import { applyFieldErrors } from '../../../lib/errors';
import { useFundingPolicy, useSetFundingPolicy } from '../../funding/queries';

interface PolicyForm {
  ratioPercent: number;
  capWan: number;
  totalWan: number;
  tranches: { percent: number; milestoneIndex: number }[];
}

export function FundingPolicyCard({ batchId }: { batchId: string }) {
  const t = useT();
  const role = useRole();
  const canAct = role === 'TaskForce';
  const policy = useFundingPolicy(batchId, role === 'TaskForce' || role === 'Auditor');
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
  const save = useSetFundingPolicy(batchId, current, { onSuccess: onClose });
  const bodyOf = (v: PolicyForm): Schemas['SetFundingPolicyRequest'] => ({
    ratioBp: Math.round(v.ratioPercent * 100),
    capPerProjectFen: wanToFen(v.capWan) ?? 0,
    totalBudgetFen: wanToFen(v.totalWan) ?? 0,
    // People number milestones from 1; the API counts from 0.
    tranches: v.tranches.map((tr) => ({ percent: tr.percent, milestoneIndex: tr.milestoneIndex - 1 })),
  });
  return (
    <Modal open width={640} title={t('funding.setPolicy')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical"
        initialValues={current ? {
          ratioPercent: current.ratioBp / 100, capWan: current.capPerProjectFen / 1e6, totalWan: current.totalBudgetFen / 1e6,
          tranches: current.tranches.map((tr) => ({ percent: tr.percent, milestoneIndex: tr.milestoneIndex + 1 })),
        } : { ratioPercent: 30, capWan: 1000, totalWan: 10000, tranches: [{ percent: 50, milestoneIndex: 1 }, { percent: 50, milestoneIndex: 2 }] }}
        onFinish={(v) => save.mutate(bodyOf(v), { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
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
