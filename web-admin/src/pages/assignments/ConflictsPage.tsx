import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert } from '../../components/Problem';
import { useOrganisationNames } from '../../lib/organisations';
import { useMyExpert, useSaveMyConflicts } from './queries';

export function ConflictsPage() {
  const t = useT();
  const me = useMyExpert();
  const orgs = useOrganisationNames();
  const [conflicts, setConflicts] = useState<string[]>([]);
  useEffect(() => { if (me.data) setConflicts(me.data.declaredConflicts); }, [me.data]);
  const save = useSaveMyConflicts(me, conflicts);
  return (
    <>
      <PageHeader title={t('menu.conflicts')} />
      <QueryState query={me}>
        {(e) => (
          <Card>
            <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('expert.name')}>{e.name}（{e.title}）</Descriptions.Item>
              <Descriptions.Item label={t('expert.fields')}>{e.fields.map((f) => <Tag key={f}>{t(`field.${f}`)}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label={t('expert.affiliation')}>{orgs.name(e.affiliationOrganisationId)}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph>{t('conflicts.hint')}</Typography.Paragraph>
            <ProblemAlert error={save.error} />
            <Space>
              <Select mode="multiple" style={{ width: 520 }} showSearch optionFilterProp="label" value={conflicts} onChange={setConflicts} options={orgs.options} data-testid="conflicts-select" />
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(undefined)}>{t('common.save')}</Button>
            </Space>
          </Card>
        )}
      </QueryState>
    </>
  );
}
