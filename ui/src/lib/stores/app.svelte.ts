// The application state as one object: the stores, the view on show, and the actions that
// involve several stores (the cite panel follows the reader; saving metadata refreshes the list
// and reader; a quote of a person opens in the reader).

import { getContext, setContext } from 'svelte';
import type { Backend, Unlisten } from '../../ipc/backend';
import type { ImportReport } from '../../ipc/bindings/ImportReport';
import type { SearchHit } from '../../ipc/bindings/SearchHit';
import { ArchiveStore } from './archive.svelte';
import { clipboardRich, type RichWriter } from '../clipboard';
import { CiteStore } from './cite.svelte';
import { CollectionsStore } from './collections.svelte';
import { ExportStore } from './exporter.svelte';
import { ImportStore } from './imports.svelte';
import { Notices } from './notices.svelte';
import { OriginalStore } from './original.svelte';
import { PeopleStore } from './people.svelte';
import { ReviewStore } from './review.svelte';
import { SearchStore } from './search.svelte';
import { TagStore } from './tags.svelte';
import { SearchIndexStore } from './searchIndex.svelte';
import { TrashStore } from './trash.svelte';

/** The top-level views: the library with the reader, and the people quoted across the archive. */
export type View = 'library' | 'people' | 'export';

export interface AppOptions {
  /** Pause in typing before a search runs (ms). */
  searchDebounceMs?: number;
  /** Copies rich text (text/html with text/plain): the cite panel's and the export view's Copy. */
  writeRich?: RichWriter;
  /** Pause after a change of the export choices before the preview renders (ms). */
  exportDebounceMs?: number;
}

export class AppState {
  readonly notices = new Notices();
  readonly archive: ArchiveStore;
  readonly search: SearchStore;
  readonly cite: CiteStore;
  readonly review: ReviewStore;
  readonly people: PeopleStore;
  readonly tags: TagStore;
  readonly collections: CollectionsStore;
  readonly imports: ImportStore;
  readonly exporter: ExportStore;
  readonly original: OriginalStore;
  readonly trash: TrashStore;
  readonly searchIndex: SearchIndexStore;
  /** Running without the desktop shell, on sample data. */
  readonly preview: boolean;
  view = $state<View>('library');

  readonly #backend: Backend;
  readonly #unlisten: Unlisten[] = [];
  /** Notices offering to undo a delete, until the trash view restores or purges. */
  readonly #deleteOffers: number[] = [];
  /** The notice offering to undo the last metadata save. */
  #metaOffer: number | null = null;
  #citePending = false;

  constructor(backend: Backend, options: AppOptions = {}) {
    this.preview = backend.isPreview;
    this.archive = new ArchiveStore(backend, this.notices, () => this.#citeShown());
    this.search = new SearchStore(backend, options.searchDebounceMs);
    const writeRich = options.writeRich ?? clipboardRich;
    this.cite = new CiteStore(backend, writeRich);
    this.people = new PeopleStore(backend, this.notices);
    this.review = new ReviewStore(backend, this.archive, this.notices, () => this.people.invalidate());
    this.tags = new TagStore(backend, this.archive, this.notices);
    this.collections = new CollectionsStore(backend, this.notices);
    this.imports = new ImportStore(backend, this.notices, (report) => this.#imported(report));
    this.original = new OriginalStore(backend);
    this.exporter = new ExportStore(
      backend,
      this.notices,
      { article: () => this.archive.current, quote: () => this.archive.selectedQuote },
      writeRich,
      options.exportDebounceMs,
    );
    this.trash = new TrashStore(backend, this.notices, () => this.#trashSettled());
    this.searchIndex = new SearchIndexStore(backend, this.notices);
    this.#backend = backend;
  }

  /** Subscribes to backend events and loads the library, the styles, the tags and the collections. */
  async start(): Promise<void> {
    try {
      this.#unlisten.push(
        await this.#backend.onImportProgress((p) => (this.imports.progress = p)),
        await this.#backend.onReindexProgress((p) => this.searchIndex.heard(p)),
        await this.#backend.onFileDrag((drag) => {
          this.imports.dragging = drag.type === 'over';
          if (drag.type === 'drop') void this.importPaths(drag.paths);
        }),
      );
    } catch (error) {
      this.notices.error('Could not listen for imports and dropped files', error);
    }
    await Promise.all([this.archive.refresh(), this.cite.loadStyles(), this.tags.load(), this.collections.load(), this.trash.load()]);
  }

  stop(): void {
    this.#unlisten.splice(0).forEach((unlisten) => unlisten());
  }

  async open(id: string, quoteId: string | null = null): Promise<void> {
    await this.archive.open(id, quoteId);
  }

  /**
   * The cite panel cites what the reader shows: its selected quote, else the article, afresh
   * after every edit. The changes of one step (open an article, select its quote) render once;
   * the reader does not wait for the rendering, which may take seconds.
   */
  #citeShown(): void {
    if (this.#citePending) return;
    this.#citePending = true;
    queueMicrotask(() => {
      this.#citePending = false;
      void this.cite.render(this.archive.current?.id ?? null, this.archive.selectedQuote?.id ?? null);
    });
  }

  async openCursor(): Promise<void> {
    const row = this.archive.rows[this.archive.cursor];
    if (row) await this.open(row.id);
  }

  /** Opens a quote in the reader (from the people view or a collection), scrolled into view. */
  async openQuote(articleId: string, quoteId: string | null): Promise<void> {
    this.view = 'library';
    await this.open(articleId, quoteId);
  }

  showView(view: View): void {
    this.view = view;
    if (view === 'people') void this.people.refresh();
    if (view === 'export') {
      // With nothing picked yet, starts from what the user was looking at: the selected quote,
      // else the open article.
      if (this.exporter.items.length === 0) this.exporter.pickCurrent(this.archive.selectedQuoteId !== null ? 'quote' : 'article');
      if (this.exporter.collection === null) this.exporter.collection = this.collections.list[0]?.id ?? null;
      this.exporter.schedule();
    }
  }

  async openHit(hit: SearchHit): Promise<void> {
    this.search.close();
    await this.openQuote(hit.article_id, hit.kind === 'quote' ? (hit.quote_id ?? null) : null);
  }

  /** Moves the article to the trash, with an Undo that brings it back and reopens it. */
  async deleteArticle(id: string): Promise<boolean> {
    const title = this.archive.byId.get(id)?.title ?? this.archive.current?.title ?? 'the article';
    let ids: string[];
    try {
      ids = await this.#backend.deleteArticles([id]);
    } catch (error) {
      this.notices.error('Could not delete the article', error);
      return false;
    }
    this.archive.forget(id);
    await this.#changed();
    const offer = this.notices.offer(`Moved “${title}” to the trash.`, {
      label: 'Undo',
      run: async () => {
        try {
          await this.#backend.restoreArticles(ids);
        } catch (error) {
          this.notices.error('Could not restore the article', error);
          return;
        }
        await this.#changed();
        await this.openQuote(id, null);
      },
    });
    this.#deleteOffers.push(offer);
    return true;
  }

  /** Restoring or purging in the trash view settles what the delete notices offered to undo. */
  #trashSettled(): Promise<void> {
    this.#deleteOffers.splice(0).forEach((id) => this.notices.dismiss(id));
    return this.#changed();
  }

  /** After articles come or go: the list, the tags, the trash, the people, the search. */
  async #changed(): Promise<void> {
    this.people.invalidate();
    await Promise.all([this.archive.refresh(), this.tags.load(), this.trash.load()]);
    if (this.view === 'people') await this.people.refresh();
    if (this.search.query.trim() !== '') void this.search.run();
  }

  async saveMeta(): Promise<void> {
    if (await this.archive.saveMeta()) {
      // Only the last save can be undone: an older offer would undo this one instead.
      this.#dismissMetaOffer();
      this.#metaOffer = this.notices.offer('Metadata saved.', { label: 'Undo', run: () => this.undoMeta() });
      this.#metaChanged();
    }
  }

  /** Puts back the values the last metadata save replaced (Undo, or Ctrl+Z in the editor). */
  async undoMeta(): Promise<void> {
    this.#dismissMetaOffer();
    if (await this.archive.undoMeta()) {
      this.notices.info('Metadata change undone.');
      this.#metaChanged();
    }
  }

  #dismissMetaOffer(): void {
    if (this.#metaOffer !== null) this.notices.dismiss(this.#metaOffer);
    this.#metaOffer = null;
  }

  #metaChanged(): void {
    if (this.search.query.trim() !== '') void this.search.run();
  }

  importSample(): Promise<void> {
    return this.#afterImport(this.imports.sample());
  }

  importPaths(paths: string[]): Promise<void> {
    return this.#afterImport(this.imports.paths(paths));
  }

  importFiles(files: readonly File[]): Promise<void> {
    return this.#afterImport(this.imports.files(files));
  }

  /** Everything an import can change is shown anew before the user is told it finished. */
  async #imported(report: ImportReport): Promise<void> {
    this.people.invalidate();
    await Promise.all([this.archive.afterImport(report), this.tags.load()]);
    if (this.view === 'people') await this.people.refresh();
  }

  /** A single new article is opened at once: that is what the user came to read. */
  async #afterImport(pending: Promise<ImportReport | null>): Promise<void> {
    const report = await pending;
    if (!report) return;
    const added = report.outcomes.filter((o) => o.status === 'imported' && o.article_id !== null);
    if (added.length === 1) await this.openQuote(added[0]!.article_id!, null);
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
