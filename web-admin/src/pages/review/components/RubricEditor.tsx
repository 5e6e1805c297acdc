import { Button, Input, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { components } from '../../../api/schema';
import { useT, type Translate } from '../../../i18n';

export type Criterion = components['schemas']['CriterionInput'];

const twoPlaces = (n: number) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-9;

/** Problems the API would refuse, found before sending: keyed like the API's field errors ("criteria[0].name"). */
export function validateRubric(criteria: Criterion[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (criteria.length === 0) errors.criteria = t('rubric.atLeastOne');
  if (criteria.length > 20) errors.criteria = t('rubric.atMost20');
  criteria.forEach((c, i) => {
    if (!c.name?.trim()) errors[`criteria[${i}].name`] = t('validation.required');
    if (!(c.weight > 0 && c.weight <= 100) || !twoPlaces(c.weight)) errors[`criteria[${i}].weight`] = t('rubric.weightRange');
    if (!(Number.isInteger(c.maxScore) && c.maxScore >= 1 && c.maxScore <= 1000)) errors[`criteria[${i}].maxScore`] = t('rubric.maxRange');
    if (c.threshold != null && (c.threshold < 0 || c.threshold > c.maxScore || !twoPlaces(c.threshold)))
      errors[`criteria[${i}].threshold`] = t('rubric.thresholdRange');
  });
  return errors;
}

/** Highest weighted total a sheet can reach: Σ weight × max score, in hundredths to stay exact. */
export function maxWeightedTotal(criteria: Criterion[]): number {
  return criteria.reduce((sum, c) => sum + Math.round((c.weight || 0) * 100) * (c.maxScore || 0), 0) / 100;
}

/**
 * The rubric (评分标准) of a review round: criteria with weight, maximum score and optional threshold, in order.
 * Shows the highest weighted total so the pass threshold can be set against it; errors from the API or from
 * validateRubric appear under the cell they concern.
 */
export function RubricEditor({
  value,
  onChange,
  errors = {},
  readOnly = false,
}: {
  value: Criterion[];
  onChange?: (next: Criterion[]) => void;
  errors?: Record<string, string | string[]>;
  readOnly?: boolean;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<Criterion>) => onChange?.(value.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange?.(next);
  };
  const error = (key: string) => {
    const e = errors[key];
    return e ? <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">{Array.isArray(e) ? e.join(' ') : e}</Typography.Text> : null;
  };
  const rows = value.map((c, i) => ({ ...c, key: i }));
  return (
    <div data-testid="rubric-editor">
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('rubric.empty') }}
        columns={[
          { title: '#', width: 40, render: (_, __, i) => i + 1 },
          {
            title: t('rubric.name'),
            render: (_, c, i) => (readOnly ? c.name : (
              <>
                <Input value={c.name} aria-label={`${t('rubric.name')} ${i + 1}`} status={errors[`criteria[${i}].name`] ? 'error' : undefined}
                  onChange={(e) => update(i, { name: e.target.value })} />
                {error(`criteria[${i}].name`)}
              </>
            )),
          },
          {
            title: t('rubric.weight'), width: 120,
            render: (_, c, i) => (readOnly ? c.weight : (
              <>
                <InputNumber value={c.weight} min={0} max={100} step={0.1} aria-label={`${t('rubric.weight')} ${i + 1}`}
                  status={errors[`criteria[${i}].weight`] ? 'error' : undefined} onChange={(v) => update(i, { weight: v ?? 0 })} />
                {error(`criteria[${i}].weight`)}
              </>
            )),
          },
          {
            title: t('rubric.maxScore'), width: 120,
            render: (_, c, i) => (readOnly ? c.maxScore : (
              <>
                <InputNumber value={c.maxScore} min={1} max={1000} precision={0} aria-label={`${t('rubric.maxScore')} ${i + 1}`}
                  status={errors[`criteria[${i}].maxScore`] ? 'error' : undefined} onChange={(v) => update(i, { maxScore: v ?? 0 })} />
                {error(`criteria[${i}].maxScore`)}
              </>
            )),
          },
          {
            title: <Tooltip title={t('rubric.thresholdHint')}>{t('rubric.threshold')}</Tooltip>, width: 130,
            render: (_, c, i) => (readOnly ? c.threshold ?? '—' : (
              <>
                <InputNumber value={c.threshold ?? undefined} min={0} step={0.5} aria-label={`${t('rubric.threshold')} ${i + 1}`}
                  status={errors[`criteria[${i}].threshold`] ? 'error' : undefined} onChange={(v) => update(i, { threshold: v ?? null })} />
                {error(`criteria[${i}].threshold`)}
              </>
            )),
          },
          ...(readOnly ? [] : [{
            title: '', width: 120,
            render: (_: unknown, __: unknown, i: number) => (
              <Space size={0}>
                <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('rubric.up')} />
                <Button type="text" icon={<ArrowDownOutlined />} disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('rubric.down')} />
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange?.(value.filter((_, j) => j !== i))} aria-label={t('common.remove')} />
              </Space>
            ),
          }]),
        ]}
      />
      {error('criteria')}
      <Space style={{ marginTop: 8 }} wrap>
        {!readOnly && (
          <Button type="dashed" icon={<PlusOutlined />} disabled={value.length >= 20}
            onClick={() => onChange?.([...value, { name: '', weight: 1, maxScore: 10, threshold: null }])}>
            {t('rubric.add')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid="rubric-total">{t('rubric.total', { n: maxWeightedTotal(value) })}</Typography.Text>
      </Space>
    </div>
  );
}
