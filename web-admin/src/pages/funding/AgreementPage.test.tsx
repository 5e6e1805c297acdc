import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { session } from '../../auth/session';
import { renderIn } from '../../test/render';
import { AgreementPage } from './AgreementPage';
import { deliverableLines } from './components/SignModal';

const ISSUER_ORG = '11111111-1111-1111-1111-111111111111';
const AGREEMENT_ID = '22222222-2222-2222-2222-222222222222';

function agreement(confirmed: boolean): Schemas['AgreementDetail'] {
  return {
    id: AGREEMENT_ID, code: 'XY-2026-001', applicationId: '33333333-3333-3333-3333-333333333333', challengeId: '44444444-4444-4444-4444-444444444444',
    batchId: '55555555-5555-5555-5555-555555555555', issuerOrganisationId: ISSUER_ORG, leadOrganisationId: '66666666-6666-6666-6666-666666666666',
    parties: [], issuerInvestmentFen: 5_000_000_00, applicantInvestmentFen: 3_000_000_00, jointInvestmentFen: 8_000_000_00, ratioBp: 3000,
    capFen: 10_000_000_00, commitmentFen: 2_400_000_00, tranches: [{ percent: 50, milestoneIndex: 0 }], startsOn: '2026-12-08', endsOn: '2028-12-07',
    milestones: [{ ordinal: 0, name: '中期', dueOn: '2027-12-08', trancheIndex: 0, deliverables: ['样机一台', '测试报告'], indicatorTargets: [] }],
    status: 'Active', signedAt: '2026-12-08T02:00:00Z', signedBy: '工作专班',
    issuerConfirmedBy: confirmed ? 'issuer1' : null, issuerConfirmedAt: confirmed ? '2026-12-09T03:00:00Z' : null,
    balances: { committedFen: 2_400_000_00, paidFen: 0, remainingFen: 2_400_000_00 },
    ledger: [], verifiedInvestmentFen: 0, progressReports: [], procurements: [], procurementWaiver: null, version: confirmed ? 2 : 1,
  };
}

/** A fake API for the agreement: GET answers with its current state, POST issuer-confirmation confirms it once. */
function fakeApi() {
  let confirmed = false;
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}`);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
    if (request.method === 'GET' && url.pathname === `/api/v1/agreements/${AGREEMENT_ID}`) return json(200, agreement(confirmed));
    if (request.method === 'POST' && url.pathname === `/api/v1/agreements/${AGREEMENT_ID}/issuer-confirmation`) {
      if (confirmed) return json(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'funding.already_confirmed' });
      confirmed = true;
      return json(200, agreement(true));
    }
    if (request.method === 'GET' && url.pathname === '/api/v1/organisations') return json(200, { items: [], total: 0, page: 1, pageSize: 200 });
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
  return { calls };
}

function signInAs(role: string, organisationId: string | null) {
  session.signIn('token', new Date(Date.now() + 3_600_000).toISOString(), {
    id: '77777777-7777-7777-7777-777777777777', userName: role.toLowerCase(), displayName: role, role, organisationId, isDemo: true, orgAdmin: false, mustChangePassword: false,
  });
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    <AntApp>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[`/funding/agreements/${AGREEMENT_ID}`]}>
          <Routes><Route path="/funding/agreements/:id" element={<AgreementPage />} /></Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('agreement page: the issuer\'s countersignature', () => {
  it('lets the agreement\'s issuer confirm it, then shows it confirmed', async () => {
    const { calls } = fakeApi();
    signInAs('Issuer', ISSUER_ORG);
    renderPage();
    expect(await screen.findByTestId('awaiting-confirmation')).toBeInTheDocument();
    expect(within(screen.getByTestId('issuer-confirmation')).getByText('待确认')).toBeInTheDocument();
    expect(screen.queryByTestId('pay-tranche')).toBeNull();
    fireEvent.click(screen.getByTestId('confirm-agreement'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(within(screen.getByTestId('issuer-confirmation')).getByText('已确认')).toBeInTheDocument());
    expect(screen.getByTestId('issuer-confirmation')).toHaveTextContent('issuer1');
    expect(calls).toContain(`POST /api/v1/agreements/${AGREEMENT_ID}/issuer-confirmation`);
    expect(screen.queryByTestId('confirm-agreement')).toBeNull();
    expect(screen.queryByTestId('awaiting-confirmation')).toBeNull();
  });

  it('offers no confirmation to another organisation\'s issuer user', async () => {
    fakeApi();
    signInAs('Issuer', '99999999-9999-9999-9999-999999999999');
    renderPage();
    await screen.findByTestId('issuer-confirmation');
    expect(screen.queryByTestId('confirm-agreement')).toBeNull();
  });

  it('keeps the task force from paying before the confirmation, and lets it pay after', async () => {
    fakeApi();
    signInAs('TaskForce', null);
    renderPage();
    expect(await screen.findByTestId('pay-tranche')).toBeDisabled();
    expect(screen.queryByTestId('confirm-agreement')).toBeNull();
    expect(screen.getByText('样机一台；测试报告')).toBeInTheDocument();
    cleanup();
    await fetch(new Request(`${window.location.origin}/api/v1/agreements/${AGREEMENT_ID}/issuer-confirmation`, { method: 'POST' }));
    renderPage();
    await waitFor(() => expect(within(screen.getByTestId('issuer-confirmation')).getByText('已确认')).toBeInTheDocument());
    expect(screen.getByTestId('pay-tranche')).toBeEnabled();
  });

  it('shows the confirmation to an auditor without any action', async () => {
    fakeApi();
    await fetch(new Request(`${window.location.origin}/api/v1/agreements/${AGREEMENT_ID}/issuer-confirmation`, { method: 'POST' }));
    signInAs('Auditor', null);
    renderPage();
    await waitFor(() => expect(within(screen.getByTestId('issuer-confirmation')).getByText('已确认')).toBeInTheDocument());
    expect(screen.queryByTestId('pay-tranche')).toBeNull();
    expect(screen.queryByTestId('confirm-agreement')).toBeNull();
  });
});

describe('signing form: milestone deliverables', () => {
  it('takes one deliverable per line and drops blank lines', () => {
    expect(deliverableLines('样机一台\n\n  测试报告  \r\n')).toEqual(['样机一台', '测试报告']);
    expect(deliverableLines(undefined)).toEqual([]);
  });
});
