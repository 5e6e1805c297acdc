import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Locale } from '../i18n';

export function renderIn(ui: ReactElement, locale: Locale = 'zh-CN') {
  return render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
}
