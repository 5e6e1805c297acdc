import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/Problem';
import { wanToFen } from '../../../lib/format';
import { applyFieldErrors } from '../../../lib/errors';
import { useOrganisationSearch } from '../../../lib/organisations';
import { useSaveApplication } from '../queries';

interface ApplicationForm {
  members: { organisationId: string; role: Schemas['ConsortiumRole']; sharePercent: number; responsibility?: string }[];
  technicalApproach: string;
  team: Schemas['TeamMember'][];
  indicatorResponses: Schemas['IndicatorResponse'][];
  ownInvestmentWan: number;
  milestones: Schemas['Milestone'][];
  declarations: Schemas['Declarations'];
}

function OrganisationSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const orgs = useOrganisationSearch(q);
  return (
    <Select showSearch filterOption={false} onSearch={setQ} loading={orgs.isFetching} style={{ width: 280 }} {...props}
      options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
  );
}

export function ApplicationEditor({ challenge, existing }: { challenge: Schemas['ChallengeDetail']; existing?: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplicationForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useSaveApplication(existing, challenge.id, { onSuccess: (a) => navigate(`/applications/${a.id}`) });
  const bodyOf = (v: ApplicationForm): Schemas['UpdateApplicationRequest'] => ({
    members: (v.members ?? []).map((m) => ({ organisationId: m.organisationId, role: m.role, budgetShareBp: Math.round(m.sharePercent * 100), responsibility: m.responsibility })),
    technicalApproach: v.technicalApproach,
    team: v.team ?? [],
    indicatorResponses: v.indicatorResponses,
    ownInvestmentFen: wanToFen(v.ownInvestmentWan) ?? 0,
    milestones: v.milestones ?? [],
    declarations: { firstCooperation: !!v.declarations?.firstCooperation, noBadCreditRecord: !!v.declarations?.noBadCreditRecord, ipProtection: !!v.declarations?.ipProtection },
  });
  const initial: Partial<ApplicationForm> = existing
    ? {
        members: existing.members.map((m) => ({ organisationId: m.organisationId, role: m.role, sharePercent: m.budgetShareBp / 100, responsibility: m.responsibility ?? undefined })),
        technicalApproach: existing.technicalApproach, team: existing.team, indicatorResponses: existing.indicatorResponses,
        ownInvestmentWan: existing.ownInvestmentFen / 1e6, milestones: existing.milestones, declarations: existing.declarations,
      }
    : {
        members: [],
        team: [{ name: '', title: '', role: '' }],
        indicatorResponses: challenge.indicators.map((i) => ({ indicatorId: i.id, committedValue: '' })),
        milestones: [{ name: '', dueMonth: 12, deliverable: '' }],
        declarations: { firstCooperation: false, noBadCreditRecord: false, ipProtection: false },
      };
  return (
    <>
      <PageHeader crumbs={[{ to: '/applications', label: t('menu.applications.own') }]} title={existing ? t('application.edit') : t('application.new')}
        sub={<Typography.Text type="secondary">{challenge.code} · {challenge.title}</Typography.Text>} />
      <Card>
        <ProblemAlert error={save.error} extra={extra} />
        <Form form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 960 }}
          onFinish={(v) => save.mutate(bodyOf(v), { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
          <Form.Item label={t('application.consortium')} extra={t('application.consortiumHint')}>
            <Form.List name="members">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'organisationId']} rules={[{ required: true }]}><OrganisationSelect /></Form.Item>
                      <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                        <Select style={{ width: 100 }} options={[{ value: 'Lead', label: t('consortium.Lead') }, { value: 'Member', label: t('consortium.Member') }]} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'sharePercent']} rules={[{ required: true }]}><InputNumber min={0} max={100} addonAfter="%" /></Form.Item>
                      <Form.Item name={[f.name, 'responsibility']}><Input placeholder={t('application.responsibility')} /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'Member', sharePercent: 0 })}>{t('application.addMember')}</Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="technicalApproach" label={t('application.technicalApproach')} rules={[{ required: true }]}><Input.TextArea rows={5} /></Form.Item>
          <Form.Item label={t('application.indicatorResponses')} required>
            {challenge.indicators.map((ind, i) => (
              <Space key={ind.id} align="baseline" wrap>
                <Typography.Text style={{ width: 260, display: 'inline-block' }}>{ind.ordinal}. {ind.name}（{ind.target}{ind.unit ?? ''}）</Typography.Text>
                <Form.Item name={['indicatorResponses', i, 'indicatorId']} hidden><Input /></Form.Item>
                <Form.Item name={['indicatorResponses', i, 'committedValue']} rules={[{ required: true }]}><Input placeholder={t('indicator.committed')} data-testid={`indicator-${i}`} /></Form.Item>
                <Form.Item name={['indicatorResponses', i, 'note']}><Input placeholder={t('common.note')} /></Form.Item>
              </Space>
            ))}
          </Form.Item>
          <Form.Item label={t('application.team')} required>
            <Form.List name="team">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('team.name')} /></Form.Item>
                      <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}><Input placeholder={t('team.title')} /></Form.Item>
                      <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}><Input placeholder={t('team.role')} /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '', role: '' })}>{t('team.add')}</Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="ownInvestmentWan" label={t('application.ownInvestment')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
          <Form.Item label={t('application.milestones')} required>
            <Form.List name="milestones">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('milestone.name')} /></Form.Item>
                      <Form.Item name={[f.name, 'dueMonth']} rules={[{ required: true }]}><InputNumber min={1} placeholder={t('milestone.dueMonth')} /></Form.Item>
                      <Form.Item name={[f.name, 'deliverable']} rules={[{ required: true }]}><Input placeholder={t('milestone.deliverable')} /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', dueMonth: 12, deliverable: '' })}>{t('milestone.add')}</Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item label={t('application.declarations')}>
            {(['firstCooperation', 'noBadCreditRecord', 'ipProtection'] as const).map((k) => (
              <Form.Item key={k} name={['declarations', k]} valuePropName="checked" noStyle>
                <Checkbox data-testid={`declaration-${k}`}>{t(`declaration.${k}`)}</Checkbox>
              </Form.Item>
            ))}
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-application">{t('application.saveDraft')}</Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
