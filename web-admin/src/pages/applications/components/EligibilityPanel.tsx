import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import type { Schemas } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { useRole } from '../../../auth/useSession';
import { ProblemAlert } from '../../../components/Problem';
import { formatDateTime } from '../../../lib/format';
import { applyFieldErrors } from '../../../lib/errors';
import { EligibilityBadge } from './EligibilityBadge';
import { useOverrideEligibility } from '../queries';

export function EligibilityPanel({ a }: { a: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const { locale } = useI18n();
  const role = useRole();
  const [overriding, setOverriding] = useState(false);
  if (!a.eligibility) return <Typography.Paragraph>{t('application.notChecked')}</Typography.Paragraph>;
  return (
    <Card
      title={<Space>{t('application.formalCheck')}<EligibilityBadge value={a.eligibility} /><Typography.Text type="secondary">{formatDateTime(a.eligibilityCheckedAt)}</Typography.Text></Space>}
      extra={role === 'TaskForce' && <Button onClick={() => setOverriding(true)} data-testid="override">{t('application.override')}</Button>}
    >
      {a.eligibilityOverrideReason && <Typography.Paragraph type="warning">{t('application.overrideReason')}：{a.eligibilityOverrideReason}</Typography.Paragraph>}
      <Table<Schemas['RuleResultView']> rowKey={(r) => r.code + (r.organisationId ?? '')} size="small" pagination={false} dataSource={a.eligibilityResults ?? []}
        columns={[
          { title: '', dataIndex: 'passed', width: 40, render: (v) => (v ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />) },
          { title: t('application.rule'), dataIndex: 'code', width: 280, render: (v) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('application.ruleMessage'), render: (_, r) => (locale === 'zh-CN' ? r.messageZh : r.messageEn) },
        ]} />
      {overriding && <OverrideModal a={a} onClose={() => setOverriding(false)} />}
    </Card>
  );
}

function OverrideModal({ a, onClose }: { a: Schemas['ApplicationDetail']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['OverrideEligibilityRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useOverrideEligibility(a, { onSuccess: onClose });
  return (
    <Modal open title={t('application.override')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ outcome: a.eligibility === 'Eligible' ? 'Ineligible' : 'Eligible' }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="outcome" label={t('application.outcome')}>
          <Radio.Group options={[{ value: 'Eligible', label: t('status.eligibility.Eligible') }, { value: 'Ineligible', label: t('status.eligibility.Ineligible') }]} />
        </Form.Item>
        <Form.Item name="reason" label={t('application.overrideReason')} rules={[{ required: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
