// The library and the open article: the list, the cursor in it, the reader's article and quote
// selection, the metadata draft, and imports with their progress.

import type { Backend } from '../../ipc/backend';
import type { ArchiveInfo } from '../../ipc/bindings/ArchiveInfo';
import type { Article } from '../../ipc/bindings/Article';
import type { ArticleSummary } from '../../ipc/bindings/ArticleSummary';
import type { ImportProgress } from '../../ipc/bindings/ImportProgress';
import type { ImportReport } from '../../ipc/bindings/ImportReport';
import { toIpcError } from '../../ipc/errors';
import { speakerLegend } from '../speakers';
import { MetaForm } from './metaForm.svelte';
import type { Notices } from './notices.svelte';

/** A request for the reader to bring a quote into view; `seq` makes a repeat request distinct. */
export interface ScrollRequest {
  quoteId: string;
  seq: number;
}

export class ArchiveStore {
  // Raw state: these are replaced whole, never mutated, and may be large.
  articles = $state.raw<ArticleSummary[]>([]);
  info = $state.raw<ArchiveInfo | null>(null);
  current = $state.raw<Article | null>(null);
  form = $state.raw<MetaForm | null>(null);
  progress = $state.raw<ImportProgress | null>(null);

  loaded = $state(false);
  /** Index of the highlighted row in the library list (keyboard cursor). */
  cursor = $state(0);
  opening = $state(false);
  importing = $state(false);
  /** Files are being dragged over the window. */
  dragging = $state(false);
  selectedQuoteId = $state<string | null>(null);
  scrollRequest = $state.raw<ScrollRequest | null>(null);

  selectedQuote = $derived(this.current?.quotes.find((q) => q.id === this.selectedQuoteId) ?? null);
  /** The open article's speakers with their colour slots. */
  legend = $derived(speakerLegend(this.current?.quotes ?? []));
  #slots = $derived.by(() => {
    const bySpeaker = new Map(this.legend.map((e) => [e.speaker, e.slot]));
    return new Map(this.current?.quotes.map((q) => [q.id, bySpeaker.get(q.speaker) ?? 0]) ?? []);
  });

  readonly #backend: Backend;
  readonly #notices: Notices;
  #openSeq = 0;
  #scrollSeq = 0;

  constructor(backend: Backend, notices: Notices) {
    this.#backend = backend;
    this.#notices = notices;
  }

  async refresh(): Promise<void> {
    try {
      const [articles, info] = await Promise.all([this.#backend.listArticles(), this.#backend.archiveInfo()]);
      this.articles = articles;
      this.info = info;
      this.cursor = Math.min(this.cursor, Math.max(0, articles.length - 1));
    } catch (error) {
      this.#notices.error('Could not load the library', error);
    } finally {
      this.loaded = true;
    }
  }

  /** Opens an article in the reader; with `quoteId`, selects that quote and scrolls to it. */
  async open(id: string, quoteId: string | null = null): Promise<boolean> {
    const seq = ++this.#openSeq;
    this.opening = true;
    try {
      // Re-opening the article on screen (e.g. from a quote hit) keeps the user's unsaved draft.
      if (this.current?.id !== id) {
        const article = await this.#backend.getArticle(id);
        // A later open() won the race: its article is the one to show.
        if (seq !== this.#openSeq) return false;
        this.#show(article);
      }
      const row = this.articles.findIndex((a) => a.id === id);
      if (row >= 0) this.cursor = row;
      if (quoteId) this.reveal(quoteId);
      else {
        this.selectedQuoteId = null;
        this.scrollRequest = null;
      }
      return true;
    } catch (error) {
      if (seq === this.#openSeq) this.#notices.error('Could not open the article', error);
      return false;
    } finally {
      if (seq === this.#openSeq) this.opening = false;
    }
  }

  /** The colour slot of a quote of the open article: its speaker's. */
  slotOf(quoteId: string): number {
    return this.#slots.get(quoteId) ?? 0;
  }

  selectQuote(id: string | null): void {
    this.selectedQuoteId = id;
  }

  /** Selects a quote and asks the reader to scroll it into view. */
  reveal(quoteId: string): void {
    this.selectedQuoteId = quoteId;
    this.scrollRequest = { quoteId, seq: ++this.#scrollSeq };
  }

  moveCursor(delta: number): void {
    if (this.articles.length === 0) return;
    this.cursor = Math.max(0, Math.min(this.articles.length - 1, this.cursor + delta));
  }

  /** Saves the metadata draft; on success the reader, the draft and the list show the new data. */
  async saveMeta(): Promise<boolean> {
    const form = this.form;
    if (!form || !form.dirty || form.saving) return false;
    form.saving = true;
    form.error = null;
    try {
      const article = await this.#backend.editArticle(form.articleId, form.patch());
      if (this.current?.id === article.id) this.#show(article);
      await this.refresh();
      return true;
    } catch (error) {
      form.error = toIpcError(error).message;
      return false;
    } finally {
      form.saving = false;
    }
  }

  importSample(): Promise<ImportReport | null> {
    return this.#import(() => this.#backend.importSample());
  }

  importPaths(paths: string[]): Promise<ImportReport | null> {
    if (paths.length === 0) return Promise.resolve(null);
    return this.#import(() => this.#backend.importPaths(paths));
  }

  async #import(run: () => Promise<ImportReport>): Promise<ImportReport | null> {
    this.importing = true;
    this.progress = null;
    try {
      const report = await run();
      await this.refresh();
      await this.#reloadIfEnriched(report);
      this.#announce(report);
      return report;
    } catch (error) {
      this.#notices.error('Import failed', error);
      return null;
    } finally {
      this.importing = false;
      this.progress = null;
    }
  }

  #announce(report: ImportReport): void {
    const failures = report.outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => `${o.path}: ${o.error ?? 'unknown error'}`);
    const parts = [`${report.imported} imported`];
    if (report.enriched > 0) parts.push(`${report.enriched} enriched (metadata filled in)`);
    if (report.duplicates > 0) parts.push(`${report.duplicates} ${report.duplicates === 1 ? 'duplicate' : 'duplicates'}`);
    if (report.failed > 0) parts.push(`${report.failed} failed`);
    const summary = `Import finished: ${parts.join(', ')}.`;
    if (failures.length > 0) this.#notices.warn(summary, failures);
    else this.#notices.info(summary);
  }

  /**
   * A record that filled in the open article's metadata must show in the reader and the editor at
   * once; a draft the user is typing is left alone, since saving it sends only what they changed.
   */
  async #reloadIfEnriched(report: ImportReport): Promise<void> {
    const id = this.current?.id;
    if (id === undefined || this.form?.dirty) return;
    if (!report.outcomes.some((o) => o.status === 'enriched' && o.article_id === id)) return;
    try {
      const article = await this.#backend.getArticle(id);
      if (this.current?.id === id) this.#show(article);
    } catch (error) {
      this.#notices.error('Could not reload the enriched article', error);
    }
  }

  #show(article: Article): void {
    this.current = article;
    this.form = new MetaForm(article);
  }
}
