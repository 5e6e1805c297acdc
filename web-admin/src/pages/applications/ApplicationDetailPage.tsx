import { Space, Tabs, Tag } from 'antd';
import { useParams, Link } from 'react-router';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { Overview } from './components/Overview';
import { EligibilityPanel } from './components/EligibilityPanel';
import { Attachments } from './components/Attachments';
import { Versions } from './components/Versions';
import { ApplicationActions } from './components/ApplicationActions';
import { EligibilityBadge } from './components/EligibilityBadge';
import { useApplication } from './queries';

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const application = useApplication(id);
  return (
    <QueryState query={application}>
      {(a) => (
        <>
          <PageHeader
            crumbs={[{ to: '/applications', label: t('menu.applications') }]}
            title={<Space>{a.code}{a.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}</Space>}
            sub={<Space><StatusTag kind="application" value={a.status} />{a.status !== a.eligibility && <EligibilityBadge value={a.eligibility} />}
              <Link to={`/challenges/${a.challengeId}`}>{a.challengeCode} · {a.challengeTitle}</Link></Space>}
            extra={<ApplicationActions application={a} />}
          />
          <Tabs
            items={[
              { key: 'overview', label: t('application.overview'), children: <Overview a={a} /> },
              { key: 'eligibility', label: t('application.formalCheck'), children: <EligibilityPanel a={a} /> },
              { key: 'attachments', label: t('application.attachments', { n: a.attachments.length }), children: <Attachments a={a} /> },
              { key: 'versions', label: t('application.versions'), children: <Versions id={a.id} /> },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}

