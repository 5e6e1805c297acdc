import { useState } from 'react';
import { App, Form, Modal, Select, Switch, Typography } from 'antd';
import { useI18n, useT } from '../../../i18n';
import { ProblemNotice } from '../../../components/Problem';
import { showProblem } from '../../../lib/errors';
import { useOrganisationNames } from '../../../lib/organisations';
import { useExperts } from '../../experts/queries';
import { NewPasswordFields } from '../../profile/components/ChangePasswordForm';
import { useChangeRole, useResetUserPassword, type UserItem } from '../queries';
import { creatableRoles, needsOrganisation } from './CreateUserModal';

/** 重置密码: a new password the person must change at the next sign-in; their sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: UserItem; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [notice, setNotice] = useState<string | null>(null);
  const reset = useResetUserPassword(user);
  return (
    <Modal open title={t('user.resetPasswordOf', { name: user.displayName })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={reset.isPending}>
      <ProblemNotice error={null} message={notice} />
      <Typography.Paragraph type="secondary">{t('user.resetPasswordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="reset-password-form"
        onFinish={(v) => reset.mutate(v.newPassword, {
          onSuccess: () => { message.success(t('user.passwordReset')); onClose(); },
          onError: (e) => setNotice(showProblem(form, e, locale, t)),
        })}>
        <NewPasswordFields userName={user.userName} />
      </Form>
    </Modal>
  );
}

/** 变更角色 (task force): the role and what it needs (organisation, expert record); the person's sessions end. */
export function ChangeRoleModal({ user, onClose }: { user: UserItem; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: string; organisationId?: string; expertId?: string; orgAdmin?: boolean }>();
  const [notice, setNotice] = useState<string | null>(null);
  const change = useChangeRole(user);
  const role = Form.useWatch('role', form);
  const orgs = useOrganisationNames();
  const experts = useExperts(role === 'Expert');
  return (
    <Modal open title={t('user.changeRoleOf', { name: user.displayName })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={change.isPending}>
      <ProblemNotice error={null} message={notice} />
      <Form form={form} layout="vertical" data-testid="change-role-form"
        initialValues={{ role: user.role, organisationId: user.organisationId ?? undefined, expertId: user.expertId ?? undefined, orgAdmin: user.orgAdmin }}
        onFinish={(v) => change.mutate({
          role: v.role,
          organisationId: needsOrganisation(v.role) ? v.organisationId : null,
          expertId: v.role === 'Expert' ? v.expertId : null,
          orgAdmin: needsOrganisation(v.role) ? !!v.orgAdmin : false,
        }, {
          onSuccess: () => { message.success(t('user.roleChanged')); onClose(); },
          onError: (e) => setNotice(showProblem(form, e, locale, t)),
        })}>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={creatableRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {needsOrganisation(role) && (
          <>
            <Form.Item name="organisationId" label={t('user.organisation')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select showSearch optionFilterProp="label" options={orgs.options} />
            </Form.Item>
            <Form.Item name="orgAdmin" label={t('user.orgAdmin')} valuePropName="checked"><Switch /></Form.Item>
          </>
        )}
        {role === 'Expert' && (
          <Form.Item name="expertId" label={t('user.expert')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select showSearch optionFilterProp="label" loading={experts.isPending}
              options={(experts.data ?? []).filter((e) => !e.userId || e.id === user.expertId).map((e) => ({ value: e.id, label: `${e.name}（${e.title}）` }))} />
          </Form.Item>
        )}
        <Typography.Text type="secondary">{t('user.sessionsEndHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
