import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/client';
import { session } from '../../../auth/session';
import { fakeFetch, problem, renderWithApp } from '../../../test/fakeApi';
import { ConsortiumCard, UnconfirmedNotice, unconfirmedMembers, useActsForLead } from './Consortium';

const APP = '11111111-1111-1111-1111-111111111111';
const LEAD = '22222222-2222-2222-2222-222222222222';
const MEMBER = '33333333-3333-3333-3333-333333333333';
const future = new Date(Date.now() + 5 * 86_400_000).toISOString();

function application(confirmedAt: string | null, status: Schemas['ApplicationStatus'] = 'Draft'): Schemas['ApplicationDetail'] {
  return {
    id: APP, code: 'JB-001-S001', challengeId: APP, challengeCode: 'JB-001', challengeTitle: '高精度传感器', batchId: APP, issuerOrganisationId: APP,
    leadOrganisationId: LEAD, leadOrganisationName: '演示揭榜高校', leadRegionCode: '110108', status,
    members: [
      { organisationId: LEAD, organisationName: '演示揭榜高校', role: 'Lead', budgetShareBp: 6000, regionCode: '110108', confirmationRequired: false },
      { organisationId: MEMBER, organisationName: '演示揭榜企业', role: 'Member', budgetShareBp: 4000, regionCode: '110114', confirmationRequired: true,
        confirmedAt, confirmedBy: confirmedAt ? 'applicant2' : null, confirmedByDistrict: null },
    ],
    technicalApproach: '方案', team: [], indicatorResponses: [], ownInvestmentFen: 0, milestones: [],
    declarations: { firstCooperation: true, noBadCreditRecord: true, ipProtection: true },
    submittedVersion: status === 'Submitted' ? 1 : 0, closesAt: future, attachments: [], isDemo: false,
    createdAt: '2026-12-01T02:00:00Z', updatedAt: '2026-12-01T02:00:00Z', version: 3,
  };
}

function signInAs(organisationId: string) {
  session.signIn('token', new Date(Date.now() + 3_600_000).toISOString(), {
    id: '77777777-7777-7777-7777-777777777777', userName: 'applicant2', displayName: '企业用户', role: 'Applicant', organisationId, isDemo: true, orgAdmin: false, mustChangePassword: false,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
  cleanup();
});

function ActsForLead({ a }: { a: Schemas['ApplicationDetail'] }) {
  return <span data-testid="acts-for-lead">{String(useActsForLead(a))}</span>;
}

describe('consortium confirmations', () => {
  it('offers editing, submission and uploads to the lead\'s users only, not to a member\'s', () => {
    signInAs(LEAD);
    renderWithApp(<ActsForLead a={application(null)} />);
    expect(screen.getByTestId('acts-for-lead')).toHaveTextContent('true');
    cleanup();
    session.signOut();
    signInAs(MEMBER);
    renderWithApp(<ActsForLead a={application(null)} />);
    expect(screen.getByTestId('acts-for-lead')).toHaveTextContent('false');
  });

  it('counts only the members other than the lead that have not confirmed', () => {
    expect(unconfirmedMembers(application(null)).map((m) => m.organisationName)).toEqual(['演示揭榜企业']);
    expect(unconfirmedMembers(application('2026-12-01T03:00:00Z'))).toEqual([]);
  });

  it('tells the lead which members have not confirmed, by name', () => {
    signInAs(LEAD);
    renderWithApp(<UnconfirmedNotice a={application(null)} />);
    expect(screen.getByTestId('unconfirmed-notice')).toHaveTextContent('待确认：演示揭榜企业');
  });

  it('lets a member confirm after a dialog naming its role and share', async () => {
    signInAs(MEMBER);
    const calls = fakeFetch((method, path) =>
      method === 'POST' && path === `/api/v1/applications/${APP}/confirmation` ? { status: 200, body: application('2026-12-01T03:00:00Z') } : undefined);
    renderWithApp(<ConsortiumCard a={application(null)} />);
    expect(within(screen.getByTestId(`confirmation-${MEMBER}`)).getByText('待确认')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('confirm-participation'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('预算份额 40%');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认参与' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === `/api/v1/applications/${APP}/confirmation`)).toBe(true));
  });

  it('shows who confirmed and when, and the API\'s refusal in the reader\'s language without its code', async () => {
    signInAs(MEMBER);
    fakeFetch((method) => (method === 'POST'
      ? problem(409, 'application.window_closed', '申报期已截止，不能再修改、提交或撤回 / The application window has closed; nothing can be changed, submitted or withdrawn')
      : undefined));
    renderWithApp(<ConsortiumCard a={application('2026-12-01T03:00:00Z', 'Submitted')} />);
    expect(screen.getByTestId(`confirmation-${MEMBER}`)).toHaveTextContent('已确认applicant2 于 2026-12-01 11:00');
    fireEvent.click(screen.getByTestId('withdraw-confirmation'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('退回草稿');
    fireEvent.click(within(dialog).getByRole('button', { name: /撤回确认/ }));
    const shown = await screen.findByText(/申报期已截止/);
    expect(shown.textContent).not.toContain('application.window_closed');
    expect(shown.textContent).not.toContain('The application window');
  });

  it('offers no confirmation to the lead\'s users', () => {
    signInAs(LEAD);
    renderWithApp(<ConsortiumCard a={application(null)} />);
    expect(screen.queryByTestId('confirm-participation')).toBeNull();
    expect(screen.getByText('牵头单位（提交即表示同意）')).toBeInTheDocument();
  });
});
