import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { useAction } from '../../lib/hooks';
import { useFieldOptions } from '../../lib/useFields';

export function useOrganisationNames() {
  const orgs = useQuery({ queryKey: ['organisations', 'all'], queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { pageSize: 200 } } })) });
  return { options: (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })), name: (id?: string | null) => orgs.data?.items.find((o) => o.id === id)?.name ?? id ?? '—' };
}

export function ExpertsPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const experts = useQuery({ queryKey: ['experts'], queryFn: () => unwrap(api.GET('/api/v1/review/experts')) });
  const orgs = useOrganisationNames();
  const [editing, setEditing] = useState<Schemas['ReviewExpert'] | 'new' | null>(null);
  const [linking, setLinking] = useState<Schemas['ReviewExpert'] | null>(null);
  return (
    <>
      <PageHeader title={t('menu.experts')} extra={canAct && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-expert">{t('expert.create')}</Button>} />
      <Card>
        <QueryState query={experts} isEmpty={(d) => d.length === 0} empty={t('expert.empty')}>
          {(list) => (
            <Table<Schemas['ReviewExpert']> rowKey="id" dataSource={list} pagination={{ pageSize: 20 }}
              columns={[
                { title: t('expert.name'), dataIndex: 'name' },
                { title: t('expert.title'), dataIndex: 'title' },
                { title: t('expert.fields'), dataIndex: 'fields', render: (v: string[]) => v.map((f) => <Tag key={f}>{t(`field.${f}`)}</Tag>) },
                { title: t('expert.affiliation'), dataIndex: 'affiliationOrganisationId', render: (v) => orgs.name(v) },
                { title: t('expert.conflicts'), dataIndex: 'declaredConflicts', render: (v: string[]) => v.length ? v.map((id) => <Tag key={id} color="orange">{orgs.name(id)}</Tag>) : '—' },
                { title: t('expert.account'), dataIndex: 'userId', render: (v) => (v ? <Tag color="green">{t('expert.linked')}</Tag> : <Tag>{t('expert.unlinked')}</Tag>) },
                { title: t('expert.active'), dataIndex: 'active', render: (v) => (v ? t('common.yes') : t('common.no')) },
                ...(canAct ? [{
                  title: '', render: (_: unknown, e: Schemas['ReviewExpert']) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(e)}>{t('common.edit')}</Button>
                      {!e.userId && <Button size="small" onClick={() => setLinking(e)}>{t('expert.link')}</Button>}
                    </Space>
                  ),
                }] : []),
              ]} />
          )}
        </QueryState>
      </Card>
      {editing && <ExpertModal expert={editing === 'new' ? null : editing} orgOptions={orgs.options} onClose={() => setEditing(null)} />}
      {linking && <LinkModal expert={linking} onClose={() => setLinking(null)} />}
    </>
  );
}

function ExpertModal({ expert, orgOptions, onClose }: { expert: Schemas['ReviewExpert'] | null; orgOptions: { value: string; label: string }[]; onClose: () => void }) {
  const t = useT();
  const fieldOptions = useFieldOptions();
  const [form] = Form.useForm<Schemas['CreateExpertRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (body: Schemas['CreateExpertRequest']) => expert
      ? unwrap(api.PUT('/api/v1/review/experts/{id}', { params: { path: { id: expert.id }, header: { 'If-Match': etag(expert.version) } }, body }))
      : unwrap(api.POST('/api/v1/review/experts', { body })),
    { invalidate: [['experts']], onSuccess: onClose },
  );
  return (
    <Modal open title={expert ? t('common.edit') : t('expert.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={expert ?? { active: true, fields: [], declaredConflicts: [] }}
        onFinish={(v) => save.mutate(
          // Declared person conflicts are not edited here: keep the expert's own (the API replaces the whole profile).
          { ...v, declaredConflicts: v.declaredConflicts ?? [], declaredPersonConflicts: expert?.declaredPersonConflicts ?? [] },
          { onError: (e) => setExtra(applyFieldErrors(form, e)) },
        )}>
        <Form.Item name="name" label={t('expert.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="title" label={t('expert.title')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="fields" label={t('expert.fields')} rules={[{ required: true }]}><Select mode="multiple" options={fieldOptions} /></Form.Item>
        <Form.Item name="affiliationOrganisationId" label={t('expert.affiliation')}><Select allowClear showSearch optionFilterProp="label" options={orgOptions} /></Form.Item>
        <Form.Item name="declaredConflicts" label={t('expert.conflicts')}><Select mode="multiple" showSearch optionFilterProp="label" options={orgOptions} /></Form.Item>
        <Form.Item name="active" label={t('expert.active')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}

function LinkModal({ expert, onClose }: { expert: Schemas['ReviewExpert']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ userName: string }>();
  const link = useAction(
    (body: { userName: string }) => unwrap(api.POST('/api/v1/review/experts/{id}/user', { params: { path: { id: expert.id } }, body })),
    { invalidate: [['experts']], onSuccess: onClose },
  );
  return (
    <Modal open title={`${t('expert.link')} · ${expert.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={link.isPending}>
      <ProblemAlert error={link.error} />
      <Form form={form} layout="vertical" onFinish={(v) => link.mutate(v, { onError: (e) => applyFieldErrors(form, e) })}>
        <Form.Item name="userName" label={t('login.userName')} rules={[{ required: true }]} extra={t('expert.linkHint')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
