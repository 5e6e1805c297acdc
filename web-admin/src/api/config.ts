// Where the API lives. Same origin by default (the host serves the SPA at /admin); for a separate deployment set
// VITE_API_BASE at build time or "apiBase" in config.json next to index.html at run time (the latter wins).
let apiBase: string = import.meta.env.VITE_API_BASE ?? '';

export async function loadRuntimeConfig(): Promise<void> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
    if (response.ok) {
      const config = (await response.json()) as { apiBase?: string };
      if (typeof config.apiBase === 'string' && config.apiBase !== '') apiBase = config.apiBase.replace(/\/$/, '');
    }
  } catch {
    // No runtime configuration: keep the build-time base.
  }
}

export function getApiBase(): string {
  return apiBase || (typeof window !== 'undefined' ? window.location.origin : 'http://127.0.0.1:5080');
}
