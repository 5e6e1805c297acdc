import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, problem, renderWithApp } from '../../../test/fakeApi';
import { creditCheckCharacter } from '../../../lib/creditCode';
import { RegistrationForm } from './RegistrationForm';

const code = '91110108MA0000001' + creditCheckCharacter('91110108MA0000001');

// Ant Design's validation settles slowly on a busy machine.
const slow = { timeout: 15_000 };

afterEach(() => vi.unstubAllGlobals());

async function fill(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    单位名称: '测试科技有限公司', 统一社会信用代码: code, 法定代表人: '王五', 管理员姓名: '赵六', 用户名: 'unitadmin01',
    手机号码: '13800000000', 电子邮箱: 'admin@example.cn', 密码: 'Harbour#Lamp-42', 确认密码: 'Harbour#Lamp-42', ...overrides,
  };
  for (const [label, value] of Object.entries(values)) fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

// The first Ant Design form render in jsdom can take half a minute on a loaded machine.
describe('单位注册 form', { timeout: 90_000 }, () => {
  it('requires every field and the licence before sending anything', async () => {
    const calls = fakeFetch(() => undefined);
    renderWithApp(<RegistrationForm onSubmitted={() => {}} />);
    fireEvent.click(screen.getByTestId('registration-submit'));
    expect((await screen.findAllByText('必填', {}, slow)).length).toBeGreaterThanOrEqual(7);
    expect(screen.getByText('请上传营业执照或法人证书')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('checks the credit code\'s check character and the password policy (length, not the user name, typed twice)', async () => {
    const calls = fakeFetch(() => undefined);
    renderWithApp(<RegistrationForm onSubmitted={() => {}} />);
    await fill({ 统一社会信用代码: code.slice(0, 17) + (code[17] === '0' ? '1' : '0'), 密码: 'unitadmin01', 确认密码: 'other-password' });
    fireEvent.click(screen.getByTestId('registration-submit'));
    expect(await screen.findByText(`校验码不正确：第 18 位应为“${code[17]}”`, {}, slow)).toBeInTheDocument();
    expect(screen.getByText('密码不能是用户名，也不能包含用户名')).toBeInTheDocument();
    expect(screen.getByText('两次输入的密码不一致')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'short' } });
    expect(await screen.findByText('密码至少 10 个字符', {}, slow)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('sends the form with the licence as multipart and shows a refusal in Chinese without its code', async () => {
    const calls = fakeFetch((method, path) => (method === 'POST' && path === '/api/v1/registrations'
      ? problem(409, 'registration.already_registered', '该统一社会信用代码已有注册 / Already registered')
      : undefined));
    const onSubmitted = vi.fn();
    renderWithApp(<RegistrationForm onSubmitted={onSubmitted} />);
    await fill();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF-1.4 licence'], '营业执照.pdf', { type: 'application/pdf' }));
    fireEvent.click(screen.getByTestId('registration-submit'));
    const notice = await screen.findByTestId('problem-notice', {}, slow);
    expect(notice).toHaveTextContent('该统一社会信用代码已有待审核或已通过的注册，不能重复注册。');
    expect(notice.textContent).not.toContain('registration.already_registered');
    await waitFor(() => expect(calls).toHaveLength(1));
    const body = String(calls[0].body);
    expect(body).toContain('name="creditCode"');
    expect(body).toContain(code);
    // jsdom's File reaches the request as a plain blob (the browser keeps the name; the end-to-end walk uploads one).
    expect(body).toMatch(/name="file"; filename="[^"]+"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1.4 licence/);
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});
