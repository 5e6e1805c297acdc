import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useI18n, useT } from '../../../i18n';
import type { Role } from '../../../auth/roles';
import { useSessionUser } from '../../../auth/useSession';
import { ProblemNotice } from '../../../components/Problem';
import { showProblem } from '../../../lib/errors';
import { useOrganisationNames } from '../../../lib/organisations';
import { useExperts } from '../../experts/queries';
import { NewPasswordFields } from '../../profile/components/ChangePasswordForm';
import { EMAIL_PATTERN, MOBILE_PATTERN } from '../../profile';
import { useCreateUser } from '../queries';

/** Roles the task force creates accounts for. */
export const creatableRoles: Role[] = ['TaskForce', 'Issuer', 'Expert', 'Auditor', 'Applicant'];
export const needsOrganisation = (role?: string) => role === 'Issuer' || role === 'Applicant';

interface Values {
  preset?: 'member' | 'admin';
  role?: Role;
  organisationId?: string;
  expertId?: string;
  orgAdmin?: boolean;
  userName: string;
  displayName: string;
  email?: string;
  mobile?: string;
  password: string;
}

/**
 * A new account. `own`: a unit administrator's colleague (its own organisation and role; the preset says whether the
 * new user is a member — a project lead — or another unit administrator). `all`: the task force's choice of role,
 * with the organisation or expert record the role needs.
 */
export function CreateUserModal({ scope, onClose }: { scope: 'own' | 'all'; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const me = useSessionUser();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateUser();
  const role = Form.useWatch('role', form);
  const orgs = useOrganisationNames();
  const experts = useExperts(scope === 'all' && role === 'Expert');
  const required = { required: true, whitespace: true, message: t('validation.required') };

  function submit(v: Values) {
    setNotice(null);
    const common = { userName: v.userName.trim(), displayName: v.displayName.trim(), email: v.email?.trim() || null, mobile: v.mobile?.trim() || null, password: v.password };
    const body = scope === 'own'
      ? { ...common, role: me!.role, organisationId: me!.organisationId ?? null, orgAdmin: v.preset === 'admin' }
      : { ...common, role: v.role!, organisationId: needsOrganisation(v.role) ? v.organisationId : null, expertId: v.role === 'Expert' ? v.expertId : null, orgAdmin: needsOrganisation(v.role) ? !!v.orgAdmin : false };
    create.mutate(body, {
      onSuccess: (u) => { message.success(t('user.created', { name: u.displayName })); onClose(); },
      onError: (e) => setNotice(showProblem(form, e, locale, t, { password: 'password' })),
    });
  }

  return (
    <Modal open title={t('user.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} width={560}>
      <ProblemNotice error={null} message={notice} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="create-user-form" initialValues={{ preset: 'member', role: 'Applicant', orgAdmin: false }}>
        {scope === 'own' ? (
          <Form.Item name="preset" label={t('user.preset')}>
            <Radio.Group options={[
              { value: 'member', label: t(me?.role === 'Issuer' ? 'user.preset.staff' : 'user.preset.lead') },
              { value: 'admin', label: t('user.preset.admin') },
            ]} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={creatableRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="create-user-role" />
            </Form.Item>
            {needsOrganisation(role) && (
              <>
                <Form.Item name="organisationId" label={t('user.organisation')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select showSearch optionFilterProp="label" options={orgs.options} placeholder={t('common.select')} />
                </Form.Item>
                <Form.Item name="orgAdmin" label={t('user.orgAdmin')} valuePropName="checked"><Switch /></Form.Item>
              </>
            )}
            {role === 'Expert' && (
              <Form.Item name="expertId" label={t('user.expert')} rules={[{ required: true, message: t('validation.required') }]} extra={t('user.expertHint')}>
                <Select showSearch optionFilterProp="label" loading={experts.isPending} placeholder={t('common.select')}
                  options={(experts.data ?? []).filter((e) => !e.userId).map((e) => ({ value: e.id, label: `${e.name}（${e.title}）` }))} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="displayName" label={t('user.displayName')} rules={[required, { max: 100 }]}><Input /></Form.Item>
        <Form.Item name="userName" label={t('login.userName')} rules={[required, { pattern: /^[A-Za-z0-9][A-Za-z0-9._@-]{2,99}$/, message: t('validation.accountName') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('user.email')} rules={[{ pattern: EMAIL_PATTERN, message: t('validation.email') }]}><Input /></Form.Item>
        <Form.Item name="mobile" label={t('user.mobile')} rules={[{ pattern: MOBILE_PATTERN, message: t('validation.mobile') }]}><Input maxLength={11} /></Form.Item>
        <NewPasswordFields name="password" label={t('user.initialPassword')} userName={() => form.getFieldValue('userName')} />
        <Typography.Text type="secondary">{t('user.mustChangeHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
