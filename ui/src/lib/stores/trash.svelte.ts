// The trash: deleted articles with when each was deleted, restoring a selection of them, and
// purging (the one action that cannot be undone, so it waits for a confirmation).

import type { Backend } from '../../ipc/backend';
import type { TrashedArticle } from '../../ipc/bindings/TrashedArticle';
import type { Notices } from './notices.svelte';

export class TrashStore {
  items = $state.raw<TrashedArticle[]>([]);
  /** Whether the library column shows the trash instead of the articles. */
  open = $state(false);
  selected = $state.raw<ReadonlySet<string>>(new Set());
  /** The purge confirmation is on screen. */
  confirmingPurge = $state(false);
  busy = $state(false);

  readonly #backend: Backend;
  readonly #notices: Notices;
  /** Articles came back or went for good: the library, tags, people, search and this list follow. */
  readonly #changed: () => Promise<void>;

  constructor(backend: Backend, notices: Notices, changed: () => Promise<void>) {
    this.#backend = backend;
    this.#notices = notices;
    this.#changed = changed;
  }

  async load(): Promise<void> {
    try {
      this.items = await this.#backend.listTrash();
      const ids = new Set(this.items.map((t) => t.article.id));
      this.selected = new Set([...this.selected].filter((id) => ids.has(id)));
    } catch (error) {
      this.#notices.error('Could not list the trash', error);
    }
  }

  show(open: boolean): void {
    this.open = open;
    this.selected = new Set();
    if (open) void this.load();
  }

  toggle(id: string): void {
    const selected = new Set(this.selected);
    if (!selected.delete(id)) selected.add(id);
    this.selected = selected;
  }

  selectAll(all: boolean): void {
    this.selected = new Set(all ? this.items.map((t) => t.article.id) : []);
  }

  async restoreSelected(): Promise<boolean> {
    const ids = [...this.selected];
    if (ids.length === 0 || this.busy) return false;
    this.busy = true;
    try {
      await this.#backend.restoreArticles(ids);
      this.selected = new Set();
      await this.#changed();
      this.#notices.info(ids.length === 1 ? 'Restored 1 article.' : `Restored ${ids.length} articles.`);
      return true;
    } catch (error) {
      this.#notices.error('Could not restore from the trash', error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async purge(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      const removed = await this.#backend.purgeTrash();
      this.confirmingPurge = false;
      this.selected = new Set();
      await this.#changed();
      this.#notices.info(removed === 1 ? 'Deleted 1 article for good.' : `Deleted ${removed} articles for good.`);
      return true;
    } catch (error) {
      this.#notices.error('Could not empty the trash', error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
