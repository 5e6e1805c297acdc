import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { renderIn } from '../test/render';
import { JobsIndicator } from './JobsIndicator';
import { JobProgress } from './JobProgress';
import type { Job } from './jobs';

const CHECK_ID = '0194f1a0-0000-7000-8000-000000000001';
const EXPORT_ID = '0194f1a0-0000-7000-8000-000000000002';

function job(over: Partial<Job>): Job {
  return {
    id: CHECK_ID, kind: 'applications.eligibility-check', target: 'batch:b1', status: 'Running', processed: 1, total: 4, percent: 25,
    result: null, hasFile: false, fileName: null, problem: null, requestedBy: 'u1', requestedByName: 'taskforce', attempts: 1,
    createdAt: '2026-11-28T02:00:00Z', startedAt: '2026-11-28T02:00:01Z', finishedAt: null, ...over,
  };
}

/** A fake jobs API: the formal check advances one application per poll and then succeeds; an export is already done. */
function fakeApi() {
  let polls = 0;
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: Request | string) => {
    // The client passes a Request; file downloads pass the path.
    const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
    calls.push(`${typeof input === 'string' ? 'GET' : input.method} ${url.pathname}`);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/api/v1/jobs') {
      polls++;
      const processed = Math.min(4, polls);
      const check = processed < 4
        ? job({ processed, percent: processed * 25 })
        : job({ status: 'Succeeded', processed: 4, percent: 100, finishedAt: '2026-11-28T02:00:09Z',
          result: { checked: 4, eligible: 3, ineligible: 1, alreadyDecided: 0 } as unknown as Job['result'] });
      const exported = job({ id: EXPORT_ID, kind: 'applications.export', status: 'Succeeded', processed: 2, total: 2, percent: 100,
        hasFile: true, fileName: '申报汇总.xlsx', result: { rows: 2 } as unknown as Job['result'] });
      return json([check, exported]);
    }
    if (url.pathname === `/api/v1/jobs/${EXPORT_ID}/result`) {
      return new Response(new Blob(['xlsx']), { status: 200, headers: { 'Content-Disposition': 'attachment; filename="x.xlsx"' } });
    }
    return new Response(JSON.stringify({ code: 'not_found', status: 404, title: 'Not found' }), { status: 404 });
  });
  return { calls };
}

function renderWith(ui: React.ReactElement, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  session.signIn('token', new Date(Date.now() + 3_600_000).toISOString(), {
    id: 'u1', userName: 'taskforce', displayName: '工作专班', role: 'TaskForce', organisationId: null, isDemo: true, orgAdmin: false, mustChangePassword: false,
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(<AntApp><QueryClientProvider client={client}>{ui}</QueryClientProvider></AntApp>, locale);
}

describe('JobsIndicator', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    session.signOut();
  });

  it('counts running jobs, lists them with progress, keeps polling until they finish and offers the export file', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { calls } = fakeApi();
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWith(<JobsIndicator />);
    const button = await screen.findByTestId('jobs-indicator');
    await waitFor(() => expect(button).toHaveAttribute('data-running', '1'));
    fireEvent.click(button);
    const list = await screen.findByTestId('jobs-list');
    expect(within(list).getByText('资格审查')).toBeInTheDocument();
    expect(within(list).getByText('导出申报汇总')).toBeInTheDocument();
    const check = within(list).getAllByTestId('job-progress')[0];
    expect(Number(check.dataset.percent)).toBeLessThan(100);

    // Polling goes on by itself while a job runs (once a second); the check reaches 100 % and says what it did. The
    // seconds are the fake clock's (setInterval is faked from the start), so no real second passes and a slow machine
    // cannot miss a poll; each step waits, up to a deadline, for the poll it caused to show.
    const percent = () => Number(within(list).getAllByTestId('job-progress')[0].dataset.percent);
    for (let second = 0; second < 10 && percent() < 100; second++) {
      const before = percent();
      await act(() => vi.advanceTimersByTimeAsync(1000));
      await waitFor(() => expect(percent()).toBeGreaterThan(before));
    }
    vi.useRealTimers();
    expect(within(list).getAllByTestId('job-progress')[0]).toHaveAttribute('data-percent', '100');
    expect(within(list).getByText('审查 4 份：合格 3，不合格 1（此前已审 0）')).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveAttribute('data-running', '0'));
    expect(calls.filter((c) => c === 'GET /api/v1/jobs').length).toBeGreaterThanOrEqual(4);

    fireEvent.click(within(list).getByTestId('job-download'));
    await waitFor(() => expect(calls).toContain(`GET /api/v1/jobs/${EXPORT_ID}/result`));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    saved.mockRestore();
  });
});

describe('JobProgress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a failed job with its problem code and detail, in English when chosen', () => {
    renderWith(<JobProgress job={job({ status: 'Failed', percent: 0, processed: 0, problem: { code: 'eligibility.window_not_closed', detail: '申报期尚未截止 / The application window has not closed yet' } })} />, 'en-US');
    expect(screen.getByTestId('job-progress')).toHaveAttribute('data-job-status', 'Failed');
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('eligibility.window_not_closed')).toBeInTheDocument();
    expect(screen.getByText(/The application window has not closed yet/)).toBeInTheDocument();
    expect(screen.queryByTestId('job-download')).toBeNull();
  });

  it('shows a running job with its count of processed items', () => {
    renderWith(<JobProgress job={job({})} />);
    expect(screen.getByText('进行中 · 1 / 4')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
  });
});
