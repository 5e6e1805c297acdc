import { useState } from 'react';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { ProgrammeCard } from './components/ProgrammeCard';
import { CreateProgrammeModal } from './components/CreateProgrammeModal';
import { useProgrammes } from './queries';

export function ProgrammesPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const programmes = useProgrammes();
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

