import { Card, Descriptions, Space, Table, Tag } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { Money } from '../../../components/Money';
import { formatDateTime } from '../../../lib/format';
import { ConsortiumCard, UnconfirmedNotice } from './Consortium';

export function Overview({ a }: { a: Schemas['ApplicationDetail'] }) {
  const t = useT();
  return (
    <>
      <UnconfirmedNotice a={a} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('application.lead')}>{a.leadOrganisationName}</Descriptions.Item>
          <Descriptions.Item label={t('application.ownInvestment')}><Money fen={a.ownInvestmentFen} /></Descriptions.Item>
          <Descriptions.Item label={t('application.submittedAt')}>{formatDateTime(a.submittedAt)}（v{a.submittedVersion}）</Descriptions.Item>
          <Descriptions.Item label={t('batch.closesAt')}>{formatDateTime(a.closesAt)}</Descriptions.Item>
          <Descriptions.Item label={t('application.technicalApproach')} span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{a.technicalApproach}</div></Descriptions.Item>
          <Descriptions.Item label={t('application.declarations')} span={2}>
            <Space>
              {(['firstCooperation', 'noBadCreditRecord', 'ipProtection'] as const).map((k) => (
                <Tag key={k} color={a.declarations[k] ? 'green' : 'red'}>{t(`declaration.${k}`)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ConsortiumCard a={a} />
      <Card title={t('application.team')} style={{ marginBottom: 16 }}>
        <Table<Schemas['TeamMember']> rowKey={(r) => r.name + r.role} size="small" pagination={false} dataSource={a.team}
          columns={[
            { title: t('team.name'), dataIndex: 'name' },
            { title: t('team.title'), dataIndex: 'title' },
            { title: t('team.role'), dataIndex: 'role' },
          ]} />
      </Card>
      <Card title={t('application.indicatorResponses')} style={{ marginBottom: 16 }}>
        <Table<Schemas['IndicatorResponse']> rowKey="indicatorId" size="small" pagination={false} dataSource={a.indicatorResponses}
          columns={[
            { title: '#', render: (_, __, i) => i + 1, width: 50 },
            { title: t('indicator.committed'), dataIndex: 'committedValue' },
            { title: t('common.note'), dataIndex: 'note' },
          ]} />
      </Card>
      <Card title={t('application.milestones')}>
        <Table<Schemas['Milestone']> rowKey="name" size="small" pagination={false} dataSource={a.milestones}
          columns={[
            { title: t('milestone.name'), dataIndex: 'name' },
            { title: t('milestone.dueMonth'), dataIndex: 'dueMonth' },
            { title: t('milestone.deliverable'), dataIndex: 'deliverable' },
          ]} />
      </Card>
    </>
  );
}
