import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../auth/session';
import { fakeFetch, problem, renderWithApp } from '../../../test/fakeApi';
import { ChangePasswordForm } from './ChangePasswordForm';

const slow = { timeout: 15_000 };
const user = { id: 'u1', userName: 'unitadmin01', displayName: '赵六', role: 'Applicant', isDemo: false, orgAdmin: true, mustChangePassword: true };

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

function fill(current: string, next: string, confirm = next) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: confirm } });
  fireEvent.click(screen.getByTestId('change-password-submit'));
}

// The first Ant Design form render in jsdom can take half a minute on a loaded machine.
describe('修改密码', { timeout: 90_000 }, () => {
  it('refuses a short password and the user name before asking the API', async () => {
    const calls = fakeFetch(() => undefined);
    renderWithApp(<ChangePasswordForm userName="unitadmin01" />);
    fill('Old-password-1', 'short');
    expect(await screen.findByText('密码至少 10 个字符', {}, slow)).toBeInTheDocument();
    fill('Old-password-1', 'UnitAdmin01');
    expect(await screen.findByText('密码不能是用户名，也不能包含用户名', {}, slow)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows a wrong current password in Chinese, then takes the fresh token of a successful change', async () => {
    session.signIn('old-token', new Date(Date.now() + 3_600_000).toISOString(), user);
    let attempts = 0;
    fakeFetch((method, path) => {
      if (method !== 'POST' || path !== '/api/v1/auth/password') return undefined;
      attempts++;
      return attempts === 1
        ? problem(400, 'auth.current_password_wrong', '当前密码不正确 / The current password is wrong')
        : { status: 200, body: { accessToken: 'new-token', tokenType: 'Bearer', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { ...user, mustChangePassword: false } } };
    });
    const done = vi.fn();
    renderWithApp(<ChangePasswordForm userName="unitadmin01" onDone={done} />);
    fill('Wrong-password-1', 'Harbour#Lamp-42');
    const notice = await screen.findByTestId('problem-notice', {}, slow);
    expect(notice).toHaveTextContent('当前密码不正确。');
    expect(notice.textContent).not.toMatch(/auth\./);
    fill('Right-password-1', 'Harbour#Lamp-42');
    await waitFor(() => expect(done).toHaveBeenCalled(), slow);
    expect(session.token()).toBe('new-token');
    expect(session.user()?.mustChangePassword).toBe(false);
  });
});
