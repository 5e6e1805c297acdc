import { useState } from 'react';
import { screen, fireEvent, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RubricEditor, maxWeightedTotal, validateRubric, type Criterion } from './RubricEditor';
import { renderIn } from '../../../test/render';
import { translate, type MessageKey } from '../../../i18n';

const t = (key: MessageKey) => translate('zh-CN', key);

function Harness({ initial, errors, onChange }: { initial: Criterion[]; errors?: Record<string, string>; onChange?: (c: Criterion[]) => void }) {
  const [value, setValue] = useState(initial);
  return <RubricEditor value={value} errors={errors} onChange={(next) => { setValue(next); onChange?.(next); }} />;
}

const rubric: Criterion[] = [
  { name: '技术方案', weight: 0.4, maxScore: 100, threshold: null },
  { name: '团队能力', weight: 0.6, maxScore: 100, threshold: 60 },
];

describe('rubric editor', () => {
  it('shows the highest weighted total, exactly', () => {
    renderIn(<Harness initial={rubric} />);
    expect(screen.getByTestId('rubric-total')).toHaveTextContent('加权满分：100');
    expect(maxWeightedTotal([{ name: 'a', weight: 0.1, maxScore: 3 }, { name: 'b', weight: 0.2, maxScore: 3 }])).toBe(0.9);
  });

  it('adds a criterion and updates the total', () => {
    const onChange = vi.fn();
    renderIn(<Harness initial={rubric} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /添加评分项/ }));
    expect(onChange).toHaveBeenLastCalledWith([...rubric, { name: '', weight: 1, maxScore: 10, threshold: null }]);
    expect(screen.getByTestId('rubric-total')).toHaveTextContent('加权满分：110');
  });

  it('edits a name and a weight', () => {
    const onChange = vi.fn();
    renderIn(<Harness initial={rubric} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('评分项 1'), { target: { value: '技术先进性' } });
    expect(onChange.mock.lastCall![0][0].name).toBe('技术先进性');
    const weight = screen.getByLabelText('权重 2');
    fireEvent.change(weight, { target: { value: '0.5' } });
    fireEvent.blur(weight);
    expect(onChange.mock.lastCall![0][1].weight).toBe(0.5);
  });

  it('moves and removes criteria', () => {
    const onChange = vi.fn();
    renderIn(<Harness initial={rubric} onChange={onChange} />);
    const rows = screen.getAllByRole('row').slice(1);
    fireEvent.click(within(rows[1]).getByRole('button', { name: '上移' }));
    expect(onChange.mock.lastCall![0].map((c: Criterion) => c.name)).toEqual(['团队能力', '技术方案']);
    fireEvent.click(within(screen.getAllByRole('row')[1]).getByRole('button', { name: '删除' }));
    expect(onChange.mock.lastCall![0].map((c: Criterion) => c.name)).toEqual(['技术方案']);
  });

  it('shows field errors from the API under the cell they concern', () => {
    renderIn(<Harness initial={rubric} errors={{ 'criteria[1].threshold': '阈值不能超过满分 / The threshold cannot exceed the maximum score' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('阈值不能超过满分');
  });

  it('is read-only when asked: no inputs, no buttons', () => {
    renderIn(<RubricEditor readOnly value={rubric} />);
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /添加评分项/ })).toBeNull();
    expect(screen.getByText('技术方案')).toBeInTheDocument();
  });

  it('finds what the API would refuse before sending', () => {
    expect(validateRubric(rubric, t)).toEqual({});
    expect(validateRubric([], t)).toEqual({ criteria: t('rubric.atLeastOne') });
    const errors = validateRubric([
      { name: ' ', weight: 0, maxScore: 0, threshold: null },
      { name: 'x', weight: 1.234, maxScore: 10, threshold: 11 },
    ], t);
    expect(Object.keys(errors).sort()).toEqual([
      'criteria[0].maxScore', 'criteria[0].name', 'criteria[0].weight', 'criteria[1].threshold', 'criteria[1].weight',
    ]);
  });
});
