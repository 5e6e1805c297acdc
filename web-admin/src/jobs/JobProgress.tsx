import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download, ApiError } from '../api/client';
import { useT, type Translate } from '../i18n';
import { isActive, resultOf, type Job } from './jobs';

/** A one-line account of what a finished job did, by kind. */
export function jobSummary(job: Job, t: Translate): string | null {
  if (job.status !== 'Succeeded') return null;
  const r = resultOf(job);
  switch (job.kind) {
    case 'applications.eligibility-check':
      return t('jobs.summary.check', { checked: Number(r.checked ?? 0), eligible: Number(r.eligible ?? 0), ineligible: Number(r.ineligible ?? 0), already: Number(r.alreadyDecided ?? 0) });
    case 'review.assign':
      return t('jobs.summary.assign', { assigned: (r.assigned as unknown[] | undefined)?.length ?? 0, short: (r.short as unknown[] | undefined)?.length ?? 0 });
    case 'applications.export':
      return t('jobs.summary.exportRows', { rows: Number(r.rows ?? 0) });
    case 'review.round-export':
      return t('jobs.summary.export');
    default:
      return null;
  }
}

export function downloadJobResult(job: Job) {
  return download(`/api/v1/jobs/${job.id}/result`, job.fileName ?? `${job.kind}.xlsx`);
}

/** A job's progress bar, its status, what it did, why it failed, and its file to download. */
export function JobProgress({ job, compact = false }: { job: Job; compact?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const status = job.status === 'Failed' ? 'exception' : job.status === 'Succeeded' ? 'success' : 'active';
  const summary = jobSummary(job, t);
  return (
    <div data-testid="job-progress" data-job-status={job.status} data-percent={job.percent} style={{ minWidth: compact ? 260 : 320 }}>
      <Progress percent={job.percent} status={status} size="small" />
      <Space size="small" wrap>
        <Typography.Text type="secondary">
          {t(`jobs.status.${job.status}`)}
          {job.total > 0 && isActive(job) ? ` · ${t('jobs.processed', { processed: job.processed, total: job.total })}` : ''}
        </Typography.Text>
        {summary && <Typography.Text>{summary}</Typography.Text>}
        {job.status === 'Succeeded' && job.hasFile && (
          <Button size="small" type="link" icon={<DownloadOutlined />} data-testid="job-download"
            onClick={() => downloadJobResult(job).catch((e) => message.error(e instanceof ApiError ? `${e.problem.code}: ${e.problem.detail ?? ''}` : String(e)))}>
            {t('jobs.download')}
          </Button>
        )}
      </Space>
      {job.problem && <Alert type="error" showIcon style={{ marginTop: 4 }} title={job.problem.code} description={compact ? undefined : job.problem.detail} />}
    </div>
  );
}
