import { useEffect, type ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { ApiOutlined, AuditOutlined, IdcardOutlined, UsergroupAddOutlined, BankOutlined, DashboardOutlined, FileSearchOutlined, FlagOutlined, LogoutOutlined, MoneyCollectOutlined, NotificationOutlined, ProfileOutlined, ProjectOutlined, SafetyOutlined, SolutionOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { mayUse, menuAreas } from '../auth/roles';
import { useRole, useSessionUser } from '../auth/useSession';
import { byKey, useI18n, useT } from '../i18n';
import { ErrorView } from '../components/Problem';
import { ApiError } from '../api/client';
import { JobsIndicator } from '../jobs/JobsIndicator';
import { signOut } from '../pages/profile/queries';

const icons: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />, programmes: <ProjectOutlined />, challenges: <FlagOutlined />,
  applications: <SolutionOutlined />, review: <FileSearchOutlined />, experts: <TeamOutlined />,
  funding: <MoneyCollectOutlined />, organisations: <BankOutlined />, audit: <AuditOutlined />,
  assignments: <FileSearchOutlined />, conflicts: <SafetyOutlined />,
  agreements: <ProfileOutlined />, publications: <NotificationOutlined />,
  users: <TeamOutlined />, 'org-users': <UsergroupAddOutlined />, registrations: <IdcardOutlined />, 'api-keys': <ApiOutlined />,
};

export function AppLayout() {
  const user = useSessionUser();
  const role = useRole();
  const t = useT();
  const { locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!user) queryClient.clear();
  }, [user, queryClient]);

  if (!user || !role) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  // An account created by someone else, or whose password was reset, changes it before anything else.
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  const areas = menuAreas(user);
  const selected = areas.find((a) => location.pathname.startsWith(`/${a}`) || (a === 'programmes' && location.pathname.startsWith('/batches')));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div style={{ color: '#fff', padding: '18px 20px', fontWeight: 600, fontSize: 16 }}>{t('app.title')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={areas.map((a) => ({ key: a, icon: icons[a], label: byKey(t, `menu.${(role === 'Issuer' || role === 'Applicant') && (a === 'challenges' || a === 'applications') ? `${a}.own` : a}`) }))}
          onClick={({ key }) => navigate(`/${key}`)}
          data-testid="main-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
          <Space size="middle">
            {role === 'Auditor' && <Tag color="orange">{t('app.readOnly')}</Tag>}
            {user.isDemo && <Tag>{t('app.demo')}</Tag>}
            <JobsIndicator />
            <Segmented
              size="small"
              value={locale}
              options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
              onChange={(v) => setLocale(v as 'zh-CN' | 'en-US')}
              data-testid="locale-switch"
            />
            <Dropdown
              menu={{
                items: [
                  { key: 'profile', icon: <IdcardOutlined />, label: <span data-testid="menu-profile">{t('menu.profile')}</span> },
                  { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('app.logout')}</span> },
                ],
                onClick: async ({ key }) => {
                  if (key === 'profile') return navigate('/profile');
                  await signOut();
                  navigate('/login');
                },
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                {user.displayName} · {t(`role.${role}`)}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}

/** A page outside the role's menu is refused here, as the API would refuse its calls. */
export function RequireArea({ area, children }: { area: string; children: ReactNode }) {
  const role = useRole();
  const user = useSessionUser();
  if (!mayUse(area, role, user)) return <ErrorView error={new ApiError(403, undefined)} />;
  return <>{children}</>;
}
