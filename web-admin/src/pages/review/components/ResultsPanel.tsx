import { Table, Tag, Tooltip } from 'antd';
import type { Schemas } from '../../../api/client';
import type { Round } from '../round';
import { useT } from '../../../i18n';
import { QueryState } from '../../../components/Problem';
import { StatusTag } from '../../../components/StatusTag';
import { useResults } from '../queries';

export function ResultsPanel({ round }: { round: Round }) {
  const t = useT();
  const results = useResults(round.id);
  return (
    <QueryState query={results} isEmpty={(d) => d.items.length === 0}>
      {(d) => (
        <Table<Schemas['ItemResultView']> rowKey="itemId" size="small" pagination={false} dataSource={[...d.items].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
          data-testid="results-table"
          expandable={{
            expandedRowRender: (i) => (
              <Table<Schemas['CriterionResult']> rowKey="ordinal" size="small" pagination={false} dataSource={i.criteria}
                columns={[
                  { title: t('rubric.name'), dataIndex: 'name' },
                  { title: t('round.mean'), dataIndex: 'mean' },
                  { title: t('rubric.threshold'), dataIndex: 'threshold', render: (v) => v ?? '—' },
                  { title: t('round.passed'), dataIndex: 'passed', render: (v) => <StatusTag kind="decision" value={v ? 'Pass' : 'Fail'} /> },
                ]} />
            ),
          }}
          columns={[
            { title: t('round.rank'), dataIndex: 'rank', width: 70, render: (v) => v ?? '—' },
            { title: t('round.subject'), render: (_, i) => <><Tag>{i.subjectCode}</Tag>{i.title}</> },
            { title: t('round.sheets'), dataIndex: 'count', align: 'right' },
            { title: t('round.trimmedMean'), dataIndex: 'trimmedMean', align: 'right', render: (v, i) => <>{v ?? '—'}{i.trimmed && <Tooltip title={t('round.trimmedHint')}> *</Tooltip>}</> },
            { title: t('round.sd'), dataIndex: 'standardDeviation', align: 'right', render: (v) => v ?? '—' },
            { title: t('round.spread'), dataIndex: 'spread', align: 'right', render: (v, i) => <>{v ?? '—'} {i.spreadFlag && <Tag color="red" data-testid="spread-flag">{t('round.spreadFlag')}</Tag>}</> },
            { title: t('round.passed'), dataIndex: 'passed', render: (v) => <StatusTag kind="decision" value={v ? 'Pass' : 'Fail'} /> },
          ]} />
      )}
    </QueryState>
  );
}
