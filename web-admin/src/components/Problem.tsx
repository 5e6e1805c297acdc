import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { byKey, useI18n, useT } from '../i18n';
import { problemMessage } from '../lib/errors';

/** A problem-details answer as an alert: title, bilingual detail, eligibility violations, unmatched field errors. */
export function ProblemAlert({ error, extra }: { error: unknown; extra?: string[] }) {
  const { locale } = useI18n();
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const message = problem ? `${byKey(t, `problem.status.${problem.status}`, {})} · ${problem.code}` : String(error);
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

/** 403 and 404 get a page of their own; anything else an alert with a retry (`codeless`: a sentence without the code). */
export function ErrorView({ error, onRetry, codeless }: { error: unknown; onRetry?: () => void; codeless?: boolean }) {
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
      {codeless ? <ProblemNotice error={error} /> : <ProblemAlert error={error} />}
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
  codeless,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  codeless?: boolean;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <Skeleton active data-testid="loading" />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => query.refetch()} codeless={codeless} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <Empty description={empty ?? t('common.empty')} />;
  return <>{children(data)}</>;
}

/**
 * A refusal for a person, in their language, without codes, field paths or ids (lib/errors' problemMessage); the code
 * stays on the element for tests and support.
 */
export function ProblemNotice({ error, message }: { error: unknown; message?: string | null }) {
  const { locale } = useI18n();
  const t = useT();
  if (!error && !message) return null;
  const text = message ?? problemMessage(error, locale, t);
  return <Alert type="error" showIcon role="alert" data-code={error instanceof ApiError ? error.problem.code : undefined}
    data-testid="problem-notice" style={{ marginBottom: 16 }} title={text} />;
}
