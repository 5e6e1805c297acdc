import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zh, type MessageKey } from './zh-CN';
import { en } from './en-US';

export type Locale = 'zh-CN' | 'en-US';
export type Params = Record<string, string | number>;
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };
const STORAGE = 'jiebang.locale';

/**
 * Whether a key built at run time (a status, a kind, a field code the API sent) has a message. Such a key is checked
 * here instead of by the compiler; without a message the caller shows the value itself.
 */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/** `t` for a key built at run time: the key itself when it has no message (as for a status the console does not know yet). */
export function byKey(t: Translate, key: string, params?: Params): string {
  return isMessageKey(key) ? t(key, params) : key;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n>({
  locale: 'zh-CN',
  setLocale: () => {},
  t: (key, params) => translate('zh-CN', key, params),
});

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE) : null;
  return stored === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The one i18n layer: zh-CN by default, en-US on request; also sets Ant Design's and dayjs's locale. */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE, next);
    setLocaleState(next);
  }, []);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b8262b' } }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
