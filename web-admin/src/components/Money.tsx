import { Tooltip, Typography } from 'antd';
import { fenToWanText, fenToYuanText } from '../lib/format';
import { useT } from '../i18n';

/** An amount in 万元 with the exact amount (yuan and fen) on hover. */
export function Money({ fen, strong }: { fen: number | null | undefined; strong?: boolean }) {
  const t = useT();
  if (fen === null || fen === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const exact = `${fenToYuanText(fen)}（${fen.toLocaleString('en-US')} ${t('money.fen')}）`;
  return (
    <Tooltip title={exact}>
      <span className="money" data-fen={fen} style={{ fontWeight: strong ? 600 : undefined, whiteSpace: 'nowrap' }}>
        {fenToWanText(fen)} {t('money.wan')}
      </span>
    </Tooltip>
  );
}
