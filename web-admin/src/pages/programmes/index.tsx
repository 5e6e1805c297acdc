import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { PhaseBadge } from '../../components/PhaseBadge';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../lib/hooks';

export function ProgrammesPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => unwrap(api.GET('/api/v1/programmes')) });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('menu.programmes')}
        extra={canAct && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('programme.create')}</Button>}
      />
      <QueryState query={programmes} isEmpty={(d) => d.length === 0} empty={t('programme.empty')}>
        {(list) => (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            {list.map((p) => <ProgrammeCard key={p.id} programme={p} canAct={canAct} />)}
          </Space>
        )}
      </QueryState>
      {creating && <CreateProgrammeModal onClose={() => setCreating(false)} />}
    </>
  );
}

function ProgrammeCard({ programme, canAct }: { programme: Schemas['Programme']; canAct: boolean }) {
  const t = useT();
  const batches = useQuery({
    queryKey: ['batches', programme.id],
    queryFn: () => unwrap(api.GET('/api/v1/batches', { params: { query: { programme: programme.id } } })),
  });
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={<Space>{programme.name}<Tag>{programme.code}</Tag>{programme.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}</Space>}
      extra={canAct && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`create-batch-${programme.code}`}>{t('batch.create')}</Button>}
      data-testid={`programme-${programme.code}`}
    >
      <p style={{ marginTop: 0 }}>
        {programme.operatorName} · {t('programme.target', { n: programme.targetConsortia, year: programme.targetYear })}
      </p>
      <QueryState query={batches} isEmpty={(d) => d.length === 0} empty={t('batch.empty')}>
        {(list) => (
          <Table<Schemas['Batch']>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={list}
            columns={[
              { title: t('batch.code'), dataIndex: 'code', render: (v, b) => <Link to={`/batches/${b.id}`}>{v}</Link> },
              { title: t('batch.name'), dataIndex: 'name' },
              { title: t('batch.window'), render: (_, b) => `${b.opensOn} ~ ${b.closesOn}` },
              { title: t('batch.phase'), render: (_, b) => <PhaseBadge phase={b.phase} opensOn={b.opensOn} closesOn={b.closesOn} closesAt={b.closesAt} /> },
              { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="batch" value={v} /> },
              { title: t('batch.publishedChallenges'), dataIndex: 'publishedChallenges', align: 'right' },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateBatchModal programmeId={programme.id} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateProgrammeModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['CreateProgrammeRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const create = useAction((body: Schemas['CreateProgrammeRequest']) => unwrap(api.POST('/api/v1/programmes', { body })), {
    invalidate: [['programmes']],
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('programme.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ProblemAlert error={create.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ targetConsortia: 30, targetYear: new Date().getFullYear() }}
        onFinish={(v) => create.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="code" label={t('programme.code')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name" label={t('programme.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('programme.nameEn')}><Input /></Form.Item>
        <Form.Item name="operatorName" label={t('programme.operator')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('programme.description')}><Input.TextArea rows={2} /></Form.Item>
        <Space>
          <Form.Item name="targetConsortia" label={t('programme.targetConsortia')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="targetYear" label={t('programme.targetYear')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface BatchForm {
  code: string;
  name: string;
  nameEn?: string;
  window: [Dayjs, Dayjs];
  note?: string;
}

export function CreateBatchModal({ programmeId, onClose }: { programmeId: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<BatchForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const create = useAction(
    (v: BatchForm) =>
      unwrap(api.POST('/api/v1/programmes/{programmeId}/batches', {
        params: { path: { programmeId } },
        body: { code: v.code, name: v.name, nameEn: v.nameEn, note: v.note, opensOn: v.window[0].format('YYYY-MM-DD'), closesOn: v.window[1].format('YYYY-MM-DD') },
      })),
    { invalidate: [['batches', programmeId]], onSuccess: onClose },
  );
  return (
    <Modal open title={t('batch.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ProblemAlert error={create.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v, {
        onError: (e) => setExtra(applyFieldErrors(form, e).concat(windowErrors(form, e))),
      })}>
        <Form.Item name="code" label={t('batch.code')} rules={[{ required: true }]}><Input placeholder="ZGC-2026-01" /></Form.Item>
        <Form.Item name="name" label={t('batch.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('batch.nameEn')}><Input /></Form.Item>
        <Form.Item name="window" label={t('batch.windowShanghai')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="note" label={t('batch.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** opensOn/closesOn errors belong to the one range picker. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function windowErrors(form: FormInstance<any>, error: unknown): string[] {
  const fieldErrors = (error as { fieldErrors?: Record<string, string[]> })?.fieldErrors ?? {};
  const messages = [...(fieldErrors.opensOn ?? []), ...(fieldErrors.closesOn ?? [])];
  if (messages.length) form.setFields([{ name: 'window', errors: messages }]);
  return [];
}
