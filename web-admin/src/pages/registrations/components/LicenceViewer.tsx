import { useEffect } from 'react';
import { App, Button, Empty, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { ErrorView } from '../../../components/Problem';
import { problemMessage } from '../../../lib/errors';
import { useLicence, type RegistrationDetail } from '../queries';

/** The business licence: an image inline, a PDF in a frame, and a download either way. */
export function LicenceViewer({ registration }: { registration: RegistrationDetail }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const licence = useLicence(registration.id);
  const url = licence.data?.url;
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  const { fileName, size } = registration.licence;
  const type = licence.data?.type || registration.licence.contentType;
  return (
    <div data-testid="licence-viewer">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{fileName}</Typography.Text>
        <Typography.Text type="secondary">{(size / 1024).toFixed(0)} KB</Typography.Text>
        <Button size="small" icon={<DownloadOutlined />} data-testid="licence-download"
          onClick={() => download(`/api/v1/registrations/${registration.id}/licence`, fileName).catch((e) => message.error(problemMessage(e, locale, t)))}>
          {t('registration.download')}
        </Button>
      </Space>
      {licence.isPending ? <Empty description={t('registration.licenceLoading')} /> : licence.isError ? <ErrorView error={licence.error} codeless /> :
        type.startsWith('image/') ? (
          <img src={url} alt={t('registration.licence')} data-testid="licence-image" style={{ maxWidth: '100%', maxHeight: 640, border: '1px solid #eee' }} />
        ) : type === 'application/pdf' ? (
          <iframe src={url} title={t('registration.licence')} data-testid="licence-pdf" style={{ width: '100%', height: 640, border: '1px solid #eee' }} />
        ) : <Empty description={t('registration.licenceNoPreview')} />}
    </div>
  );
}
