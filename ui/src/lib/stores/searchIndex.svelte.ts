// Rebuilding the search index from the archive: long work the backend does off the UI thread,
// reporting how far it has got. The index is derived, so this is the remedy for any doubt
// about it, and is safe to run at any time.

import type { Backend } from '../../ipc/backend';
import type { ReindexProgress } from '../../ipc/bindings/ReindexProgress';
import type { Notices } from './notices.svelte';

export class SearchIndexStore {
  /** How far a rebuild has got; null when none runs. */
  progress = $state.raw<ReindexProgress | null>(null);

  readonly #backend: Backend;
  readonly #notices: Notices;

  constructor(backend: Backend, notices: Notices) {
    this.#backend = backend;
    this.#notices = notices;
  }

  /** Progress events arrive only while a rebuild runs; a late one after it ended is ignored. */
  heard(progress: ReindexProgress): void {
    if (this.progress !== null) this.progress = progress;
  }

  async rebuild(): Promise<void> {
    if (this.progress !== null) return;
    this.progress = { done: 0, total: 0 };
    try {
      await this.#backend.reindex();
      const total = this.progress?.total ?? 0;
      this.#notices.info(`Search index rebuilt: ${total} ${total === 1 ? 'article' : 'articles'}.`);
    } catch (error) {
      this.#notices.error('Could not rebuild the search index', error);
    } finally {
      this.progress = null;
    }
  }
}
