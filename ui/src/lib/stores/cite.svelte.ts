// The cite panel: the styles on offer, the chosen one, and the open article rendered in it.

import type { Backend } from '../../ipc/backend';
import type { Citation } from '../../ipc/bindings/Citation';
import type { StyleInfo } from '../../ipc/bindings/StyleInfo';
import { toIpcError } from '../../ipc/errors';

export const DEFAULT_STYLE = 'chicago-notes-bibliography';

export type CopyTarget = 'citation' | 'bibliography';

export class CiteStore {
  styles = $state.raw<StyleInfo[]>([]);
  style = $state(DEFAULT_STYLE);
  citation = $state.raw<Citation | null>(null);
  /** True while the backend renders; the first citation in a style can take seconds. */
  loading = $state(false);
  error = $state<string | null>(null);
  /** What was last copied, for a moment of "Copied" feedback. */
  copied = $state<CopyTarget | null>(null);

  readonly #backend: Backend;
  readonly #writeText: (text: string) => Promise<void>;
  #articleId: string | null = null;
  #seq = 0;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, writeText: (text: string) => Promise<void>) {
    this.#backend = backend;
    this.#writeText = writeText;
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
    await this.render(this.#articleId);
  }

  /** Renders `articleId` (or clears the panel for null); only the latest request is shown. */
  async render(articleId: string | null): Promise<void> {
    this.#articleId = articleId;
    const seq = ++this.#seq;
    if (articleId === null) {
      this.citation = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const citation = await this.#backend.citeArticle(articleId, this.style);
      if (seq === this.#seq) this.citation = citation;
    } catch (error) {
      if (seq === this.#seq) {
        this.citation = null;
        this.error = toIpcError(error).message;
      }
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Copies the current rendering; false when there is nothing to copy or the clipboard refused. */
  async copy(target: CopyTarget): Promise<boolean> {
    const text = this.citation?.[target];
    if (!text || this.loading) return false;
    try {
      await this.#writeText(text);
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
