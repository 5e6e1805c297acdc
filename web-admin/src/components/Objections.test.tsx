import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../api/client';
import { fakeFetch, problem, renderWithApp } from '../test/fakeApi';
import { objectionPeriodOpen, ObjectionsCard } from './Objections';

const ROUND = '11111111-1111-1111-1111-111111111111';
const ITEM = '22222222-2222-2222-2222-222222222222';
const ORG = '33333333-3333-3333-3333-333333333333';
const future = new Date(Date.now() + 5 * 86_400_000).toISOString();

function objection(status: Schemas['ObjectionStatus'], resolution: string | null = null): Schemas['ObjectionView'] {
  return {
    id: '44444444-4444-4444-4444-444444444444', roundId: ROUND, itemId: ITEM, subjectCode: 'JB-2026-001', title: '高精度传感器', organisationId: ORG,
    reason: '团队资质认定有误', status, resolution, filedAt: '2026-12-01T02:00:00Z', resolvedAt: resolution ? '2026-12-02T02:00:00Z' : null,
  };
}

const page = (items: Schemas['ObjectionView'][]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 200 } });
const subjects = [{ itemId: ITEM, subjectCode: 'JB-2026-001', title: '高精度传感器' }];

afterEach(() => vi.unstubAllGlobals());

describe('objection period', () => {
  it('is open only while the round is publicised and before its end', () => {
    const now = Date.parse('2026-12-03T00:00:00Z');
    expect(objectionPeriodOpen({ id: ROUND, status: 'Publicised', objectionsCloseAt: '2026-12-05T00:00:00Z' }, now)).toBe(true);
    expect(objectionPeriodOpen({ id: ROUND, status: 'Publicised', objectionsCloseAt: '2026-12-02T00:00:00Z' }, now)).toBe(false);
    expect(objectionPeriodOpen({ id: ROUND, status: 'Final', objectionsCloseAt: '2026-12-05T00:00:00Z' }, now)).toBe(false);
  });
});

describe('objection filing (a party)', () => {
  it('files an objection with its reason and lists it from the API', async () => {
    const filed: Schemas['ObjectionView'][] = [];
    const calls = fakeFetch((method, path, body) => {
      if (method === 'GET' && path === `/api/v1/review/rounds/${ROUND}/objections`) return page(filed);
      if (method === 'POST' && path === `/api/v1/review/rounds/${ROUND}/objections`) {
        filed.push({ ...objection('Open'), reason: (body as { reason: string }).reason });
        return { status: 201, body: { id: filed[0].id, itemId: ITEM, status: 'Open' } };
      }
      return undefined;
    });
    renderWithApp(<ObjectionsCard round={{ id: ROUND, status: 'Publicised', objectionsCloseAt: future }} subjects={subjects} canFile canResolve={false} />);
    expect(await screen.findByText('暂无异议')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('file-objection'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /提交异议/ }));
    expect(await within(dialog).findByText('请填写理由')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByTestId('objection-reason'), { target: { value: '  专家未核实合作协议  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交异议/ }));
    await waitFor(() => expect(within(screen.getByTestId('objection-table')).getByText('专家未核实合作协议')).toBeInTheDocument());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ itemId: ITEM, reason: '专家未核实合作协议' });
    expect(within(screen.getByTestId('objection-table')).getByText('待处理')).toBeInTheDocument();
  });

  it('shows the API\'s refusal when the period has ended meanwhile, and offers no filing after it', async () => {
    fakeFetch((method, path) => {
      if (method === 'GET' && path.endsWith('/objections')) return page([]);
      if (method === 'POST') return problem(409, 'review.objection_period_closed', '异议期已结束 / The objection period has ended');
      return undefined;
    });
    const { unmount } = renderWithApp(<ObjectionsCard round={{ id: ROUND, status: 'Publicised', objectionsCloseAt: future }} subjects={subjects} canFile canResolve={false} />);
    fireEvent.click(await screen.findByTestId('file-objection'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('objection-reason'), { target: { value: '不服' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交异议/ }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'review.objection_period_closed');
    expect(alert).toHaveTextContent('异议期已结束');
    unmount();
    renderWithApp(<ObjectionsCard round={{ id: ROUND, status: 'Final', objectionsCloseAt: '2026-01-01T00:00:00Z' }} subjects={subjects} canFile canResolve={false} />);
    expect(await screen.findByText('异议期已结束，不能再提出异议。')).toBeInTheDocument();
    expect(screen.queryByTestId('file-objection')).toBeNull();
  });
});

describe('objection resolution (task force)', () => {
  it('puts the API\'s field error next to the resolution, then resolves on record', async () => {
    let current = objection('Open');
    let attempts = 0;
    const calls = fakeFetch((method, path, body) => {
      if (method === 'GET' && path.endsWith('/objections')) return page([current]);
      if (method === 'POST' && path === `/api/v1/review/rounds/${ROUND}/objections/${current.id}/resolve`) {
        attempts++;
        if (attempts === 1) return problem(400, 'validation_failed', 'One or more fields are invalid', { resolution: ['处理意见过短 / Too short'] });
        const b = body as Schemas['ResolveObjectionRequest'];
        current = objection(b.outcome, b.resolution);
        return { status: 200, body: { id: current.id, status: b.outcome, resolution: b.resolution } };
      }
      return undefined;
    });
    renderWithApp(<ObjectionsCard round={{ id: ROUND, status: 'Publicised', objectionsCloseAt: future }} subjects={subjects} canFile={false} canResolve />);
    expect(screen.queryByTestId('file-objection')).toBeNull();
    fireEvent.click(await screen.findByTestId('resolve-JB-2026-001'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('团队资质认定有误');
    fireEvent.click(within(dialog).getByText('成立'));
    fireEvent.change(within(dialog).getByTestId('objection-resolution'), { target: { value: '短' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    expect(await within(dialog).findByText('处理意见过短 / Too short')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByTestId('objection-resolution'), { target: { value: '经复核，异议成立' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(within(screen.getByTestId('objection-table')).getByText(/经复核，异议成立/)).toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ outcome: 'Upheld', resolution: '经复核，异议成立' });
    expect(screen.queryByTestId('resolve-JB-2026-001')).toBeNull();
  });
});
