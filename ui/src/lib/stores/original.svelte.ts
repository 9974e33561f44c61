// The reader's "Original" view: the file the open article was imported from, fetched when asked
// for (an original can be megabytes), the latest request winning.

import type { Backend } from '../../ipc/backend';
import type { Original } from '../../ipc/bindings/Original';
import { toIpcError } from '../../ipc/errors';

export class OriginalStore {
  /** The original on show, or null before it is asked for. */
  current = $state.raw<Original | null>(null);
  loading = $state(false);
  /** Why the last original could not be read. */
  error = $state<string | null>(null);

  readonly #backend: Backend;
  #seq = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Reads the original of an article, unless it is already on show. */
  async load(articleId: string): Promise<void> {
    if (this.current?.article_id === articleId) return;
    const seq = ++this.#seq;
    this.loading = true;
    this.error = null;
    try {
      const original = await this.#backend.getOriginal(articleId);
      if (seq === this.#seq) this.current = original;
    } catch (error) {
      if (seq === this.#seq) this.error = toIpcError(error).message;
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Another article is open: what was shown belongs to the last one. */
  clear(): void {
    this.#seq++;
    this.current = null;
    this.loading = false;
    this.error = null;
  }
}
