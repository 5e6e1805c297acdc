import { App, Button, Empty, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { ErrorView } from '../../../components/Problem';
import { problemMessage } from '../../../lib/errors';
import { useLicence, type RegistrationDetail } from '../queries';

/**
 * The business licence: an image inline, and a download for every type. A PDF is not framed in the page: the console's
 * content security policy for /admin (api/src/Host/Hardening.cs) admits neither blob: nor data: frames.
 */
export function LicenceViewer({ registration }: { registration: RegistrationDetail }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const licence = useLicence(registration.id);
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
      {licence.isError ? <ErrorView error={licence.error} codeless /> : licence.isPending ? <Empty description={t('registration.licenceLoading')} /> :
        licence.data.dataUrl ? (
          <img src={licence.data.dataUrl} alt={t('registration.licence')} data-testid="licence-image" style={{ display: 'block', maxWidth: '100%', maxHeight: 640, border: '1px solid #eee' }} />
        ) : <Empty description={t(type === 'application/pdf' ? 'registration.licencePdf' : 'registration.licenceNoPreview')} data-testid="licence-pdf" />}
    </div>
  );
}
