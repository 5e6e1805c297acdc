import { App, Table, Typography } from 'antd';
import { download, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { formatDateTime } from '../../../lib/format';
import { useActsForLead } from './Consortium';
import { errorText } from '../../../lib/errors';
import { applicationKeys, uploadApplicationAttachment } from '../queries';

export function Attachments({ a }: { a: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const forLead = useActsForLead(a);
  const { message } = App.useApp();
  const open = new Date(a.closesAt).getTime() > Date.now();
  return (
    <>
    {forLead && open && (
      <AttachmentUpload testId="application-upload" invalidate={[applicationKeys.detail(a.id)]}
        send={(file) => uploadApplicationAttachment(a.id, file)} />
    )}
    <Table<Schemas['AttachmentView']> rowKey="id" size="small" pagination={false} dataSource={a.attachments} locale={{ emptyText: t('application.noAttachments') }}
      columns={[
        { title: t('attachment.fileName'), dataIndex: 'fileName', render: (v, f) => (
          <a onClick={() => download(`/api/v1/applications/${a.id}/attachments/${f.id}`, f.fileName).catch((e) => message.error(errorText(e)))}>{v}</a>
        ) },
        { title: t('attachment.size'), dataIndex: 'sizeBytes', render: (v: number) => `${(v / 1024).toFixed(1)} KB` },
        { title: 'SHA-256', dataIndex: 'sha256', render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
        { title: t('attachment.uploadedAt'), dataIndex: 'uploadedAt', render: (v) => formatDateTime(v) },
      ]} />
    </>
  );
}
