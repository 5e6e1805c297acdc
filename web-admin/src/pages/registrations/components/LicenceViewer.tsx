import { useEffect, useState } from 'react';
import { App, Button, Empty, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { ErrorView } from '../../../components/Problem';
import { problemMessage } from '../../../lib/errors';
import { useLicence, type RegistrationDetail } from '../queries';

/**
 * The business licence: an image inline, a PDF in a frame (from a blob: URL, which the console's content security policy
 * admits for frames only), and a download for every type.
 */
export function LicenceViewer({ registration }: { registration: RegistrationDetail }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const licence = useLicence(registration.id);
  const { fileName, size } = registration.licence;
  const type = licence.data?.type || registration.licence.contentType;
  const pdf = licence.data && type === 'application/pdf' ? licence.data.blob : null;
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!pdf || typeof URL.createObjectURL !== 'function') return undefined;
    const url = URL.createObjectURL(pdf);
    setPdfUrl(url);
    return () => { URL.revokeObjectURL(url); setPdfUrl(null); };
  }, [pdf]);
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
        ) : pdfUrl ? (
          <iframe src={pdfUrl} title={t('registration.licence')} data-testid="licence-pdf-frame" style={{ display: 'block', width: '100%', height: 640, border: '1px solid #eee' }} />
        ) : <Empty description={t(type === 'application/pdf' ? 'registration.licencePdf' : 'registration.licenceNoPreview')} data-testid="licence-pdf" />}
    </div>
  );
}
