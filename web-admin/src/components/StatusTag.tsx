import { Tag } from 'antd';
import { isMessageKey, useT } from '../i18n';

const colours: Record<string, string> = {
  Draft: 'default', Submitted: 'blue', UnderReview: 'gold', Approved: 'cyan', Rejected: 'red', Published: 'green',
  Awarded: 'purple', Unawarded: 'default', Completed: 'green', Terminated: 'red', Withdrawn: 'default',
  Eligible: 'green', Ineligible: 'red', Recommended: 'cyan', NotRecommended: 'orange', Matched: 'geekblue',
  Selected: 'purple', NotSelected: 'default', Contracted: 'green', Assigning: 'gold', Scoring: 'blue', Closed: 'default',
  Decided: 'cyan', Publicised: 'orange', Final: 'green', Pass: 'green', Fail: 'red', Open: 'orange', Upheld: 'red',
  Dismissed: 'default', Active: 'blue', Verified: 'green', Returned: 'orange', Good: 'green', BadRecord: 'red',
  Signed: 'blue', Accepted: 'green', Confirmed: 'green', Unconfirmed: 'orange',
};

/** A status enum value as a coloured, translated tag (`kind` picks the dictionary: challenge, application, round…). */
export function StatusTag({ kind, value }: { kind: string; value: string | null | undefined }) {
  const t = useT();
  if (!value) return <Tag>—</Tag>;
  const key = `status.${kind}.${value}`;
  return (
    <Tag color={colours[value] ?? 'default'} data-status={value}>
      {isMessageKey(key) ? t(key) : value}
    </Tag>
  );
}
