import { useState } from 'react';
import { App, Button, Modal, Select, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas } from '../../../api/client';
import { atLeast, type Round } from '../round';
import { useT } from '../../../i18n';
import { useIsTaskForce } from '../../../auth/useSession';
import { ProblemAlert } from '../../../components/Problem';
import { JobProgress, downloadJobResult } from '../../../jobs/JobProgress';
import { isActive, resultOf, usePageJob } from '../../../jobs/jobs';
import { errorText } from '../../../lib/errors';
import { useRoundCandidates, roundKeys, useAddRoundItem, useRoundStep, useStartAssignJob, useStartRoundExport, type RoundStep } from '../queries';

export function RoundActions({ round: r, onAssigned }: { round: Round; onAssigned: (o: Schemas['AssignmentOutcome']) => void }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const step = useRoundStep(r.id);
  const queryClient = useQueryClient();
  const fail = (job: { problem?: { code: string; detail: string } | null }) => { if (job.problem) message.error(`${job.problem.code}: ${job.problem.detail}`); };
  // Auto-assignment and the export run as background jobs: progress here and in the header's Jobs list.
  const assignJob = usePageJob('review.assign', `round:${r.id}`, async (job) => {
    if (job.status !== 'Succeeded') return fail(job);
    message.success(t('common.saved'));
    // The outcome is shown once the round and its board have been read again, so the two agree.
    await Promise.all([roundKeys.detail(r.id), roundKeys.board(r.id), roundKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onAssigned(resultOf(job) as unknown as Schemas['AssignmentOutcome']);
  });
  const startAssign = useStartAssignJob(r.id, {
    onSuccess: (job) => assignJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  const exportJob = usePageJob('review.round-export', `round:${r.id}`, (job) => {
    if (job.status === 'Succeeded' && job.hasFile) downloadJobResult(job).catch((e) => message.error(errorText(e)));
    else fail(job);
  });
  const startExport = useStartRoundExport(r.id, {
    onSuccess: (job) => exportJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  const assigning = startAssign.isPending || (!!assignJob.job && isActive(assignJob.job));
  const exporting = startExport.isPending || (!!exportJob.job && isActive(exportJob.job));
  const run = (s: RoundStep) => step.mutate(s, {
    onError: (e) => {
      if (e instanceof ApiError && e.problem.violations?.length) {
        modal.error({ title: errorText(e), content: <ProblemAlert error={e} /> });
      } else message.error(errorText(e));
    },
  });
  const buttons: React.ReactNode[] = [];
  if (canAct) {
    if (r.status === 'Draft' || r.status === 'Assigning') {
      buttons.push(<Button key="add" onClick={() => setAdding(true)} data-testid="add-item">{t('round.addItem')}</Button>);
      buttons.push(<Button key="assign" loading={assigning} onClick={() => startAssign.mutate()} data-testid="auto-assign">{t('round.autoAssign')}</Button>);
    }
    if (r.status === 'Assigning') buttons.push(<Button key="open" type="primary" onClick={() => run('open-scoring')} data-testid="open-scoring">{t('round.openScoring')}</Button>);
    if (r.status === 'Scoring') buttons.push(<Button key="close" type="primary" onClick={() => run('close')} data-testid="close-round">{t('round.close')}</Button>);
    if (r.status === 'Closed') buttons.push(<Button key="decide" type="primary" onClick={() => run('decide')} data-testid="decide-round">{t('round.decide')}</Button>);
    if (r.status === 'Decided') buttons.push(<Button key="publicise" type="primary" onClick={() => run('publicise')} data-testid="publicise-round">{t('round.publicise')}</Button>);
    if (r.status === 'Publicised') buttons.push(<Button key="finalise" type="primary" onClick={() => run('finalise')} data-testid="finalise-round">{t('round.finalise')}</Button>);
    if (atLeast(r, 'Closed')) {
      buttons.push(<Button key="export" loading={exporting} onClick={() => startExport.mutate()} data-testid="export-round">{t('round.export')}</Button>);
    }
  }
  if (assignJob.job) buttons.push(<JobProgress key="assign-job" job={assignJob.job} compact />);
  if (exportJob.job) buttons.push(<JobProgress key="export-job" job={exportJob.job} compact />);
  return <Space wrap>{buttons}{adding && <AddItemModal round={r} onClose={() => setAdding(false)} />}</Space>;
}

function AddItemModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const t = useT();
  const [subjectId, setSubjectId] = useState<string>();
  const candidates = useRoundCandidates(round.kind);
  const add = useAddRoundItem(round.id, { onSuccess: onClose });
  const existing = new Set(round.items.map((i) => i.subjectId));
  return (
    <Modal open title={t('round.addItem')} onCancel={onClose} onOk={() => add.mutate(subjectId!)} okButtonProps={{ disabled: !subjectId }} confirmLoading={add.isPending}>
      <ProblemAlert error={add.error} />
      <Select style={{ width: '100%' }} showSearch optionFilterProp="label" loading={candidates.isPending} value={subjectId} onChange={setSubjectId}
        data-testid="item-subject" notFoundContent={t('round.noCandidates')}
        options={(candidates.data ?? []).filter((o) => !existing.has(o.value))} />
    </Modal>
  );
}
