import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/client';
import { fakeFetch, problem, renderWithApp } from '../../../test/fakeApi';
import { RemoveAssignmentModal, removalBody } from './RemoveAssignmentModal';

const ROUND = '11111111-1111-1111-1111-111111111111';
const assignment: Schemas['BoardAssignment'] = {
  assignmentId: '22222222-2222-2222-2222-222222222222', itemId: '33333333-3333-3333-3333-333333333333', subjectCode: 'SQ-001',
  expertId: '44444444-4444-4444-4444-444444444444', expertName: '王专家', status: 'Active', scoreStatus: 'None', endReason: null,
  assignedAt: '2026-12-01T02:00:00Z',
};
const removeUrl = `/api/v1/review/rounds/${ROUND}/assignments/${assignment.assignmentId}/remove`;

afterEach(() => vi.unstubAllGlobals());

describe('removal request', () => {
  it('names an expert only for a named replacement and trims the reason', () => {
    expect(removalBody({ reason: ' 身体原因 ', replacement: 'Automatic', replacementExpertId: 'x' }))
      .toEqual({ reason: '身体原因', replacement: 'Automatic', replacementExpertId: null });
    expect(removalBody({ reason: '回避', replacement: 'Named', replacementExpertId: 'e1' }))
      .toEqual({ reason: '回避', replacement: 'Named', replacementExpertId: 'e1' });
  });
});

describe('assignment board: remove dialog', () => {
  it('requires a reason, then removes without a replacement and reports the outcome', async () => {
    const calls = fakeFetch((method, path) => (method === 'POST' && path === removeUrl
      ? { status: 200, body: { removedAssignmentId: assignment.assignmentId, itemId: assignment.itemId, removedExpertId: assignment.expertId, departures: [], short: null } }
      : undefined));
    const onClose = vi.fn();
    const onRemoved = vi.fn();
    renderWithApp(<RemoveAssignmentModal roundId={ROUND} assignment={assignment} onClose={onClose} onRemoved={onRemoved} />);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('王专家');
    expect(dialog).toHaveTextContent('按领域、负荷与回避规则自动选择');
    fireEvent.click(within(dialog).getByTestId('remove-confirm'));
    expect(await within(dialog).findByText('请填写理由')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    fireEvent.click(within(dialog).getByText('不替换'));
    expect(await within(dialog).findByText(/看板上显示为“缺员”/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByTestId('remove-reason'), { target: { value: '专家临时出差' } });
    fireEvent.click(within(dialog).getByTestId('remove-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ method: 'POST', path: removeUrl, body: { reason: '专家临时出差', replacement: 'None', replacementExpertId: null } });
    expect(onRemoved).toHaveBeenCalledWith(expect.objectContaining({ removedExpertId: assignment.expertId }));
  });

  it('asks for the expert of a named replacement and shows the conflict refusal with its code', async () => {
    const calls = fakeFetch((method, path) => {
      if (method === 'GET' && path === '/api/v1/review/experts') return { status: 200, body: [] };
      if (method === 'POST' && path === removeUrl) return problem(409, 'review.expert_conflicted', '该专家与对象存在利益冲突 / The expert is conflicted');
      return undefined;
    });
    const onClose = vi.fn();
    renderWithApp(<RemoveAssignmentModal roundId={ROUND} assignment={assignment} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('指定专家'));
    expect(await within(dialog).findByText(/利益冲突回避规则不可豁免/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByTestId('remove-reason'), { target: { value: '改派' } });
    fireEvent.click(within(dialog).getByTestId('remove-confirm'));
    expect(await within(dialog).findByText('请选择替换专家')).toBeInTheDocument();
    // With Automatic the API decides; its refusal is shown in the dialog, which stays open.
    fireEvent.click(within(dialog).getByText('自动替换'));
    expect(await within(dialog).findByText(/按领域、负荷与回避规则自动选择/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByTestId('remove-confirm'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'review.expert_conflicted');
    expect(onClose).not.toHaveBeenCalled();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '改派', replacement: 'Automatic', replacementExpertId: null });
  });
});
