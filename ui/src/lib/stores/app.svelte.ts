// The application state as one object: the stores, and the actions that involve several of them
// (opening an article also cites it; saving metadata refreshes the list, reader and citation).

import { getContext, setContext } from 'svelte';
import type { Backend, Unlisten } from '../../ipc/backend';
import type { SearchHit } from '../../ipc/bindings/SearchHit';
import { ArchiveStore } from './archive.svelte';
import { CiteStore } from './cite.svelte';
import { Notices } from './notices.svelte';
import { SearchStore } from './search.svelte';

export interface AppOptions {
  /** Pause in typing before a search runs (ms). */
  searchDebounceMs?: number;
  writeText?: (text: string) => Promise<void>;
}

export class AppState {
  readonly notices = new Notices();
  readonly archive: ArchiveStore;
  readonly search: SearchStore;
  readonly cite: CiteStore;
  /** Running without the desktop shell, on sample data. */
  readonly preview: boolean;

  readonly #backend: Backend;
  readonly #unlisten: Unlisten[] = [];

  constructor(backend: Backend, options: AppOptions = {}) {
    this.preview = backend.isPreview;
    this.archive = new ArchiveStore(backend, this.notices);
    this.search = new SearchStore(backend, options.searchDebounceMs);
    this.cite = new CiteStore(backend, options.writeText ?? ((text) => navigator.clipboard.writeText(text)));
    this.#backend = backend;
  }

  /** Subscribes to backend events and loads the library and the style list. */
  async start(): Promise<void> {
    try {
      this.#unlisten.push(
        await this.#backend.onImportProgress((p) => (this.archive.progress = p)),
        await this.#backend.onFileDrag((drag) => {
          this.archive.dragging = drag.type === 'over';
          if (drag.type === 'drop') void this.importPaths(drag.paths);
        }),
      );
    } catch (error) {
      this.notices.error('Could not listen for imports and dropped files', error);
    }
    await Promise.all([this.archive.refresh(), this.cite.loadStyles()]);
  }

  stop(): void {
    this.#unlisten.splice(0).forEach((unlisten) => unlisten());
  }

  async open(id: string, quoteId: string | null = null): Promise<void> {
    const shown = await this.archive.open(id, quoteId);
    // The citation may take seconds to render: the reader does not wait for it.
    if (shown) void this.cite.render(id);
  }

  async openCursor(): Promise<void> {
    const row = this.archive.articles[this.archive.cursor];
    if (row) await this.open(row.id);
  }

  async openHit(hit: SearchHit): Promise<void> {
    this.search.close();
    await this.open(hit.article_id, hit.kind === 'quote' ? (hit.quote_id ?? null) : null);
  }

  async saveMeta(): Promise<void> {
    if (await this.archive.saveMeta()) {
      this.notices.info('Metadata saved.');
      void this.cite.render(this.archive.current?.id ?? null);
      if (this.search.query.trim() !== '') void this.search.run();
    }
  }

  importSample(): Promise<void> {
    return this.#afterImport(this.archive.importSample());
  }

  importPaths(paths: string[]): Promise<void> {
    return this.#afterImport(this.archive.importPaths(paths));
  }

  /** A single new article is opened at once: that is what the user came to read. */
  async #afterImport(pending: ReturnType<ArchiveStore['importSample']>): Promise<void> {
    const report = await pending;
    if (!report) return;
    const added = report.outcomes.filter((o) => o.status === 'imported' && o.article_id !== null);
    if (added.length === 1) await this.open(added[0]!.article_id!);
    if (this.search.query.trim() !== '') void this.search.run();
  }
}

const KEY = Symbol('sourcebook-app');

export function provideApp(app: AppState): void {
  setContext(KEY, app);
}

export function useApp(): AppState {
  return getContext<AppState>(KEY);
}
