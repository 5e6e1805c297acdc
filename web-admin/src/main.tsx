import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './api/config';

// The runtime configuration (API base URL) is read before the API client is created.
await loadRuntimeConfig();
const { App } = await import('./App');
createRoot(document.getElementById('root')!).render(<App />);
