import { useState } from 'react';
import { Button, Space } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useRole } from '../../../auth/useSession';
import { ProcurementModal } from './ProcurementModal';
import { AcceptanceModal } from './AcceptanceModal';
import { TerminateModal, CloseModal } from './TerminateModal';

type Agreement = Schemas['AgreementDetail'];
type Dialog = 'procurement' | 'acceptance' | 'terminate' | 'close' | null;

/** The later steps of an agreement: acceptance and termination while active, then procurement (issuer or task force) and closing (task force). */
export function AgreementActions({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const role = useRole();
  const [dialog, setDialog] = useState<Dialog>(null);
  const buttons = [];
  // Procurement is recorded after acceptance passed (the API answers 409 funding.not_accepted before).
  if ((role === 'TaskForce' || role === 'Issuer') && a.status === 'Completed') {
    buttons.push(<Button key="p" onClick={() => setDialog('procurement')} data-testid="record-procurement">{t('procurement.record')}</Button>);
  }
  if (role === 'TaskForce') {
    if (a.status === 'Active') {
      buttons.push(<Button key="a" onClick={() => setDialog('acceptance')} data-testid="record-acceptance">{t('acceptance.record')}</Button>);
      buttons.push(<Button key="t" danger onClick={() => setDialog('terminate')} data-testid="terminate-agreement">{t('agreement.terminate')}</Button>);
    }
    if (a.status === 'Completed') buttons.push(<Button key="c" onClick={() => setDialog('close')} data-testid="close-agreement">{t('agreement.close')}</Button>);
  }
  const close = () => setDialog(null);
  return (
    <Space wrap>
      {buttons}
      {dialog === 'procurement' && <ProcurementModal a={a} onClose={close} />}
      {dialog === 'acceptance' && <AcceptanceModal a={a} onClose={close} />}
      {dialog === 'terminate' && <TerminateModal a={a} onClose={close} />}
      {dialog === 'close' && <CloseModal a={a} onClose={close} />}
    </Space>
  );
}

