import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n, useT, type Locale, type Translate } from '../i18n';

/** "criteria[0].name" → ["criteria", 0, "name"], the name path Ant Design's Form uses. */
export function fieldPath(key: string): (string | number)[] {
  return key
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's field errors next to the form's fields; returns the messages that have no field on this form
 * (to show above it). `aliases` maps an API field to the form field that edits it under another name (money typed in
 * 万元 for a field in fen, e.g. { amountFen: 'amountWan' }).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): string[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    const name = fieldPath(aliases[key] ?? key);
    // Only paths the form actually has; getFieldInstance exists for every mounted item.
    if (form.getFieldInstance(name) !== undefined || form.isFieldTouched(name) || hasValue(form, name)) {
      fields.push({ name, errors: messages });
    } else {
      unmatched.push(`${key}: ${messages.join(' ')}`);
    }
  }
  if (fields.length) form.setFields(fields);
  return unmatched;
}

function hasValue(form: FormInstance, name: (string | number)[]): boolean {
  try {
    return form.getFieldValue(name) !== undefined;
  } catch {
    return false;
  }
}

/**
 * A problem-details answer as one sentence in the reader's language, without its code: the status in words, then the
 * side of the bilingual detail ("中文 / English") that matches the locale, then any rule violations.
 */
export function problemText(error: unknown, locale: Locale, t: Translate): string {
  if (!(error instanceof ApiError)) return String(error instanceof Error ? error.message : error);
  const { status, detail, violations } = error.problem;
  const [zh, ...rest] = (detail ?? '').split(' / ');
  const side = locale === 'zh-CN' || rest.length === 0 ? zh : rest.join(' / ');
  const listed = (violations ?? []).map((v) => (locale === 'zh-CN' ? v.messageZh : v.messageEn));
  return [t(`problem.status.${status}`, {}), side, ...listed].filter(Boolean).join(locale === 'zh-CN' ? '：' : ': ');
}

/** A problem-details answer as an alert: title, bilingual detail, eligibility violations, unmatched field errors. */
export function ProblemAlert({ error, extra }: { error: unknown; extra?: string[] }) {
  const { locale } = useI18n();
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const message = problem ? `${t(`problem.status.${problem.status}`, {})} · ${problem.code}` : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-code={problem?.code}
      style={{ marginBottom: 16 }}
      title={message}
      description={
        <>
          {problem?.detail && <div>{problem.detail}</div>}
          {problem?.violations?.map((v) => (
            <div key={v.code + (v.organisationId ?? '')}>• {locale === 'zh-CN' ? v.messageZh : v.messageEn}</div>
          ))}
          {extra?.map((m) => <div key={m}>• {m}</div>)}
        </>
      }
    />
  );
}

/** 403 and 404 get a page of their own; anything else an alert with a retry. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <Result
        status={error.status === 404 ? '404' : '403'}
        title={t(error.status === 404 ? 'error.notFound.title' : 'error.forbidden.title')}
        subTitle={t(error.status === 404 ? 'error.notFound.detail' : 'error.forbidden.detail')}
      />
    );
  }
  return (
    <>
      <ProblemAlert error={error} />
      {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    </>
  );
}

/** Loading, error and empty states of a query in one place. */
export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <Skeleton active data-testid="loading" />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <Empty description={empty ?? t('common.empty')} />;
  return <>{children(data)}</>;
}
