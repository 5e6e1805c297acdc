import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, unwrap, type Schemas } from '../api/client';
import { fakeFetch, problem, renderWithApp } from '../test/fakeApi';
import { AttachmentUpload, multipart } from './AttachmentUpload';

const REPORT = '11111111-1111-1111-1111-111111111111';

afterEach(() => vi.unstubAllGlobals());

function renderUpload() {
  renderWithApp(
    <AttachmentUpload testId="up" invalidate={[['agreement']]}
      send={(file) => unwrap(api.POST('/api/v1/progress-reports/{id}/attachments', { params: { path: { id: REPORT } }, ...multipart<Schemas['ProgressAttachmentUpload']>(file) }))} />,
  );
  return screen.getByTestId('up').querySelector('input[type=file]') as HTMLInputElement;
}

describe('attachment upload', () => {
  it('sends the file as multipart through the generated client', async () => {
    const calls = fakeFetch((method, path) => (method === 'POST' && path === `/api/v1/progress-reports/${REPORT}/attachments`
      ? { status: 201, body: { id: 'a1', reportId: REPORT, fileName: '票据.pdf', contentType: 'application/pdf', sizeBytes: 9, sha256: 'x', uploadedBy: 'tf', uploadedAt: '2026-12-01T00:00:00Z' } }
      : undefined));
    const input = renderUpload();
    expect(input).toHaveAttribute('accept', '.pdf,.docx,.xlsx,.png,.jpg,.jpeg');
    const file = new File(['%PDF-1.7'], '票据.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(calls).toHaveLength(1));
    // One multipart part named "file" carrying the file's bytes.
    const sent = calls[0].body as string;
    expect(sent).toMatch(/Content-Disposition: form-data; name="file"/);
    expect(sent).toContain('%PDF-1.7');
    expect(await screen.findByText('附件已上传')).toBeInTheDocument();
    expect(screen.queryByTestId('up-error')).toBeNull();
  });

  it('shows the API\'s refusal with its code under the button', async () => {
    fakeFetch((method) => (method === 'POST'
      ? problem(400, 'attachment.type_mismatch', '文件内容与扩展名不符 / The content does not match the extension')
      : undefined));
    const input = renderUpload();
    fireEvent.change(input, { target: { files: [new File(['not a pdf'], 'fake.pdf', { type: 'application/pdf' })] } });
    const error = await screen.findByTestId('up-error');
    expect(error.querySelector('[role=alert]')).toHaveAttribute('data-code', 'attachment.type_mismatch');
    expect(error).toHaveTextContent('文件内容与扩展名不符');
  });
});
