import { screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session, type CurrentUser } from '../auth/session';
import { fakeFetch } from '../test/fakeApi';
import { renderIn } from '../test/render';
import { AppLayout } from './AppLayout';

function signInAs(user: Partial<CurrentUser>) {
  session.signIn('token', new Date(Date.now() + 3_600_000).toISOString(), {
    id: '77777777-7777-7777-7777-777777777777', userName: 'u', displayName: '用户', role: 'Applicant', organisationId: '11111111-1111-1111-1111-111111111111',
    isDemo: false, orgAdmin: false, mustChangePassword: false, ...user,
  });
}

function renderLayout(path = '/dashboard') {
  fakeFetch(() => ({ status: 200, body: [] }));
  return renderIn(
    <AntApp>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/change-password" element={<div>forced-change-page</div>} />
            <Route path="/login" element={<div>login-page</div>} />
            <Route element={<AppLayout />}><Route path="*" element={<div>content</div>} /></Route>
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

const menu = async () => (await screen.findByTestId('main-menu')).textContent ?? '';

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('menus by role', () => {
  it('gives the task force 用户管理, 注册审核 and 接口密钥, to act on', async () => {
    signInAs({ role: 'TaskForce', organisationId: null });
    renderLayout();
    for (const item of ['用户管理', '注册审核', '接口密钥']) expect(await menu()).toContain(item);
    expect(await menu()).not.toContain('本单位用户');
  });

  it('gives auditors the same menu entries (read-only pages)', async () => {
    signInAs({ role: 'Auditor', organisationId: null });
    renderLayout();
    for (const item of ['用户管理', '注册审核', '接口密钥']) expect(await menu()).toContain(item);
  });

  it('gives a unit administrator 本单位用户, and a plain applicant or issuer user no user administration', async () => {
    signInAs({ role: 'Applicant', orgAdmin: true });
    const { unmount } = renderLayout('/applications');
    expect(await menu()).toContain('本单位用户');
    expect(await menu()).not.toContain('用户管理');
    unmount();
    session.signOut();
    signInAs({ role: 'Issuer', orgAdmin: false });
    renderLayout('/challenges');
    const items = await menu();
    expect(items).not.toContain('本单位用户');
    expect(items).not.toContain('注册审核');
  });

  it('sends an account that must change its password to the change page and nowhere else', async () => {
    signInAs({ role: 'Applicant', orgAdmin: true, mustChangePassword: true });
    renderLayout('/org-users');
    expect(await screen.findByText('forced-change-page')).toBeInTheDocument();
    expect(screen.queryByTestId('main-menu')).toBeNull();
  });

  it('sends a visitor whose session ended to the login page', async () => {
    renderLayout('/users');
    expect(await screen.findByText('login-page')).toBeInTheDocument();
  });
});
