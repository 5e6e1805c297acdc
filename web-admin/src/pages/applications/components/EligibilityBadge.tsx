import { Tag, Tooltip } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';

export function EligibilityBadge({ value }: { value: Schemas['EligibilityOutcome'] | null | undefined }) {
  const t = useT();
  if (!value) return <Tooltip title={t('application.notChecked')}><Tag data-eligibility="none">{t('application.unchecked')}</Tag></Tooltip>;
  return <Tag color={value === 'Eligible' ? 'green' : 'red'} data-eligibility={value}>{t(`status.eligibility.${value}`)}</Tag>;
}
