import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { wanToFen } from '../../../lib/format';
import { applyFieldErrors } from '../../../lib/errors';
import { useSelectedApplications } from '../../applications/queries';
import { useSigningPolicy, useSignAgreement } from '../queries';

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

export function SignModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<SignForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const selected = useSelectedApplications();
  const applicationId = Form.useWatch('applicationId', form);
  const batchId = selected.data?.items.find((a) => a.id === applicationId)?.batchId;
  const policy = useSigningPolicy(batchId);
  const plan = policy.data?.tranches ?? [];
  const sign = useSignAgreement({ onSuccess: (a) => { onClose(); navigate(`/funding/agreements/${a.id}`); } });
  const bodyOf = (v: SignForm): Schemas['SignAgreementRequest'] => ({
    applicationId: v.applicationId, issuerInvestmentFen: wanToFen(v.issuerWan) ?? 0, applicantInvestmentFen: wanToFen(v.applicantWan) ?? 0,
    startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'),
    milestones: v.milestones.map((m, i) => ({
      name: m.name, dueOn: m.dueOn.format('YYYY-MM-DD'), trancheIndex: trancheIndexFor(plan, i), deliverables: deliverableLines(m.deliverables), indicatorTargets: [],
    })),
  });
  return (
    <Modal open width={760} title={t('agreement.sign')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={sign.isPending}>
      <ProblemAlert error={sign.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ milestones: [{ name: '中期' }, { name: '验收' }] }}
        onFinish={(v) => sign.mutate(bodyOf(v), { onError: (e) => setExtra(applyFieldErrors(form, e, { issuerInvestmentFen: 'issuerWan', applicantInvestmentFen: 'applicantWan' })) })}>
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
