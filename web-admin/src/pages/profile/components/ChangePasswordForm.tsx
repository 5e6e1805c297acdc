import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n, useT } from '../../../i18n';
import { ProblemNotice } from '../../../components/Problem';
import { showProblem } from '../../../lib/errors';
import { passwordProblem } from '../../../lib/password';
import { changePassword } from '../queries';

interface Values { currentPassword: string; newPassword: string; confirm: string }

/** Current password, new password twice; the policy is checked here first, then by the API. */
export function ChangePasswordForm({ userName, onDone }: { userName: string; onDone?: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<string | null>(null);
  const change = useMutation({ mutationFn: changePassword });
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} data-testid="change-password-form"
      onFinish={(v) => {
        setNotice(null);
        change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }, {
          onSuccess: () => { message.success(t('password.changed')); form.resetFields(); onDone?.(); },
          onError: (e) => setNotice(showProblem(form, e, locale, t)),
        });
      }}>
      <ProblemNotice error={null} message={notice} />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields userName={userName} />
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">{t('password.change')}</Button>
    </Form>
  );
}

/**
 * The new password and its confirmation, with the policy's client-side checks (`userName`: the account's). With a
 * `label` (a first or initial password rather than a new one) the confirmation is labelled 确认密码.
 */
export function NewPasswordFields({ userName, name = 'newPassword', label }: { userName?: string | (() => string | undefined); name?: string; label?: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name={name} label={label ?? t('password.new')} extra={t('password.hint')} hasFeedback
        rules={[{ required: true, message: t('validation.required') }, {
          validator: async (_, value: string) => {
            const problem = value ? passwordProblem(value, typeof userName === 'function' ? userName() : userName) : null;
            if (problem) throw new Error(t(problem));
          },
        }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={label ? t('password.confirmPlain') : t('password.confirm')} dependencies={[name]} hasFeedback
        rules={[{ required: true, message: t('validation.required') }, ({ getFieldValue }) => ({
          validator: async (_, value: string) => {
            if (value && value !== getFieldValue(name)) throw new Error(t('password.mismatch'));
          },
        })]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
