import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

/** An instant shown in Asia/Shanghai, whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(isoOrDay: string | null | undefined): string {
  if (!isoOrDay) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? isoOrDay : dayjs(isoOrDay).tz(ZONE).format('YYYY-MM-DD');
}

/** Today's calendar day in Asia/Shanghai, shifted by the given number of days. */
export function shanghaiDay(offsetDays = 0, now: Date = new Date()): string {
  return dayjs(now).tz(ZONE).add(offsetDays, 'day').format('YYYY-MM-DD');
}

/** A local Asia/Shanghai date-time ("YYYY-MM-DD HH:mm") as the UTC instant the API takes. */
export function shanghaiToIso(local: string): string {
  return dayjs.tz(local, 'YYYY-MM-DD HH:mm', ZONE).toISOString();
}

const groups = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Fen as 万元 rounded half up to two decimals (1 万元 = 1,000,000 fen), in integer arithmetic so that no amount is
 * ever shown through a floating-point error.
 */
export function fenToWanText(fen: number): string {
  const negative = fen < 0;
  const hundredths = Math.floor((Math.abs(fen) + 5000) / 10000); // hundredths of 万元
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  const text = cents === 0 ? groups(String(whole)) : `${groups(String(whole))}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return (negative && hundredths !== 0 ? '-' : '') + text;
}

/** Fen as exact yuan: ¥1,234,567.89. */
export function fenToYuanText(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  return `${negative ? '-' : ''}¥${groups(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** 万元 typed by a person (up to six decimals, i.e. to the fen) as integer fen; null when it is not a number. */
export function wanToFen(wan: number | string | null | undefined): number | null {
  if (wan === null || wan === undefined || wan === '') return null;
  const text = String(wan).trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const fen = Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0'));
  return sign === '-' ? -fen : fen;
}

/** Basis points as a percentage: 3000 → "30%". */
export function bpText(bp: number): string {
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;
}
