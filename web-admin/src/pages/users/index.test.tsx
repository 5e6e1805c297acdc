import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session, type CurrentUser } from '../../auth/session';
import { fakeFetch, problem, renderWithApp } from '../../test/fakeApi';
import { OrgUsersPage, UsersPage } from '.';

const ORG = '11111111-1111-1111-1111-111111111111';
const slow = { timeout: 15_000 };
const lead = {
  id: '22222222-2222-2222-2222-222222222222', userName: 'lead1', displayName: '项目负责人甲', role: 'Applicant', organisationId: ORG, organisationName: '测试科技有限公司',
  expertId: null, email: null, mobile: '13800000001', orgAdmin: false, active: true, mustChangePassword: true, isDemo: false, createdAt: '2026-12-02T02:00:00Z', version: 1,
};

function signInAs(user: Partial<CurrentUser>) {
  session.signIn('token', new Date(Date.now() + 3_600_000).toISOString(), {
    id: '77777777-7777-7777-7777-777777777777', userName: 'unitadmin01', displayName: '赵六', role: 'Applicant', organisationId: ORG,
    organisationName: '测试科技有限公司', isDemo: false, orgAdmin: true, mustChangePassword: false, ...user,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

// The first Ant Design form render in jsdom can take half a minute on a loaded machine.
describe('user administration', { timeout: 90_000 }, () => {
  it('lets auditors read 用户管理 without any action', async () => {
    signInAs({ role: 'Auditor', organisationId: null, orgAdmin: false });
    fakeFetch((method, path) => (method === 'GET' && path === '/api/v1/users' ? { status: 200, body: { items: [lead], total: 1, page: 1, pageSize: 20 } }
      : method === 'GET' && path === '/api/v1/organisations' ? { status: 200, body: { items: [], total: 0, page: 1, pageSize: 200 } } : undefined));
    renderWithApp(<UsersPage />);
    expect(await screen.findByText('项目负责人甲', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('测试科技有限公司')).toBeInTheDocument();
    expect(screen.queryByTestId('create-user')).toBeNull();
    expect(screen.queryByTestId('deactivate-lead1')).toBeNull();
    expect(screen.queryByTestId('reset-lead1')).toBeNull();
  });

  it('creates a project lead in the unit administrator\'s own organisation and role; a taken user name is said in Chinese', async () => {
    signInAs({});
    let posts = 0;
    const calls = fakeFetch((method, path) => {
      if (method === 'GET' && path === '/api/v1/users') return { status: 200, body: { items: [lead], total: 1, page: 1, pageSize: 20 } };
      if (method === 'POST' && path === '/api/v1/users') {
        posts++;
        return posts === 1 ? problem(409, 'user.user_name_taken', '用户名已被使用 / Taken') : { status: 201, body: { ...lead, id: '3', userName: 'lead2', displayName: '项目负责人乙' } };
      }
      return undefined;
    });
    renderWithApp(<OrgUsersPage />);
    expect((await screen.findAllByText('项目负责人甲', {}, slow)).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.path.startsWith('/api/v1/users?'))?.path).toContain(`organisationId=${ORG}`);
    fireEvent.click(screen.getByTestId('create-user'));
    const form = await screen.findByTestId('create-user-form', {}, slow);
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '项目负责人乙' } });
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'lead2' } });
    fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'Harbour#Lamp-42' } });
    fireEvent.change(within(form).getByLabelText('确认密码'), { target: { value: 'Harbour#Lamp-42' } });
    fireEvent.submit(form);
    expect(await screen.findByText('该用户名已被使用，请换一个。', {}, slow)).toBeInTheDocument();
    const body = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ userName: 'lead2', displayName: '项目负责人乙', role: 'Applicant', organisationId: ORG, orgAdmin: false, password: 'Harbour#Lamp-42' });
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'lead3' } });
    fireEvent.submit(form);
    await waitFor(() => expect(posts).toBe(2), slow);
  });
});
