// Picks the backend: Tauri's when running inside the desktop shell, else the in-memory fake
// (browser preview and end-to-end tests). The fake is loaded lazily to stay out of the app.

import type { Backend } from './backend';

export async function chooseBackend(): Promise<Backend> {
  if ('__TAURI_INTERNALS__' in window) {
    const { tauriBackend } = await import('./backend');
    return tauriBackend;
  }
  const { createFakeBackend } = await import('./fakeBackend');
  // `?syndicated` starts the preview with the sample and a linked PDF copy of it: e2e runs and
  // screenshots of similar articles and page numbers need one, and a browser cannot import files.
  const params = new URLSearchParams(window.location.search);
  const syndicatedCopy = params.has('syndicated');
  // `?articles=N` adds N made-up rows to the library, for tests/e2e/bench-library.mjs.
  const generatedRows = Number(params.get('articles') ?? 0) || 0;
  return createFakeBackend({ firstCiteDelayMs: 900, latencyMs: 60, syndicatedCopy, generatedRows });
}
