import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { SyncOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useT, byKey } from '../i18n';
import { formatDateTime } from '../lib/format';
import { JobProgress } from './JobProgress';
import { isActive, useMyJobs } from './jobs';

/**
 * The header's "任务 / Jobs" button: how many of the caller's jobs are running, and on click the recent ones with
 * their progress and files. It stays mounted across pages, so polling goes on while the user works elsewhere.
 */
export function JobsIndicator() {
  const t = useT();
  const jobs = useMyJobs();
  const list = jobs.data ?? [];
  const running = list.filter(isActive).length;
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflowY: 'auto' }} data-testid="jobs-list">
      {list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.empty')} /> : (
        list.map((job) => (
          <div key={job.id} data-testid="jobs-item" data-kind={job.kind} style={{ padding: '8px 4px', borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text strong>{byKey(t, `jobs.kind.${job.kind}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{formatDateTime(job.createdAt)}</Typography.Text>
            <JobProgress job={job} compact />
          </div>
        ))
      )}
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('jobs.title')} content={content}>
      <Badge count={running} size="small">
        <Button type="text" icon={running > 0 ? <SyncOutlined spin /> : <UnorderedListOutlined />} data-testid="jobs-indicator" data-running={running}>
          {t('jobs.title')}
        </Button>
      </Badge>
    </Popover>
  );
}
