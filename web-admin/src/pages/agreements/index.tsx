import { Card } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { AgreementList } from '../../components/AgreementList';

/** Issuers' and applicants' own agreements, reached from the menu. */
export function AgreementsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('menu.agreements')} />
      <Card><AgreementList /></Card>
    </>
  );
}
