import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../lib/hooks';

const types: Schemas['OrganisationType'][] = ['University', 'Institute', 'Enterprise', 'NewRdInstitution', 'SocialOrganisation'];

export function OrganisationsPage() {
  const t = useT();
  const role = useRole();
  const [filter, setFilter] = useState<{ q?: string; type?: Schemas['OrganisationType']; page: number }>({ page: 1 });
  const list = useQuery({
    queryKey: ['organisations', filter],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { ...filter, pageSize: 20 } } })),
  });
  const [registering, setRegistering] = useState(false);
  const [crediting, setCrediting] = useState<Schemas['Organisation'] | null>(null);
  return (
    <>
      <PageHeader title={t('menu.organisations')} extra={role !== 'Auditor' && role !== 'Expert' && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>{t('organisation.register')}</Button>} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('organisation.search')} onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })} style={{ width: 260 }} />
          <Select allowClear placeholder={t('organisation.type')} style={{ width: 180 }} onChange={(type) => setFilter({ ...filter, type, page: 1 })}
            options={types.map((v) => ({ value: v, label: t(`orgType.${v}`) }))} />
        </Space>
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} /> : (
          <Table<Schemas['Organisation']> rowKey="id" loading={list.isFetching} dataSource={list.data?.items}
            pagination={{ current: filter.page, pageSize: 20, total: list.data?.total, onChange: (page) => setFilter({ ...filter, page }), showTotal: (n) => t('common.total', { n }) }}
            columns={[
              { title: t('organisation.name'), dataIndex: 'name', render: (v, o) => <>{v}{o.isDemo && <Tag color="gold" style={{ marginLeft: 4 }}>{t('common.demo')}</Tag>}</> },
              { title: t('organisation.creditCode'), dataIndex: 'creditCode', render: (v) => <code>{v}</code> },
              { title: t('organisation.type'), dataIndex: 'type', render: (v) => t(`orgType.${v}`) },
              { title: t('organisation.region'), render: (_, o) => o.regionName ?? o.regionCode },
              { title: t('organisation.legalPerson'), dataIndex: 'independentLegalPerson', render: (v) => (v ? t('common.yes') : t('common.no')) },
              { title: t('organisation.credit'), dataIndex: 'creditStanding', render: (v, o) => <>
                <StatusTag kind="credit" value={v} />
                {role === 'TaskForce' && <Button size="small" type="link" onClick={() => setCrediting(o)}>{t('common.edit')}</Button>}
              </> },
            ]} />
        )}
      </Card>
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
      {crediting && <CreditModal organisation={crediting} onClose={() => setCrediting(null)} />}
    </>
  );
}

function RegisterModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['RegisterOrganisationRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction((body: Schemas['RegisterOrganisationRequest']) => unwrap(api.POST('/api/v1/organisations', { body })), { invalidate: [['organisations']], onSuccess: onClose });
  return (
    <Modal open title={t('organisation.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ independentLegalPerson: true, type: 'Enterprise' }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="creditCode" label={t('organisation.creditCode')} rules={[{ required: true }]}><Input maxLength={18} /></Form.Item>
        <Form.Item name="name" label={t('organisation.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="type" label={t('organisation.type')}><Select options={types.map((v) => ({ value: v, label: t(`orgType.${v}`) }))} /></Form.Item>
        <Form.Item name="regionCode" label={t('organisation.regionCode')} rules={[{ required: true }]}><Input maxLength={6} /></Form.Item>
        <Form.Item name="independentLegalPerson" label={t('organisation.legalPerson')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="commercialisationBase" label={t('organisation.commercialisationBase')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

function CreditModal({ organisation, onClose }: { organisation: Schemas['Organisation']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ standing: Schemas['CreditStanding']; source?: string; recordedOn?: import('dayjs').Dayjs }>();
  const save = useAction(
    (v: { standing: Schemas['CreditStanding']; source?: string; recordedOn?: import('dayjs').Dayjs }) =>
      unwrap(api.PUT('/api/v1/organisations/{id}/credit-standing', {
        params: { path: { id: organisation.id }, header: { 'If-Match': etag(organisation.version) } },
        body: { standing: v.standing, source: v.source, recordedOn: v.recordedOn?.format('YYYY-MM-DD') },
      })),
    { invalidate: [['organisations']], onSuccess: onClose },
  );
  return (
    <Modal open title={`${t('organisation.credit')} · ${organisation.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} />
      <Form form={form} layout="vertical" initialValues={{ standing: organisation.creditStanding, source: organisation.creditSource }}
        onFinish={(v) => save.mutate(v, { onError: (e) => applyFieldErrors(form, e) })}>
        <Form.Item name="standing" label={t('organisation.credit')}>
          <Select options={(['Good', 'BadRecord'] as const).map((v) => ({ value: v, label: t(`status.credit.${v}`) }))} />
        </Form.Item>
        <Form.Item name="source" label={t('organisation.creditSource')}><Input /></Form.Item>
        <Form.Item name="recordedOn" label={t('organisation.creditRecordedOn')}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
