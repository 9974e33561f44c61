// The export view: what to cite or export (picked articles and quotes, each at its pinpoint; a
// collection; the archive), the style and format, a debounced live preview, copy as rich text,
// and save.

import type { Backend } from '../../ipc/backend';
import type { Article } from '../../ipc/bindings/Article';
import type { Citations } from '../../ipc/bindings/Citations';
import type { CiteFormat } from '../../ipc/bindings/CiteFormat';
import type { Export } from '../../ipc/bindings/Export';
import type { ExportFormat } from '../../ipc/bindings/ExportFormat';
import type { MissingFields } from '../../ipc/bindings/MissingFields';
import type { Selection } from '../../ipc/bindings/Selection';
import type { StoredQuote } from '../../ipc/bindings/StoredQuote';
import { toIpcError } from '../../ipc/errors';
import type { RichWriter } from '../clipboard';
import { richClip, textToHtml, type Clip } from '../text/cslHtml';
import type { Notices } from './notices.svelte';

export type Scope = 'items' | 'collection' | 'archive';

/** A citation format (rendered by the style) or a file format. */
export type OutputFormat = { kind: 'cite'; format: CiteFormat } | { kind: 'file'; format: ExportFormat };

export const OUTPUTS: { value: string; label: string; output: OutputFormat }[] = [
  { value: 'cite:text', label: 'Citations — plain text', output: { kind: 'cite', format: 'text' } },
  { value: 'cite:html', label: 'Citations — rich text (HTML)', output: { kind: 'cite', format: 'html' } },
  { value: 'cite:rtf', label: 'Citations — RTF', output: { kind: 'cite', format: 'rtf' } },
  { value: 'cite:markdown', label: 'Citations — Markdown', output: { kind: 'cite', format: 'markdown' } },
  { value: 'file:bibtex', label: 'BibTeX (.bib)', output: { kind: 'file', format: 'bibtex' } },
  { value: 'file:biblatex', label: 'BibLaTeX (.bib)', output: { kind: 'file', format: 'biblatex' } },
  { value: 'file:ris', label: 'RIS (.ris)', output: { kind: 'file', format: 'ris' } },
  { value: 'file:csl-json', label: 'CSL-JSON (.json)', output: { kind: 'file', format: 'csl-json' } },
  { value: 'file:markdown', label: 'Markdown quotes with citekeys (.md)', output: { kind: 'file', format: 'markdown' } },
  { value: 'file:markdown-notes', label: 'Markdown quotes with notes (.md)', output: { kind: 'file', format: 'markdown-notes' } },
  { value: 'file:html', label: 'Web page of the citations (.html)', output: { kind: 'file', format: 'html' } },
];

/** The CSL locator labels a pinpoint takes here: what news articles and PDFs are cited by. */
export const LOCATOR_LABELS = [
  { value: 'paragraph', label: '¶' },
  { value: 'page', label: 'p.' },
] as const;
export type LocatorLabel = (typeof LOCATOR_LABELS)[number]['value'];

/** An article (cited whole) or a quote picked for export, with its pinpoint. */
export interface ExportItem {
  /** The article's or the quote's id: what the selection names. */
  id: string;
  kind: 'article' | 'quote';
  articleTitle: string;
  /** The quote's words and speaker; null for an article. */
  words: string | null;
  speaker: string | null;
  locatorLabel: LocatorLabel;
  /** Empty: no pinpoint (an article cited whole). */
  locatorValue: string;
}

/** Where a quote stands, as the reader shows it: the page of a paged original, else the paragraph. */
function quotePinpoint(article: Article, quote: StoredQuote): { label: LocatorLabel; value: string } {
  const page = article.pages[quote.paragraph];
  return page === undefined ? { label: 'paragraph', value: String(quote.paragraph + 1) } : { label: 'page', value: String(page) };
}

export interface ExportContext {
  article: () => Article | null;
  quote: () => StoredQuote | null;
}

export class ExportStore {
  scope = $state<Scope>('items');
  /** The picked articles and quotes, in the order they are cited. */
  items = $state<ExportItem[]>([]);
  collection = $state<string | null>(null);
  style = $state('chicago-notes-bibliography');
  outputValue = $state('cite:text');
  citations = $state.raw<Citations | null>(null);
  exported = $state.raw<Export | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  copied = $state(false);
  /** The last saved file's path. */
  savedPath = $state<string | null>(null);

  output = $derived(OUTPUTS.find((o) => o.value === this.outputValue)?.output ?? OUTPUTS[0]!.output);
  missing = $derived<MissingFields[]>(this.citations?.missing ?? this.exported?.missing ?? []);

  readonly #backend: Backend;
  readonly #notices: Notices;
  readonly #context: ExportContext;
  readonly #write: RichWriter;
  readonly #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, notices: Notices, context: ExportContext, write: RichWriter, debounceMs = 120) {
    this.#backend = backend;
    this.#notices = notices;
    this.#context = context;
    this.#write = write;
    this.#debounceMs = debounceMs;
  }

  /** The selection the choices name, or null with nothing to select (nothing picked yet). */
  selection(): Selection | null {
    switch (this.scope) {
      case 'items': {
        if (this.items.length === 0) return null;
        const locators: Record<string, string> = {};
        for (const item of this.items) {
          const value = item.locatorValue.trim();
          if (value !== '') locators[item.id] = `${item.locatorLabel}:${value}`;
        }
        return { ids: this.items.map((i) => i.id), collection: null, locators };
      }
      case 'collection':
        return this.collection === null ? null : { ids: [], collection: this.collection, locators: {} };
      case 'archive':
        return { ids: [], collection: null, locators: {} };
    }
  }

  /** Why there is nothing to preview, for the empty state. */
  get emptyReason(): string {
    return this.scope === 'collection'
      ? 'Choose a collection.'
      : 'Nothing picked yet: add the open article or a quote here, or use “Add to export” in the reader and the search results.';
  }

  has(id: string): boolean {
    return this.items.some((i) => i.id === id);
  }

  /** Picks an article (cited whole) or one of its quotes, at the quote's own pinpoint; once each. */
  pick(article: Article, quote: StoredQuote | null = null): void {
    const id = quote?.id ?? article.id;
    if (!this.has(id)) {
      const at = quote ? quotePinpoint(article, quote) : { label: 'paragraph' as const, value: '' };
      this.items.push({
        id,
        kind: quote ? 'quote' : 'article',
        articleTitle: article.title,
        words: quote?.text ?? null,
        speaker: quote?.speaker ?? null,
        locatorLabel: at.label,
        locatorValue: at.value,
      });
    }
    this.set({ scope: 'items' });
  }

  /** Picks an article or quote known by id (a search hit, a library row); false if it is gone. */
  async pickById(articleId: string, quoteId: string | null = null): Promise<boolean> {
    try {
      const article = this.#context.article()?.id === articleId ? this.#context.article()! : await this.#backend.getArticle(articleId);
      const quote = quoteId === null ? null : (article.quotes.find((q) => q.id === quoteId) ?? null);
      if (quoteId !== null && quote === null) return false;
      this.pick(article, quote);
      return true;
    } catch (error) {
      this.#notices.error('Could not add it to the export', error);
      return false;
    }
  }

  /** Picks library rows (one, or a Ctrl/Shift-click selection) cited whole, in the order given; says how many were added. */
  async pickArticles(ids: readonly string[]): Promise<number> {
    let added = 0;
    for (const id of ids) if (!this.has(id) && (await this.pickById(id))) added++;
    if (added > 0) this.#notices.info(`Added ${added === 1 ? 'an article' : `${added} articles`} to the export.`);
    return added;
  }

  /** Picks what the reader shows: the open article, or its selected quote. */
  pickCurrent(what: 'article' | 'quote'): void {
    const article = this.#context.article();
    const quote = what === 'quote' ? this.#context.quote() : null;
    if (article && (what === 'article' || quote)) this.pick(article, quote);
  }

  remove(id: string): void {
    this.items = this.items.filter((i) => i.id !== id);
    this.schedule();
  }

  /** Moves an item up (-1) or down (+1) the list; citations follow the list's order. */
  move(id: string, by: -1 | 1): void {
    const from = this.items.findIndex((i) => i.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= this.items.length) return;
    const items = [...this.items];
    [items[from], items[to]] = [items[to]!, items[from]!];
    this.items = items;
    this.schedule();
  }

  setLocator(id: string, label: LocatorLabel, value: string): void {
    const item = this.items.find((i) => i.id === id);
    if (!item) return;
    item.locatorLabel = label;
    item.locatorValue = value;
    this.schedule();
  }

  clear(): void {
    this.items = [];
    this.schedule();
  }

  set(changes: Partial<Pick<ExportStore, 'scope' | 'collection' | 'style' | 'outputValue'>>): void {
    Object.assign(this, changes);
    this.schedule();
  }

  /** Re-renders after a pause, so a run of changes (typing a pinpoint) renders once. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.loading = this.selection() !== null;
    this.#timer = setTimeout(() => void this.refresh(), this.#debounceMs);
  }

  /** Renders the preview now; an answer to older choices that arrives late is dropped. */
  async refresh(): Promise<void> {
    clearTimeout(this.#timer);
    const seq = ++this.#seq;
    const selection = this.selection();
    if (selection === null) {
      this.citations = null;
      this.exported = null;
      this.loading = false;
      this.error = null;
      return;
    }
    const output = this.output;
    this.loading = true;
    this.error = null;
    try {
      if (output.kind === 'cite') {
        const citations = await this.#backend.citeSelection(selection, { style: this.style, format: output.format, locator: null });
        if (seq !== this.#seq) return;
        this.citations = citations;
        this.exported = null;
      } else {
        const exported = await this.#backend.exportSelection(selection, output.format, this.style);
        if (seq !== this.#seq) return;
        this.exported = exported;
        this.citations = null;
      }
    } catch (error) {
      if (seq !== this.#seq) return;
      this.citations = null;
      this.exported = null;
      this.error = toIpcError(error).message;
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** What Copy puts on the clipboard: the notes or citations, the quotes, the bibliography. */
  clip(): Clip | null {
    if (this.exported) return { text: this.exported.content, html: `<pre>${textToHtml(this.exported.content)}</pre>` };
    const c = this.citations;
    if (!c) return null;
    if (c.format === 'rtf' && c.document) return { text: c.document, html: textToHtml(c.document) };
    const entries = [...c.works.map((w) => w.citation), ...c.quotes.map((q) => q.quoted_in), ...c.bibliography];
    if (entries.length === 0) return null;
    if (c.format === 'html') return richClip(entries);
    return { html: entries.map((e) => `<p>${textToHtml(e)}</p>`).join(''), text: entries.join('\n\n') };
  }

  /** Copies the preview; pressed while it renders (just after typing a pinpoint), copies the new one. */
  async copy(): Promise<boolean> {
    if (this.loading) await this.refresh();
    const clip = this.clip();
    if (!clip) return false;
    try {
      await this.#write(clip.html, clip.text);
    } catch (error) {
      this.#notices.error('Could not copy to the clipboard', error);
      return false;
    }
    this.copied = true;
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = false), 1600);
    return true;
  }

  /** A file name from the selection: the first picked article's title, the collection, or "archive". */
  fileName(collectionName: string | null): string {
    if (this.scope === 'collection') return collectionName ?? 'collection';
    if (this.scope === 'archive') return 'archive';
    const title = this.items[0]?.articleTitle ?? 'export';
    return title.split(/\s+/).slice(0, 6).join('-').toLowerCase();
  }

  /** The file Save writes: the file format chosen; citations as a web page (rich text) or Markdown. */
  saveFormat(): ExportFormat {
    if (this.output.kind === 'file') return this.output.format;
    return this.output.format === 'html' ? 'html' : 'markdown-notes';
  }

  /** Writes the export to the exports folder. */
  async save(collectionName: string | null): Promise<string | null> {
    const selection = this.selection();
    if (selection === null) return null;
    const format = this.saveFormat();
    try {
      const path = await this.#backend.saveExport(selection, format, this.style, this.fileName(collectionName));
      this.savedPath = path;
      this.#notices.info(`Saved to ${path}`);
      return path;
    } catch (error) {
      this.#notices.error('Could not save the export', error);
      return null;
    }
  }
}
