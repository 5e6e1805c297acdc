import { Badge, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { Schemas } from '../api/client';
import { useT } from '../i18n';

type Phase = Schemas['ApplicationPhase'];

const statusOf: Record<Phase, 'default' | 'processing' | 'success' | 'warning'> = {
  NotYetOpen: 'default',
  Open: 'processing',
  Closed: 'success',
};

/**
 * The application window's phase (as the server derived it) with the window in Asia/Shanghai and, while open,
 * the days left before the deadline.
 */
export function PhaseBadge({
  phase,
  opensOn,
  closesOn,
  closesAt,
  now = new Date(),
}: {
  phase: Phase;
  opensOn: string;
  closesOn: string;
  closesAt?: string;
  now?: Date;
}) {
  const t = useT();
  let text = t(`phase.${phase}`);
  if (phase === 'Open' && closesAt) {
    const hours = dayjs(closesAt).diff(dayjs(now), 'hour');
    text += hours < 24 ? ` · ${t('phase.closingToday')}` : ` · ${t('phase.daysLeft', { n: Math.floor(hours / 24) })}`;
  }
  return (
    <Tooltip title={t('phase.window', { from: opensOn, to: closesOn })}>
      <Badge status={statusOf[phase]} text={text} data-phase={phase} />
    </Tooltip>
  );
}
