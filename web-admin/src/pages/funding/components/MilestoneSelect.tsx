import { Select } from 'antd';
import type { Schemas } from '../../../api/client';

/** Milestones are numbered from 0 by the API and from 1 for people. */
type Agreement = Schemas['AgreementDetail'];

export function milestoneName(a: Agreement, index: number): string {
  const m = a.milestones.find((x) => x.ordinal === index);
  return m ? `${index + 1}. ${m.name}` : String(index + 1);
}

export function MilestoneSelect({ agreement: a, ...props }: { agreement: Agreement; value?: number; onChange?: (v: number) => void }) {
  return <Select {...props} style={{ width: 260 }} options={a.milestones.map((m) => ({ value: m.ordinal, label: milestoneName(a, m.ordinal) }))} />;
}
