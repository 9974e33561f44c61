// Collections (the sources of one paper): the list, the one open in the library column with its
// quotes looked up for display, and create, rename, delete with undo, add and remove items.

import type { Backend } from '../../ipc/backend';
import type { Collection } from '../../ipc/bindings/Collection';
import type { CollectionItem } from '../../ipc/bindings/CollectionItem';
import type { StoredQuote } from '../../ipc/bindings/StoredQuote';
import { toIpcError } from '../../ipc/errors';
import type { Notices } from './notices.svelte';

export class CollectionsStore {
  list = $state.raw<Collection[]>([]);
  /** The collection listed in the library column instead of the whole library. */
  open = $state.raw<Collection | null>(null);
  /** The open collection's quotes, by id, for their speaker and words. */
  quotes = $state.raw<ReadonlyMap<string, StoredQuote>>(new Map());
  /** The backend's reason for refusing the last name typed (create or rename). */
  nameError = $state<string | null>(null);

  readonly #backend: Backend;
  readonly #notices: Notices;

  constructor(backend: Backend, notices: Notices) {
    this.#backend = backend;
    this.#notices = notices;
  }

  async load(): Promise<void> {
    try {
      this.list = await this.#backend.listCollections();
    } catch (error) {
      this.#notices.error('Could not list the collections', error);
    }
  }

  async create(name: string): Promise<Collection | null> {
    return this.#named(async () => {
      const made = await this.#backend.createCollection(name);
      await this.load();
      return made;
    });
  }

  async rename(collection: Collection, name: string): Promise<boolean> {
    const renamed = await this.#named(async () => {
      const done = await this.#backend.renameCollection(collection.id, name);
      await this.load();
      if (this.open?.id === done.id) this.open = done;
      return done;
    });
    return renamed !== null;
  }

  /** Deletes a collection (never its articles) and offers to undo it. */
  async remove(collection: Collection): Promise<void> {
    try {
      const deleted = await this.#backend.deleteCollection(collection.id);
      await this.load();
      if (this.open?.id === collection.id) this.close();
      this.#notices.offer(`Deleted the collection “${deleted.name}”.`, { label: 'Undo', run: () => this.#restore(deleted) });
    } catch (error) {
      this.#notices.error(`Could not delete “${collection.name}”`, error);
    }
  }

  /** Adds an article or a quote to the collection of that name (made if new). */
  async add(name: string, item: CollectionItem): Promise<boolean> {
    try {
      const collection = await this.#backend.collect(name, [item]);
      await this.load();
      if (this.open?.id === collection.id) await this.show(collection.id);
      this.#notices.info(`Added ${item.quote_id ? 'the quote' : 'the article'} to “${collection.name}”.`);
      return true;
    } catch (error) {
      this.#notices.error(`Could not add to “${name}”`, error);
      return false;
    }
  }

  /** Takes an item out of the open collection. */
  async takeOut(item: CollectionItem): Promise<void> {
    const open = this.open;
    if (!open) return;
    try {
      this.open = await this.#backend.uncollect(open.id, [item]);
      await this.load();
    } catch (error) {
      this.#notices.error(`Could not remove the item from “${open.name}”`, error);
    }
  }

  /** Opens a collection in the library column, with its quotes' words. */
  async show(id: string): Promise<void> {
    try {
      const collection = await this.#backend.getCollection(id);
      const ids = collection.items.flatMap((i) => (i.quote_id ? [i.quote_id] : []));
      const found = await Promise.all(ids.map((q) => this.#backend.getQuote(q).catch(() => null)));
      this.quotes = new Map(found.flatMap((f) => (f ? [[f[1].id, f[1]] as const] : [])));
      this.open = collection;
    } catch (error) {
      this.#notices.error('Could not open the collection', error);
    }
  }

  close(): void {
    this.open = null;
    this.quotes = new Map();
  }

  clearNameError(): void {
    this.nameError = null;
  }

  async #restore(collection: Collection): Promise<void> {
    try {
      await this.#backend.restoreCollection(collection);
      await this.load();
    } catch (error) {
      this.#notices.error(`Could not restore “${collection.name}”`, error);
    }
  }

  /** A call that names a collection: a refused name is shown beside the field, not as a toast. */
  async #named(work: () => Promise<Collection>): Promise<Collection | null> {
    this.nameError = null;
    try {
      return await work();
    } catch (error) {
      this.nameError = toIpcError(error).message;
      return null;
    }
  }
}
