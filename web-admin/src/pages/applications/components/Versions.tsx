import { Collapse } from 'antd';
import { useT } from '../../../i18n';
import { QueryState } from '../../../components/Problem';
import { formatDateTime } from '../../../lib/format';
import { useApplicationVersions } from '../queries';

export function Versions({ id }: { id: string }) {
  const t = useT();
  const versions = useApplicationVersions(id);
  return (
    <QueryState query={versions} isEmpty={(d) => d.length === 0} empty={t('application.noVersions')}>
      {(list) => (
        <Collapse items={list.map((v) => ({
          key: v.versionNo,
          label: t('application.versionLabel', { n: v.versionNo, at: formatDateTime(v.submittedAt), by: v.submittedBy }),
          children: <pre style={{ maxHeight: 320, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(v.content, null, 2)}</pre>,
        }))} />
      )}
    </QueryState>
  );
}
