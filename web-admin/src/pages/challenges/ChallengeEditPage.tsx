import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, QueryState } from '../../components/Problem';
import { wanToFen } from '../../lib/format';
import { useFieldOptions } from '../../lib/useFields';
import { applyFieldErrors } from '../../lib/errors';
import { useChallenge, useSaveChallenge } from './queries';
import { useBatchOptions } from '../programmes/queries';

interface ChallengeForm {
  batchId: string;
  field: Schemas['ChallengeField'];
  title: string;
  titleEn?: string;
  background: string;
  indicators: Schemas['IndicatorInput'][];
  deliverables: string[];
  rdMonths: number;
  plannedInvestmentWan: number;
  procurementWan?: number;
  procurementQuantity?: string;
  procurementTerms?: string;
  contact: Schemas['ContactInfo'];
}

export function ChallengeEditPage() {
  const { id } = useParams();
  const existing = useChallenge(id, !!id);
  if (id) return <QueryState query={existing}>{(c) => <ChallengeEditor existing={c} />}</QueryState>;
  return <ChallengeEditor />;
}

function ChallengeEditor({ existing }: { existing?: Schemas['ChallengeDetail'] }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChallengeForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const fieldOptions = useFieldOptions();
  const { batches } = useBatchOptions();
  const save = useSaveChallenge(existing, { onSuccess: (c) => navigate(`/challenges/${c.id}`) });
  const bodyOf = (v: ChallengeForm): Schemas['UpdateChallengeRequest'] => ({
    field: v.field, title: v.title, titleEn: v.titleEn || null, background: v.background,
    indicators: v.indicators, deliverables: v.deliverables ?? [], rdMonths: v.rdMonths,
    plannedInvestmentFen: wanToFen(v.plannedInvestmentWan) ?? 0,
    procurement: { amountFen: wanToFen(v.procurementWan), quantity: v.procurementQuantity || null, terms: v.procurementTerms || null },
    contact: v.contact,
  });
  const initial: Partial<ChallengeForm> = existing
    ? {
        batchId: existing.batchId, field: existing.field, title: existing.title, titleEn: existing.titleEn ?? undefined,
        background: existing.background, indicators: existing.indicators, deliverables: existing.deliverables,
        rdMonths: existing.rdMonths, plannedInvestmentWan: existing.plannedInvestmentFen / 1e6,
        procurementWan: existing.procurement.amountFen != null ? existing.procurement.amountFen / 1e6 : undefined,
        procurementQuantity: existing.procurement.quantity ?? undefined, procurementTerms: existing.procurement.terms ?? undefined,
        contact: existing.contact,
      }
    : { indicators: [{ name: '', target: '' }], deliverables: [], rdMonths: 24 };
  return (
    <>
      <PageHeader crumbs={[{ to: '/challenges', label: t('menu.challenges.own') }]} title={existing ? t('challenge.edit') : t('challenge.create')} />
      <Card>
        <ProblemAlert error={save.error} extra={extra} />
        <Form form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 900 }}
          onFinish={(v) => save.mutate({ body: bodyOf(v), batchId: v.batchId }, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
          <Form.Item name="batchId" label={t('challenge.batch')} rules={[{ required: true }]}>
            <Select disabled={!!existing} options={batches.filter((b) => b.status === 'Draft' || b.id === existing?.batchId).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))} />
          </Form.Item>
          <Form.Item name="field" label={t('challenge.field')} rules={[{ required: true }]}><Select options={fieldOptions} /></Form.Item>
          <Form.Item name="title" label={t('challenge.title')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="titleEn" label={t('challenge.titleEn')}><Input /></Form.Item>
          <Form.Item name="background" label={t('challenge.background')} rules={[{ required: true }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item label={t('challenge.indicators')} required>
            <Form.List name="indicators">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('indicator.name')} /></Form.Item>
                      <Form.Item name={[f.name, 'target']} rules={[{ required: true }]}><Input placeholder={t('indicator.target')} /></Form.Item>
                      <Form.Item name={[f.name, 'unit']}><Input placeholder={t('indicator.unit')} style={{ width: 100 }} /></Form.Item>
                      <Form.Item name={[f.name, 'verification']}><Input placeholder={t('indicator.verification')} /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', target: '' })}>{t('indicator.add')}</Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="deliverables" label={t('challenge.deliverables')}><Select mode="tags" open={false} /></Form.Item>
          <Space wrap>
            <Form.Item name="rdMonths" label={t('challenge.rdMonths')} rules={[{ required: true }]}><InputNumber min={1} max={120} /></Form.Item>
            <Form.Item name="plannedInvestmentWan" label={t('challenge.plannedInvestment')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="procurementWan" label={t('procurement.amount')}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
            <Form.Item name="procurementQuantity" label={t('procurement.quantity')}><Input /></Form.Item>
            <Form.Item name="procurementTerms" label={t('procurement.terms')}><Input style={{ width: 320 }} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name={['contact', 'name']} label={t('contact.name')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name={['contact', 'phone']} label={t('contact.phone')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name={['contact', 'email']} label={t('contact.email')}><Input /></Form.Item>
          </Space>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-challenge">{t('common.save')}</Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
