import { Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { QueryKey } from '@tanstack/react-query';
import { useT } from '../i18n';
import { useAction } from '../lib/hooks';
import { ProblemAlert } from './Problem';

/** The file types every upload endpoint accepts (the API checks the content, not only the name). */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/**
 * Options for the generated client's multipart calls: the schema types the `file` field as a string, the browser sends
 * the FormData as it is (and sets the multipart boundary itself).
 */
export function multipart<T>(file: File): { body: T; bodySerializer: (b: T) => FormData } {
  const form = new FormData();
  form.append('file', file);
  return { body: form as unknown as T, bodySerializer: (b) => b as unknown as FormData };
}

/**
 * One upload button (Ant Design Upload) whose file goes to the API through `send`; the API's refusal (type mismatch,
 * too large, window closed, report already decided…) is shown under the button with its code.
 */
export function AttachmentUpload({ send, invalidate, testId = 'attachment-upload', hint }: {
  send: (file: File) => Promise<unknown>;
  invalidate: QueryKey[];
  testId?: string;
  hint?: string;
}) {
  const t = useT();
  const upload = useAction(send, { success: t('attachment.uploaded'), invalidate });
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Space wrap>
        <Upload showUploadList={false} accept={ATTACHMENT_ACCEPT} multiple={false}
          customRequest={({ file, onSuccess, onError }) => {
            upload.reset();
            upload.mutate(file as File, {
              onSuccess: (r) => onSuccess?.(r),
              onError: (e) => onError?.(e as Error),
            });
          }}>
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid={`${testId}-button`}>{t('attachment.upload')}</Button>
        </Upload>
        <Typography.Text type="secondary">{hint ?? t('attachment.uploadHint')}</Typography.Text>
      </Space>
      {upload.isError && <div style={{ marginTop: 8 }} data-testid={`${testId}-error`}><ProblemAlert error={upload.error} /></div>}
    </div>
  );
}
