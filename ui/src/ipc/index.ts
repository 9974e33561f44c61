// Picks the backend: Tauri's when running inside the desktop shell, else the in-memory fake
// (browser preview and end-to-end tests). The fake is loaded lazily to stay out of the app.

import type { Backend } from './backend';

export async function chooseBackend(): Promise<Backend> {
  if ('__TAURI_INTERNALS__' in window) {
    const { tauriBackend } = await import('./backend');
    return tauriBackend;
  }
  const { createFakeBackend } = await import('./fakeBackend');
  return createFakeBackend({ firstCiteDelayMs: 900, latencyMs: 60 });
}
