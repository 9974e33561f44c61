// The UI's only door to the Rust side: the Backend interface and its Tauri implementation.
//
// Nothing else in the UI imports @tauri-apps/*, so tests and the browser preview can swap in
// the in-memory fake (fakeBackend.ts) behind the same interface.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { ArchiveInfo } from './bindings/ArchiveInfo';
import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { Citation } from './bindings/Citation';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { MetaPatch } from './bindings/MetaPatch';
import type { SearchResults } from './bindings/SearchResults';
import type { StyleInfo } from './bindings/StyleInfo';
import { toIpcError } from './errors';

export type Unlisten = () => void;

/** Files dragged over the window: `over` while hovering, then `drop` or `leave`. */
export type FileDrag = { type: 'over' } | { type: 'leave' } | { type: 'drop'; paths: string[] };

/** Every call rejects with an IpcError. */
export interface Backend {
  /** Shown in the UI so nobody mistakes the preview's sample data for their archive. */
  readonly isPreview: boolean;
  listArticles(): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<Article>;
  searchArchive(query: string): Promise<SearchResults>;
  listStyles(): Promise<StyleInfo[]>;
  citeArticle(id: string, style: string): Promise<Citation>;
  editArticle(id: string, patch: MetaPatch): Promise<Article>;
  importPaths(paths: string[]): Promise<ImportReport>;
  importSample(): Promise<ImportReport>;
  archiveInfo(): Promise<ArchiveInfo>;
  onImportProgress(handler: (progress: ImportProgress) => void): Promise<Unlisten>;
  onFileDrag(handler: (drag: FileDrag) => void): Promise<Unlisten>;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toIpcError(error);
  }
}

export const tauriBackend: Backend = {
  isPreview: false,
  listArticles: () => call('list_articles'),
  getArticle: (id) => call('get_article', { id }),
  searchArchive: (query) => call('search_archive', { query }),
  listStyles: () => call('list_styles'),
  citeArticle: (id, style) => call('cite_article', { id, style }),
  editArticle: (id, patch) => call('edit_article', { id, patch }),
  importPaths: (paths) => call('import_paths', { paths }),
  importSample: () => call('import_sample'),
  archiveInfo: () => call('archive_info'),
  onImportProgress: (handler) =>
    listen<ImportProgress>('import-progress', (event) => handler(event.payload)),
  onFileDrag: (handler) =>
    getCurrentWebview().onDragDropEvent((event) => {
      const drag = event.payload;
      if (drag.type === 'drop') handler({ type: 'drop', paths: drag.paths });
      else if (drag.type === 'leave') handler({ type: 'leave' });
      else handler({ type: 'over' });
    }),
};
