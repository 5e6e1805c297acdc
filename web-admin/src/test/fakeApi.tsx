import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { renderIn } from './render';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (method: string, path: string, body: unknown) => { status: number; body: unknown } | undefined;

/** Replaces fetch with `handler`; every request is recorded (JSON bodies parsed, multipart bodies kept as their raw text; header names in lower case). */
export function fakeFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const type = request.headers.get('Content-Type') ?? '';
    let body: unknown = undefined;
    if (request.method !== 'GET') {
      body = type.includes('multipart/form-data') ? await request.text() : await request.text().then((s) => (s ? JSON.parse(s) : undefined));
    }
    calls.push({ method: request.method, path: url.pathname + url.search, body, headers: Object.fromEntries(request.headers.entries()) });
    const answer = handler(request.method, url.pathname, body) ?? { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': answer.status < 300 ? 'application/json' : 'application/problem+json' },
    });
  });
  return calls;
}

/** A problem document as the API sends it. */
export function problem(status: number, code: string, detail: string, errors?: Record<string, string[]>) {
  return { status, body: { type: `https://jiebang.example/problems/${code}`, title: 'Problem', status, code, detail, errors } };
}

/** Renders with what the pages expect around them: Ant Design's App, a fresh query client (no retries), a router. */
export function renderWithApp(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    <AntApp>
      <QueryClientProvider client={client}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}
