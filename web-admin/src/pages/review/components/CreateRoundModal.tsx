import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import { useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { ZONE } from '../../../lib/format';
import { RubricEditor, validateRubric, type Criterion } from './RubricEditor';
import { applyFieldErrors } from '../../../lib/errors';
import { useCreateRound } from '../queries';

interface RoundForm {
  kind: Schemas['ReviewRoundKind'];
  name: string;
  passThreshold: number;
  expertsPerItem: number;
  maxLoadPerExpert: number;
  spreadLimit: number;
  scoring: [Dayjs, Dayjs];
}

export function CreateRoundModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<RoundForm>();
  const [criteria, setCriteria] = useState<Criterion[]>([
    { name: '技术方案先进性', weight: 0.4, maxScore: 100, threshold: null },
    { name: '团队能力', weight: 0.3, maxScore: 100, threshold: null },
    { name: '实施计划与投入', weight: 0.3, maxScore: 100, threshold: null },
  ]);
  const [rubricErrors, setRubricErrors] = useState<Record<string, string | string[]>>({});
  const [extra, setExtra] = useState<string[]>([]);
  const create = useCreateRound({ onSuccess: (r) => { onClose(); navigate(`/review/rounds/${r.id}`); } });
  const submit = (v: RoundForm) => {
    const local = validateRubric(criteria, t);
    setRubricErrors(local);
    if (Object.keys(local).length) return;
    create.mutate({
      kind: v.kind, name: v.name, visibility: 'SealedUntilClose', criteria, passThreshold: v.passThreshold, expertsPerItem: v.expertsPerItem,
      maxLoadPerExpert: v.maxLoadPerExpert, spreadLimit: v.spreadLimit,
      scoringOpensAt: v.scoring[0].toISOString(), scoringClosesAt: v.scoring[1].toISOString(),
    }, {
      onError: (e) => {
        const api = (e as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
        setRubricErrors(Object.fromEntries(Object.entries(api).filter(([k]) => k.startsWith('criteria'))));
        setExtra(applyFieldErrors(form, e).filter((m) => !m.startsWith('criteria')));
      },
    });
  };
  return (
    <Modal open width={860} title={t('round.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <ProblemAlert error={create.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={submit}
        initialValues={{ kind: 'ApplicationReview', passThreshold: 60, expertsPerItem: 3, maxLoadPerExpert: 10, spreadLimit: 20, scoring: [dayjs().tz(ZONE), dayjs().tz(ZONE).add(14, 'day')] }}>
        <Space wrap>
          <Form.Item name="kind" label={t('round.kind')}>
            <Radio.Group options={(['NeedReview', 'ApplicationReview'] as const).map((k) => ({ value: k, label: t(`round.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('round.name')} rules={[{ required: true }]}><Input style={{ width: 360 }} /></Form.Item>
        </Space>
        <Form.Item label={t('round.rubric')} required>
          <RubricEditor value={criteria} onChange={setCriteria} errors={rubricErrors} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="passThreshold" label={t('round.passThreshold')} rules={[{ required: true }]}><InputNumber min={0} step={0.5} /></Form.Item>
          <Form.Item name="expertsPerItem" label={t('round.expertsPerItem')} rules={[{ required: true }]}><InputNumber min={1} max={30} /></Form.Item>
          <Form.Item name="maxLoadPerExpert" label={t('round.maxLoad')} rules={[{ required: true }]}><InputNumber min={1} max={500} /></Form.Item>
          <Form.Item name="spreadLimit" label={t('round.spreadLimit')} rules={[{ required: true }]}><InputNumber min={0.01} /></Form.Item>
        </Space>
        <Form.Item name="scoring" label={t('round.scoringWindow')} rules={[{ required: true }]}><DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
        <Alert type="info" showIcon title={t('round.createHint')} />
      </Form>
    </Modal>
  );
}
