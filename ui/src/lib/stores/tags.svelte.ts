// Tags: every tag in the archive with its count (for the library filter and suggestions), and
// adding or removing the tags of an article or of a selection of them.

import type { Backend, TagCount } from '../../ipc/backend';
import type { ArchiveStore } from './archive.svelte';
import type { Notices } from './notices.svelte';

export class TagStore {
  all = $state.raw<TagCount[]>([]);

  readonly #backend: Backend;
  readonly #archive: ArchiveStore;
  readonly #notices: Notices;

  constructor(backend: Backend, archive: ArchiveStore, notices: Notices) {
    this.#backend = backend;
    this.#archive = archive;
    this.#notices = notices;
  }

  async load(): Promise<void> {
    try {
      this.all = await this.#backend.listTags();
    } catch (error) {
      this.#notices.error('Could not list the tags', error);
    }
  }

  add(articleId: string, tag: string): Promise<boolean> {
    return this.addTo([articleId], tag);
  }

  remove(articleId: string, tag: string): Promise<boolean> {
    return this.removeFrom([articleId], tag);
  }

  /** Tags several articles (a library selection) at once. */
  addTo(articleIds: readonly string[], tag: string): Promise<boolean> {
    return tag.trim() === '' ? Promise.resolve(false) : this.#retag(articleIds, [tag.trim()], []);
  }

  removeFrom(articleIds: readonly string[], tag: string): Promise<boolean> {
    return this.#retag(articleIds, [], [tag]);
  }

  async #retag(articleIds: readonly string[], add: string[], remove: string[]): Promise<boolean> {
    try {
      for (const id of articleIds) this.#archive.setTags(id, await this.#backend.retag(id, add, remove));
      // A tag nobody carries any more must leave the filter, or it would list nothing.
      await this.load();
      const filter = this.#archive.filterTag;
      if (filter !== null && !this.all.some(([tag]) => tag === filter)) this.#archive.setView({ filterTag: null });
      return true;
    } catch (error) {
      this.#notices.error(add.length > 0 ? `Could not add the tag “${add[0]}”` : `Could not remove the tag “${remove[0]}”`, error);
      return false;
    }
  }
}
