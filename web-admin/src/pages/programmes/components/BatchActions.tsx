import { useState } from 'react';
import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Space, Statistic } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { JobProgress, downloadJobResult } from '../../../jobs/JobProgress';
import { isActive, resultOf, usePageJob } from '../../../jobs/jobs';
import { applyFieldErrors, windowErrors, errorText } from '../../../lib/errors';
import { usePublishBatch, useStartEligibilityCheck, useUpdateBatch } from '../queries';
import { applicationKeys, useStartApplicationsExport } from '../../applications/queries';

export function BatchActions({ batch }: { batch: Schemas['Batch'] }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [checkResult, setCheckResult] = useState<Schemas['RunEligibilityCheckResponse'] | null>(null);
  const publish = usePublishBatch(batch, { success: t('batch.published') });
  const queryClient = useQueryClient();
  // The formal check runs as a background job: progress here and in the header's Jobs list, the outcome when it ends.
  const checkJob = usePageJob('applications.eligibility-check', `batch:${batch.id}`, (job) => {
    if (job.status === 'Succeeded') {
      message.success(t('batch.checkDone'));
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      setCheckResult(resultOf(job) as unknown as Schemas['RunEligibilityCheckResponse']);
    } else if (job.problem) {
      message.error(`${job.problem.code}: ${job.problem.detail}`);
    }
  });
  const check = useStartEligibilityCheck(batch.id, { onSuccess: (job) => checkJob.track(job) });
  const checking = check.isPending || (!!checkJob.job && isActive(checkJob.job));
  // The batch's applications export is a background job too (the same one the applications list starts for this batch).
  const exportJob = usePageJob('applications.export', `|batch:${batch.id}|challenge:-`, (job) => {
    if (job.status === 'Succeeded' && job.hasFile) downloadJobResult(job).catch((e) => message.error(errorText(e)));
    else if (job.problem) message.error(`${job.problem.code}: ${job.problem.detail}`);
  });
  const startExport = useStartApplicationsExport({ batch: batch.id, challenge: null }, {
    onSuccess: (job) => exportJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space wrap>
      {batch.status === 'Draft' && <Button onClick={() => setEditing(true)}>{t('batch.editWindow')}</Button>}
      {batch.status === 'Draft' && (
        <Button type="primary" loading={publish.isPending} data-testid="publish-batch"
          onClick={() => modal.confirm({ title: t('batch.publishConfirm'), content: t('batch.publishHint'), onOk: () => publish.mutateAsync(undefined).catch((e) => { message.error(errorText(e)); }) })}>
          {t('batch.publish')}
        </Button>
      )}
      {batch.status === 'Published' && batch.phase === 'Closed' && (
        <Button type="primary" loading={checking} data-testid="run-formal-check"
          onClick={() => check.mutate(undefined, { onError: (e) => message.error(errorText(e)) })}>
          {checking ? t('batch.checkRunning') : t('batch.runCheck')}
        </Button>
      )}
      {checkJob.job && <JobProgress job={checkJob.job} compact />}
      {batch.status === 'Published' && (
        <Button loading={startExport.isPending || (!!exportJob.job && isActive(exportJob.job))} onClick={() => startExport.mutate()}>
          {t('application.export')}
        </Button>
      )}
      {exportJob.job && <JobProgress job={exportJob.job} compact />}
      {editing && <EditWindowModal batch={batch} onClose={() => setEditing(false)} />}
      {checkResult && (
        <Modal open title={t('batch.checkDone')} onCancel={() => setCheckResult(null)} onOk={() => setCheckResult(null)}>
          <Row gutter={16}>
            <Col span={6}><Statistic title={t('batch.checked')} value={checkResult.checked} /></Col>
            <Col span={6}><Statistic title={t('status.eligibility.Eligible')} value={checkResult.eligible} /></Col>
            <Col span={6}><Statistic title={t('status.eligibility.Ineligible')} value={checkResult.ineligible} /></Col>
            <Col span={6}><Statistic title={t('batch.alreadyDecided')} value={checkResult.alreadyDecided} /></Col>
          </Row>
          <Link to={`/applications?batch=${batch.id}`}>{t('batch.seeApplications')}</Link>
        </Modal>
      )}
    </Space>
  );
}

function EditWindowModal({ batch, onClose }: { batch: Schemas['Batch']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; nameEn?: string; note?: string; window: [Dayjs, Dayjs] }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useUpdateBatch(batch, { onSuccess: onClose });
  return (
    <Modal open title={t('batch.editWindow')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical"
        initialValues={{ name: batch.name, nameEn: batch.nameEn, note: batch.note, window: [dayjs(batch.opensOn), dayjs(batch.closesOn)] }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e).concat(windowErrors(form, e))) })}>
        <Form.Item name="name" label={t('batch.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('batch.nameEn')}><Input /></Form.Item>
        <Form.Item name="window" label={t('batch.windowShanghai')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="note" label={t('batch.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
