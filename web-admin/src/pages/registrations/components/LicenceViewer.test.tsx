import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/fakeApi';
import type { RegistrationDetail } from '../queries';
import { LicenceViewer } from './LicenceViewer';

function registration(contentType: string, fileName: string): RegistrationDetail {
  return { id: 'r1', licence: { fileName, contentType, size: 4096 } } as unknown as RegistrationDetail;
}

function serve(body: BlobPart, type: string) {
  vi.stubGlobal('fetch', async () => new Response(new Blob([body], { type }), { status: 200, headers: { 'Content-Type': type } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('LicenceViewer', () => {
  it('frames a PDF licence from a blob URL and releases it when closed', async () => {
    serve('%PDF-1.7\n%demo\n', 'application/pdf');
    const created = vi.fn(() => 'blob:http://localhost/licence-1');
    const revoked = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked }));
    const view = renderWithApp(<LicenceViewer registration={registration('application/pdf', '营业执照.pdf')} />);
    const frame = await screen.findByTestId('licence-pdf-frame');
    expect(frame.getAttribute('src')).toBe('blob:http://localhost/licence-1');
    expect(frame.getAttribute('title')).toBe('营业执照或法人证书');
    expect(created).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(revoked).toHaveBeenCalledWith('blob:http://localhost/licence-1');
  });
});
