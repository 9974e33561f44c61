// The library and the open article: the list as filtered and sorted, the cursor in it, the
// reader's article and quote selection, and the metadata draft.

import type { Backend } from '../../ipc/backend';
import type { ArchiveInfo } from '../../ipc/bindings/ArchiveInfo';
import type { Article } from '../../ipc/bindings/Article';
import type { ArticleSummary } from '../../ipc/bindings/ArticleSummary';
import type { ImportReport } from '../../ipc/bindings/ImportReport';
import type { MetaPatch } from '../../ipc/bindings/MetaPatch';
import type { StoredQuote } from '../../ipc/bindings/StoredQuote';
import { toIpcError } from '../../ipc/errors';
import { filterArticles, type SortKey, sortArticles } from '../library';
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
  #current = $state.raw<Article | null>(null);
  form = $state.raw<MetaForm | null>(null);

  loaded = $state(false);
  /** Articles picked with Ctrl/Shift-click, to tag together. */
  selected = $state.raw<ReadonlySet<string>>(new Set());
  /** Index of the highlighted row in `rows` (keyboard cursor). */
  cursor = $state(0);
  opening = $state(false);
  sort = $state<SortKey>('imported');
  /** Words every listed article must hold (title, publication or tag). */
  filterText = $state('');
  /** Only articles carrying this tag are listed; null for all. */
  filterTag = $state<string | null>(null);
  #selectedQuoteId = $state<string | null>(null);
  scrollRequest = $state.raw<ScrollRequest | null>(null);
  /** The edit that puts back what the last metadata save changed. */
  metaUndo = $state.raw<{ articleId: string; patch: MetaPatch } | null>(null);

  /** Library rows by id (collections list their articles by id). */
  byId = $derived(new Map(this.articles.map((a) => [a.id, a])));
  #sorted = $derived(sortArticles(this.articles, this.sort));
  /** The library list as shown: sorted, then filtered. */
  rows = $derived(filterArticles(this.#sorted, this.filterText, this.filterTag));
  selectedQuote = $derived(this.current?.quotes.find((q) => q.id === this.selectedQuoteId) ?? null);
  /** The open article's speakers with their colour slots. */
  legend = $derived(speakerLegend(this.current?.quotes ?? []));
  #slots = $derived.by(() => {
    const bySpeaker = new Map(this.legend.map((e) => [e.speaker, e.slot]));
    return new Map(this.current?.quotes.map((q) => [q.id, bySpeaker.get(q.speaker) ?? 0]) ?? []);
  });

  readonly #backend: Backend;
  readonly #notices: Notices;
  readonly #onshown: () => void;
  #openSeq = 0;
  #scrollSeq = 0;

  /** `onshown` hears of every change of the article on show (a new one, or edited) or of its selected quote. */
  constructor(backend: Backend, notices: Notices, onshown: () => void = () => {}) {
    this.#backend = backend;
    this.#notices = notices;
    this.#onshown = onshown;
  }

  /** The article in the reader; replaced whole by every edit. */
  get current(): Article | null {
    return this.#current;
  }

  set current(article: Article | null) {
    this.#current = article;
    this.#onshown();
  }

  /** The quote clicked in the reader. */
  get selectedQuoteId(): string | null {
    return this.#selectedQuoteId;
  }

  set selectedQuoteId(id: string | null) {
    this.#selectedQuoteId = id;
    this.#onshown();
  }

  async refresh(): Promise<void> {
    try {
      const [articles, info] = await Promise.all([this.#backend.listArticles(), this.#backend.archiveInfo()]);
      this.articles = articles;
      this.info = info;
      if (this.selected.size > 0) this.selected = new Set([...this.selected].filter((id) => this.byId.has(id)));
      this.cursor = Math.min(this.cursor, Math.max(0, this.rows.length - 1));
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
      const row = this.rows.findIndex((a) => a.id === id);
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

  /** Closes the reader if it shows `id` (an article just deleted). */
  forget(id: string): void {
    if (this.current?.id !== id) return;
    this.#openSeq++;
    this.current = null;
    this.form = null;
    this.selectedQuoteId = null;
    this.scrollRequest = null;
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
    if (this.rows.length === 0) return;
    this.cursor = Math.max(0, Math.min(this.rows.length - 1, this.cursor + delta));
  }

  /** Adds a row to the selection, or takes it out (Ctrl-click). */
  toggleSelected(id: string): void {
    const selected = new Set(this.selected);
    if (!selected.delete(id)) selected.add(id);
    this.selected = selected;
  }

  /** Selects the rows from the cursor to `index` (Shift-click), adding to the selection. */
  selectTo(index: number): void {
    const [a, b] = [Math.min(this.cursor, index), Math.max(this.cursor, index)];
    this.selected = new Set([...this.selected, ...this.rows.slice(a, b + 1).map((r) => r.id)]);
  }

  clearSelection(): void {
    if (this.selected.size > 0) this.selected = new Set();
  }

  /** Narrows or reorders the list; the cursor goes back to the top, where the eye goes. */
  setView(view: { sort?: SortKey; filterText?: string; filterTag?: string | null }): void {
    if (view.sort !== undefined) this.sort = view.sort;
    if (view.filterText !== undefined) this.filterText = view.filterText;
    if (view.filterTag !== undefined) this.filterTag = view.filterTag;
    this.cursor = 0;
  }

  /**
   * Shows a quote the backend stored (added, corrected, restored) in the open article, in reading
   * order, and counts it in the library row. Local: reloading the article would drop the draft.
   */
  putQuote(articleId: string, quote: StoredQuote): void {
    const article = this.current;
    if (article?.id !== articleId) return;
    const others = article.quotes.filter((q) => q.id !== quote.id);
    const quotes = [...others, quote].sort((a, b) => a.start - b.start || b.end - a.end);
    this.current = { ...article, quotes };
    this.#patchRow(articleId, { quote_count: quotes.length });
  }

  /** Takes a deleted quote out of the open article and its library row. */
  dropQuote(articleId: string, quoteId: string): void {
    if (this.selectedQuoteId === quoteId) this.selectedQuoteId = null;
    const article = this.current;
    if (article?.id !== articleId) return;
    const quotes = article.quotes.filter((q) => q.id !== quoteId);
    this.current = { ...article, quotes };
    this.#patchRow(articleId, { quote_count: quotes.length });
  }

  /** Shows an article's new tags in the reader and the list. */
  setTags(articleId: string, tags: string[]): void {
    if (this.current?.id === articleId) this.current = { ...this.current, tags };
    this.#patchRow(articleId, { tags });
  }

  /** A cheap change to one row: reloading the list would cost as much as the archive is large. */
  #patchRow(id: string, change: Partial<ArticleSummary>): void {
    const at = this.articles.findIndex((a) => a.id === id);
    if (at < 0) return;
    const articles = [...this.articles];
    articles[at] = { ...articles[at]!, ...change };
    this.articles = articles;
  }

  /** Saves the metadata draft; on success the reader, the draft and the list show the new data. */
  async saveMeta(): Promise<boolean> {
    const form = this.form;
    if (!form || !form.dirty || form.saving) return false;
    form.saving = true;
    form.error = null;
    const undo = { articleId: form.articleId, patch: form.undoPatch() };
    try {
      const article = await this.#backend.editArticle(form.articleId, form.patch());
      this.metaUndo = undo;
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

  /**
   * Undoes the last metadata save through the same edit call: the fields get their previous
   * values back (their origin now reads "user": the user chose them). A draft being typed in
   * the editor is kept.
   */
  async undoMeta(): Promise<boolean> {
    const undo = this.metaUndo;
    if (!undo) return false;
    try {
      const article = await this.#backend.editArticle(undo.articleId, undo.patch);
      this.metaUndo = null;
      if (this.current?.id === article.id && !this.form?.dirty) this.#show(article);
      await this.refresh();
      return true;
    } catch (error) {
      this.#notices.error('Could not undo the metadata change', error);
      return false;
    }
  }

  /**
   * Lists what an import added. A record that filled in the open article's metadata must show in
   * the reader and the editor at once; a draft the user is typing is left alone, since saving it
   * sends only what they changed.
   */
  async afterImport(report: ImportReport): Promise<void> {
    await this.refresh();
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
