import { useState } from 'react';
import { Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useExperts } from '../../experts/queries';
import { useRemoveAssignment } from '../queries';

type Assignment = Schemas['BoardAssignment'];
interface Values {
  reason: string;
  replacement: Schemas['Replacement'];
  replacementExpertId?: string;
}

/** The request Rounds_RemoveAssignment expects: a named expert only with a Named replacement. */
export function removalBody(v: Values): Schemas['RemoveAssignmentRequest'] {
  return {
    reason: (v.reason ?? '').trim(),
    replacement: v.replacement,
    replacementExpertId: v.replacement === 'Named' ? v.replacementExpertId ?? null : null,
  };
}

/**
 * The task force takes an expert off an item (撤销或改派) with a written reason; the place is left open, filled under the
 * automatic rules, or given to a named expert. The conflict rule is never waived: the API refuses a conflicted expert.
 */
export function RemoveAssignmentModal({ roundId, assignment, onClose, onRemoved }: {
  roundId: string;
  assignment: Assignment;
  onClose: () => void;
  onRemoved?: (r: Schemas['RemoveAssignmentResponse']) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [extra, setExtra] = useState<string[]>([]);
  const replacement = Form.useWatch('replacement', form);
  const experts = useExperts(replacement === 'Named');
  const remove = useRemoveAssignment(roundId, assignment.assignmentId, {
    success: t('board.removed'),
    onSuccess: (r) => { onRemoved?.(r); onClose(); },
  });
  return (
    <Modal open title={`${t('board.remove')} · ${assignment.subjectCode} · ${assignment.expertName}`} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={remove.isPending} okButtonProps={{ danger: true, 'data-testid': 'remove-confirm' } as React.ComponentProps<typeof Button>}>
      <ProblemAlert error={remove.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ replacement: 'Automatic' }}
        onFinish={(v) => remove.mutate(removalBody(v), { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="reason" label={t('board.removeReason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="remove-reason" />
        </Form.Item>
        <Form.Item name="replacement" label={t('board.replacement')}>
          <Radio.Group data-testid="remove-replacement" options={(['None', 'Automatic', 'Named'] as const).map((r) => ({ value: r, label: t(`board.replacement.${r}`) }))} />
        </Form.Item>
        {/* Always mounted (hidden unless Named), so its rule follows the choice instead of outliving it. */}
        <Form.Item name="replacementExpertId" label={t('board.replacementExpert')} hidden={replacement !== 'Named'}
          rules={replacement === 'Named' ? [{ required: true, message: t('board.replacementExpertRequired') }] : []}>
          <Select showSearch optionFilterProp="label" loading={experts.isPending && replacement === 'Named'} data-testid="remove-expert"
            options={(experts.data ?? []).filter((e) => e.active && e.id !== assignment.expertId).map((e) => ({
              value: e.id, label: `${e.name}（${e.fields.map((f) => t(`field.${f}`)).join('、')}）`,
            }))} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t(`board.replacementHint.${replacement ?? 'Automatic'}`)}</Typography.Paragraph>
    </Modal>
  );
}
