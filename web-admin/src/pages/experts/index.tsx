import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { ExpertModal } from './components/ExpertModal';
import { LinkModal } from './components/LinkModal';
import { useExperts } from './queries';
import { useOrganisationNames } from '../../lib/organisations';


export function ExpertsPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const experts = useExperts();
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
                { title: t('expert.fields'), dataIndex: 'fields', render: (v: Schemas['ChallengeField'][]) => v.map((f) => <Tag key={f}>{t(`field.${f}`)}</Tag>) },
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

