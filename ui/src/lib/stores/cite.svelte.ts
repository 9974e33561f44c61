// The cite panel: the styles on offer, the chosen one, and what the reader shows rendered in it —
// the open article cited whole, or its selected quote at the quote's pinpoint.

import type { Backend } from '../../ipc/backend';
import type { CitedQuote } from '../../ipc/bindings/CitedQuote';
import type { StyleInfo } from '../../ipc/bindings/StyleInfo';
import { toIpcError } from '../../ipc/errors';
import type { RichWriter } from '../clipboard';
import { richClip } from '../text/cslHtml';

export const DEFAULT_STYLE = 'chicago-notes-bibliography';

/** The renderings the panel offers to copy; the last two only for a quote. */
export type CopyTarget = 'citation' | 'bibliography' | 'quoted_in' | 'attribution';

/** The open article, or one of its quotes, cited in one style: citeproc HTML fragments, shown sanitised. */
export interface PanelCitation {
  style: string;
  /** The first note (note styles) or the in-text citation; for a quote, at the quote's pinpoint. */
  citation: string;
  bibliography: string;
  /** CSL fields the article lacks; the rendering shows them as the style does ("n.d."). */
  missing: string[];
  /** The quote cited, with its "quoted in" form and attribution sentence; null for the article whole. */
  quote: CitedQuote | null;
}

/** The rendering a copy target names, or null when this citation has none (an article has no attribution). */
export function renderingOf(citation: PanelCitation, target: CopyTarget): string | null {
  switch (target) {
    case 'citation':
    case 'bibliography':
      return citation[target];
    case 'quoted_in':
    case 'attribution':
      return citation.quote?.[target] ?? null;
  }
}

export class CiteStore {
  styles = $state.raw<StyleInfo[]>([]);
  style = $state(DEFAULT_STYLE);
  citation = $state.raw<PanelCitation | null>(null);
  /** True while the backend renders; the first citation in a style can take seconds. */
  loading = $state(false);
  error = $state<string | null>(null);
  /** What was last copied, for a moment of "Copied" feedback. */
  copied = $state<CopyTarget | null>(null);

  readonly #backend: Backend;
  readonly #write: RichWriter;
  #articleId: string | null = null;
  #quoteId: string | null = null;
  #seq = 0;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, write: RichWriter) {
    this.#backend = backend;
    this.#write = write;
  }

  async loadStyles(): Promise<void> {
    try {
      this.styles = await this.#backend.listStyles();
      if (this.styles.length > 0 && !this.styles.some((s) => s.name === this.style)) {
        this.style = this.styles[0]!.name;
      }
    } catch (error) {
      this.error = `Could not list citation styles: ${toIpcError(error).message}`;
    }
  }

  async setStyle(name: string): Promise<void> {
    this.style = name;
    await this.render(this.#articleId, this.#quoteId);
  }

  /**
   * Renders `articleId` whole, or its quote `quoteId` (the backend cites a quote at its paragraph,
   * or its page in a PDF); null clears the panel. Only the latest request is shown.
   */
  async render(articleId: string | null, quoteId: string | null = null): Promise<void> {
    this.#articleId = articleId;
    this.#quoteId = quoteId;
    const seq = ++this.#seq;
    if (articleId === null) {
      this.citation = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const cited = await this.#backend.citeSelection(
        { ids: [quoteId ?? articleId], collection: null, locators: {} },
        { style: this.style, format: 'html', locator: null },
      );
      if (seq === this.#seq) {
        const quote = cited.quotes[0] ?? null;
        this.citation = {
          style: cited.style,
          citation: quote?.citation ?? cited.works[0]?.citation ?? '',
          bibliography: cited.bibliography[0] ?? '',
          missing: cited.missing[0]?.missing ?? [],
          quote,
        };
      }
    } catch (error) {
      if (seq === this.#seq) {
        this.citation = null;
        this.error = toIpcError(error).message;
      }
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Copies the current rendering as rich and plain text; false when there is nothing to copy or the clipboard refused. */
  async copy(target: CopyTarget): Promise<boolean> {
    const html = this.citation && renderingOf(this.citation, target);
    if (!html || this.loading) return false;
    const clip = richClip([html]);
    try {
      await this.#write(clip.html, clip.text);
    } catch (error) {
      this.error = `Could not copy to the clipboard: ${toIpcError(error).message}`;
      return false;
    }
    this.copied = target;
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = null), 1600);
    return true;
  }
}
