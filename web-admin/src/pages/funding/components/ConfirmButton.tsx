import { App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useSessionUser } from '../../../auth/useSession';
import { errorText } from '../../../lib/errors';
import { agreementKeys, useConfirmAgreement } from '../queries';

/** The issuer's countersignature: a user of the agreement's issuer, once, while the agreement is active. */
type Agreement = Schemas['AgreementDetail'];

export function ConfirmButton({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const user = useSessionUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const confirm = useConfirmAgreement(a, { success: t('agreement.confirmed') });
  // The API checks the organisation (404 for another issuer's user); the button is only offered to the agreement's issuer.
  const ownIssuer = user?.role === 'Issuer' && (user.organisationId == null || user.organisationId === a.issuerOrganisationId);
  if (!ownIssuer || a.issuerConfirmedAt || a.status !== 'Active') return null;
  const ask = () => modal.confirm({
    title: t('agreement.confirmTitle'),
    content: t('agreement.confirmHint'),
    onOk: () => confirm.mutateAsync(undefined).catch((e) => {
      message.error(errorText(e));
      return queryClient.invalidateQueries({ queryKey: agreementKeys.detail(a.id) });
    }),
  });
  return <Button type="primary" loading={confirm.isPending} onClick={ask} data-testid="confirm-agreement">{t('agreement.confirm')}</Button>;
}
