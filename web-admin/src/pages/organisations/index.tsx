import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { CorrectOrganisationModal, organisationTypes as types } from './components/CorrectOrganisationModal';
import { VerifyButton } from './components/VerifyButton';
import { Registrant, RegisterModal } from './components/RegisterModal';
import { CreditModal } from './components/CreditModal';
import { useOrganisations } from './queries';

export function OrganisationsPage() {
  const t = useT();
  const role = useRole();
  const [filter, setFilter] = useState<{ q?: string; type?: Schemas['OrganisationType']; page: number }>({ page: 1 });
  const list = useOrganisations(filter);
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
              { title: t('organisation.type'), dataIndex: 'type', render: (v: Schemas['OrganisationType']) => t(`orgType.${v}`) },
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

