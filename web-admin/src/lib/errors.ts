import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { byKey, isMessageKey, type Locale, type Translate } from '../i18n';

/** A refusal as one line for a message toast: its code and detail. */
export function errorText(e: unknown): string {
  return e instanceof ApiError ? `${e.problem.code}: ${e.problem.detail ?? e.problem.title}` : String(e);
}

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
  return [byKey(t, `problem.status.${status}`, {}), side, ...listed].filter(Boolean).join(locale === 'zh-CN' ? '：' : ': ');
}

/** opensOn/closesOn errors belong to the one range picker. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function windowErrors(form: FormInstance<any>, error: unknown): string[] {
  const fieldErrors = (error as { fieldErrors?: Record<string, string[]> })?.fieldErrors ?? {};
  const messages = [...(fieldErrors.opensOn ?? []), ...(fieldErrors.closesOn ?? [])];
  if (messages.length) form.setFields([{ name: 'window', errors: messages }]);
  return [];
}

/** The side of a bilingual "中文 / English" message that matches the locale. */
export function localSide(text: string, locale: Locale): string {
  const [zh, ...rest] = text.split(' / ');
  return locale === 'zh-CN' || rest.length === 0 ? zh : rest.join(' / ');
}

/**
 * A refusal as one sentence for a person: the console's own message for the problem code when it has one
 * (`problem.code.<code>`), otherwise the status in words and the API's detail in the reader's language. Never a code.
 */
export function problemMessage(error: unknown, locale: Locale, t: Translate): string {
  if (error instanceof ApiError) {
    const key = `problem.code.${error.problem.code}`;
    if (isMessageKey(key)) return t(key);
  }
  return problemText(error, locale, t);
}

/**
 * Puts the API's field errors next to the form's fields in the reader's language; returns the message to show above
 * the form, or null when every error found its field.
 */
export function showProblem(form: FormInstance, error: unknown, locale: Locale, t: Translate, aliases: Record<string, string> = {}): string | null {
  if (!(error instanceof ApiError)) return problemMessage(error, locale, t);
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  let unmatched = false;
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    const name = fieldPath(aliases[key] ?? key);
    if (form.getFieldInstance(name) !== undefined || hasValue(form, name)) {
      fields.push({ name, errors: messages.map((m) => localSide(m, locale)) });
    } else {
      unmatched = true;
    }
  }
  if (fields.length) form.setFields(fields);
  return fields.length && !unmatched ? null : problemMessage(error, locale, t);
}
