import type { ReactNode } from 'react';
import { Card, Segmented } from 'antd';
import { Link } from 'react-router';
import { useI18n, useT } from '../i18n';

/** The frame of the pages open without signing in (registration, its status, a forgotten password). */
export function PublicShell({ title, width = 560, children }: { title: string; width?: number; children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useI18n();
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f1ee', padding: 24 }}>
      <Card style={{ width, maxWidth: '100%' }} title={<span data-testid="page-title">{title}</span>} extra={
        <Segmented size="small" value={locale} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
          onChange={(v) => setLocale(v as 'zh-CN' | 'en-US')} />
      }>
        {children}
        <div style={{ marginTop: 16 }}><Link to="/login">{t('public.backToLogin')}</Link></div>
      </Card>
    </div>
  );
}
