import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { session } from '../../auth/session';
import type { Role } from '../../auth/roles';
import { fakeFetch, renderWithApp } from '../../test/fakeApi';
import { OrganisationsPage } from '.';

const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';
const base = {
  type: 'Enterprise', typeName: '企业', regionCode: '110108', regionName: '北京市海淀区', mainland: true, independentLegalPerson: true,
  creditStanding: 'Good', isDemo: false,
} as const;
const unverified: Schemas['Organisation'] = {
  ...base, id: A, creditCode: '91110108MA00000000', name: '演示揭榜企业', version: 2, verified: false,
  registeredBy: { kind: 'DistrictKey', userId: null, name: '海淀区科委接口' },
};
const verified: Schemas['Organisation'] = {
  ...base, id: B, creditCode: '91110108MA00000001', name: '演示高校', version: 7, verified: true, verifiedBy: '工作专班', verifiedAt: '2026-12-01T02:00:00Z',
  registeredBy: { kind: 'User', userId: '33333333-3333-3333-3333-333333333333', name: '张三' },
};

function signInAs(role: Role) {
  session.signIn('token', new Date(Date.now() + 3_600_000).toISOString(), {
    id: '77777777-7777-7777-7777-777777777777', userName: 'u', displayName: '用户', role, organisationId: null, isDemo: true,
  } as Schemas['CurrentUser']);
}

function registry(answer: (method: string, path: string) => { status: number; body: unknown } | undefined = () => undefined) {
  return fakeFetch((method, path) => (method === 'GET' && path === '/api/v1/organisations'
    ? { status: 200, body: { items: [unverified, verified], total: 2, page: 1, pageSize: 20 } }
    : answer(method, path)));
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('organisation registry', () => {
  it('shows the task force the verification state and who registered each record, in words', async () => {
    signInAs('TaskForce');
    registry();
    renderWithApp(<OrganisationsPage />);
    expect(await screen.findByTestId(`verified-${A}`)).toHaveTextContent('未核验');
    expect(screen.getByTestId(`verified-${B}`)).toHaveTextContent('已核验');
    expect(screen.getByText('区级接口：海淀区科委接口')).toBeInTheDocument();
    expect(screen.getByText('用户：张三')).toBeInTheDocument();
    expect(screen.getByText('工作专班 · 2026-12-01 10:00')).toBeInTheDocument();
    expect(screen.getByTestId(`correct-${A}`)).toBeInTheDocument();
    expect(screen.getByTestId(`verify-${A}`)).toBeInTheDocument();
    expect(screen.queryByTestId(`verify-${B}`)).not.toBeInTheDocument();
  });

  it('verifies a record after confirmation, with its version, and reloads the list', async () => {
    signInAs('TaskForce');
    const calls = registry((method, path) => (method === 'POST' && path === `/api/v1/organisations/${A}/verify`
      ? { status: 200, body: { ...unverified, verified: true, version: 3 } } : undefined));
    renderWithApp(<OrganisationsPage />);
    fireEvent.click(await screen.findByTestId(`verify-${A}`));
    fireEvent.click(await screen.findByTestId(`verify-confirm-${A}`));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: `/api/v1/organisations/${A}/verify`, headers: { 'if-match': '"2"' } });
    expect(await screen.findByText('已核验', { selector: '.ant-message *' })).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));
  });

  it('opens the correction dialog from the row', async () => {
    signInAs('TaskForce');
    registry();
    renderWithApp(<OrganisationsPage />);
    fireEvent.click(await screen.findByTestId(`correct-${A}`));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('更正登记信息 · 演示揭榜企业');
    expect(within(dialog).getByTestId('correct-name')).toHaveValue('演示揭榜企业');
  });

  it('lets auditors read the registration source but not act', async () => {
    signInAs('Auditor');
    registry();
    renderWithApp(<OrganisationsPage />);
    expect(await screen.findByText('区级接口：海淀区科委接口')).toBeInTheDocument();
    expect(screen.queryByText('操作')).not.toBeInTheDocument();
    expect(screen.queryByTestId(`correct-${A}`)).not.toBeInTheDocument();
    expect(screen.queryByTestId(`verify-${A}`)).not.toBeInTheDocument();
  });

  it('shows applicants only whether a record is verified', async () => {
    signInAs('Applicant');
    registry();
    renderWithApp(<OrganisationsPage />);
    expect(await screen.findByTestId(`verified-${A}`)).toHaveTextContent('未核验');
    expect(screen.queryByText('登记来源')).not.toBeInTheDocument();
    expect(screen.queryByText('区级接口：海淀区科委接口')).not.toBeInTheDocument();
    expect(screen.queryByTestId(`correct-${A}`)).not.toBeInTheDocument();
    expect(screen.queryByTestId(`verify-${A}`)).not.toBeInTheDocument();
  });
});
