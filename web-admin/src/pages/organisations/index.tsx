import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { ApiError, api, unwrap, etag, type Schemas } from '../../api/client';
import { useI18n, useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, ProblemAlert, applyFieldErrors, problemText } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../lib/hooks';
import { formatDateTime } from '../../lib/format';
import { CorrectOrganisationModal, organisationTypes as types } from './components/CorrectOrganisationModal';

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
  const [correcting, setCorrecting] = useState<Schemas['Organisation'] | null>(null);
  const overseer = role === 'TaskForce' || role === 'Auditor';
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
              { title: t('organisation.verification'), dataIndex: 'verified', render: (v, o) => <>
                <Tag color={v ? 'green' : 'default'} data-testid={`verified-${o.id}`}>{t(v ? 'organisation.verified' : 'organisation.unverified')}</Tag>
                {overseer && v && o.verifiedBy && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('organisation.verifiedByAt', { name: o.verifiedBy, at: formatDateTime(o.verifiedAt) })}</Typography.Text>
                )}
              </> },
              ...(overseer ? [{ title: t('organisation.registrant'), key: 'registrant', render: (_: unknown, o: Schemas['Organisation']) => <Registrant organisation={o} /> }] : []),
              ...(role === 'TaskForce' ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, o: Schemas['Organisation']) => <Space size={0}>
                <Button size="small" type="link" data-testid={`correct-${o.id}`} onClick={() => setCorrecting(o)}>{t('organisation.correct')}</Button>
                {!o.verified && <VerifyButton organisation={o} />}
              </Space> }] : []),
            ]} />
        )}
      </Card>
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
      {crediting && <CreditModal organisation={crediting} onClose={() => setCrediting(null)} />}
      {correcting && <CorrectOrganisationModal organisation={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}

/** Who put the record in the registry: a console user or a district system's key; seeded records have neither. */
function Registrant({ organisation: o }: { organisation: Schemas['Organisation'] }) {
  const t = useT();
  if (!o.registeredBy) return <Typography.Text type="secondary">{t('organisation.registrant.none')}</Typography.Text>;
  const { kind, name } = o.registeredBy;
  const label = kind === 'User' || kind === 'DistrictKey' ? t(`organisation.registrant.${kind}`) : null;
  return <>{label ? t('organisation.registrant.line', { kind: label, name }) : name}</>;
}

/** 核验: the task force confirms the record against the licence; sent with the version the list showed. */
function VerifyButton({ organisation: o }: { organisation: Schemas['Organisation'] }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fail = async (e: unknown) => {
    if (!(e instanceof ApiError && e.status === 412)) {
      message.error(problemText(e, locale, t));
      return;
    }
    message.warning(t('organisation.stale'));
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
  };
  const verify = useAction(
    () => unwrap(api.POST('/api/v1/organisations/{id}/verify', { params: { path: { id: o.id }, header: { 'If-Match': etag(o.version) } } })),
    { success: t('organisation.verify.done'), invalidate: [['organisations']] },
  );
  return (
    <Popconfirm title={t('organisation.verify.confirm', { name: o.name })} okText={t('organisation.verify')} cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `verify-confirm-${o.id}` } as React.ComponentProps<typeof Button>}
      onConfirm={() => verify.mutateAsync(undefined).catch(fail)}>
      <Button size="small" type="link" loading={verify.isPending} data-testid={`verify-${o.id}`}>{t('organisation.verify')}</Button>
    </Popconfirm>
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
