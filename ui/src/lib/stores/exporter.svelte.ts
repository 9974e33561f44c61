// The export view: what to cite or export (the open article, its selected quote, a collection,
// the archive), the style and format, a debounced live preview, copy as rich text, and save.

import type { Backend } from '../../ipc/backend';
import type { Citations } from '../../ipc/bindings/Citations';
import type { CiteFormat } from '../../ipc/bindings/CiteFormat';
import type { Export } from '../../ipc/bindings/Export';
import type { ExportFormat } from '../../ipc/bindings/ExportFormat';
import type { MissingFields } from '../../ipc/bindings/MissingFields';
import type { Selection } from '../../ipc/bindings/Selection';
import { toIpcError } from '../../ipc/errors';
import { plainText, sanitizeCslHtml, textToHtml, toHtml } from '../text/cslHtml';
import type { Notices } from './notices.svelte';

export type Scope = 'article' | 'quote' | 'collection' | 'archive';

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
];

/** Puts rich text on the clipboard: text/html with a text/plain alternative. */
export type RichWriter = (html: string, text: string) => Promise<void>;

export const clipboardRich: RichWriter = async (html, text) => {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return;
    } catch {
      // Some webviews refuse rich items; plain text still helps.
    }
  }
  await navigator.clipboard.writeText(text);
};

export interface ExportContext {
  articleId: () => string | null;
  articleTitle: () => string | null;
  quoteId: () => string | null;
}

/** What copying takes: the text and its HTML. */
export interface Clip {
  html: string;
  text: string;
}

export class ExportStore {
  scope = $state<Scope>('article');
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

  /** The selection the choices name, or null with nothing to select (no article open). */
  selection(): Selection | null {
    switch (this.scope) {
      case 'article': {
        const id = this.#context.articleId();
        return id === null ? null : { ids: [id], collection: null };
      }
      case 'quote': {
        const id = this.#context.quoteId();
        return id === null ? null : { ids: [id], collection: null };
      }
      case 'collection':
        return this.collection === null ? null : { ids: [], collection: this.collection };
      case 'archive':
        return { ids: [], collection: null };
    }
  }

  /** Why there is nothing to preview, for the empty state. */
  get emptyReason(): string {
    switch (this.scope) {
      case 'article':
        return 'Open an article in the library to cite it here.';
      case 'quote':
        return 'Select a quote in the reader to cite it here.';
      case 'collection':
        return 'Choose a collection.';
      default:
        return '';
    }
  }

  set(changes: Partial<Pick<ExportStore, 'scope' | 'collection' | 'style' | 'outputValue'>>): void {
    Object.assign(this, changes);
    this.schedule();
  }

  /** Re-renders after a pause, so a run of changes renders once. */
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
    if (c.format === 'html') {
      const trees = entries.map(sanitizeCslHtml);
      return { html: trees.map((t) => `<p>${toHtml(t)}</p>`).join(''), text: trees.map(plainText).join('\n\n') };
    }
    return { html: entries.map((e) => `<p>${textToHtml(e)}</p>`).join(''), text: entries.join('\n\n') };
  }

  async copy(): Promise<boolean> {
    const clip = this.loading ? null : this.clip();
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

  /** A file name from the selection: the article's title, the collection, or "archive". */
  fileName(collectionName: string | null): string {
    if (this.scope === 'collection') return collectionName ?? 'collection';
    if (this.scope === 'archive') return 'archive';
    const title = this.#context.articleTitle() ?? 'article';
    return title.split(/\s+/).slice(0, 6).join('-').toLowerCase();
  }

  /** Writes the export (a file format; citations save as Markdown) to the exports folder. */
  async save(collectionName: string | null): Promise<string | null> {
    const selection = this.selection();
    if (selection === null) return null;
    const format: ExportFormat = this.output.kind === 'file' ? this.output.format : 'markdown-notes';
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
