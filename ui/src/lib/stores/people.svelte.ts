// The people view: every speaker the registry knows, the filter and cursor over them, the open
// person, adding an alias, and merging two entries that are one person (after a confirmation;
// undone from the notice that follows).

import type { Backend } from '../../ipc/backend';
import type { Person } from '../../ipc/bindings/Person';
import type { PersonMerge } from '../../ipc/bindings/PersonMerge';
import type { PersonSummary } from '../../ipc/bindings/PersonSummary';
import { toIpcError } from '../../ipc/errors';
import { filterPersons } from '../people';
import type { Notices } from './notices.svelte';

export class PeopleStore {
  persons = $state.raw<PersonSummary[]>([]);
  loaded = $state(false);
  filter = $state('');
  /** Index of the highlighted row in `rows`. */
  cursor = $state(0);
  current = $state.raw<Person | null>(null);
  opening = $state(false);
  /** The person chosen to merge into the open one, awaiting the user's confirmation. */
  mergeCandidate = $state.raw<PersonSummary | null>(null);
  merging = $state(false);
  /** The backend's reason for refusing the last alias. */
  aliasError = $state<string | null>(null);

  rows = $derived(filterPersons(this.persons, this.filter));
  /** The open person as listed (for counts), if listed. */
  /** Everyone the open person could be merged with. */
  others = $derived(this.persons.filter((p) => p.id !== this.current?.id));
  currentSummary = $derived(this.persons.find((p) => p.id === this.current?.id) ?? null);

  readonly #backend: Backend;
  readonly #notices: Notices;
  /** Quotes changed elsewhere since the list was loaded. */
  #stale = true;
  #loading: Promise<void> = Promise.resolve();
  #openSeq = 0;

  constructor(backend: Backend, notices: Notices) {
    this.#backend = backend;
    this.#notices = notices;
  }

  /** Quotes changed (corrected, added, deleted): the next visit reloads. */
  invalidate(): void {
    this.#stale = true;
  }

  /** Loads the list when it may be out of date, and the open person with it; callers during a load wait for it. */
  refresh(): Promise<void> {
    if (this.#stale) {
      this.#stale = false;
      this.#loading = this.#load();
    }
    return this.#loading;
  }

  async #load(): Promise<void> {
    try {
      this.persons = await this.#backend.listPersons();
      this.cursor = Math.min(this.cursor, Math.max(0, this.rows.length - 1));
      const open = this.current;
      if (open) {
        const still = this.persons.some((p) => p.id === open.id);
        if (still) await this.open(open.id);
        else this.current = null;
      }
    } catch (error) {
      this.#stale = true;
      this.#notices.error('Could not list the people', error);
    } finally {
      this.loaded = true;
    }
  }

  setFilter(text: string): void {
    this.filter = text;
    this.cursor = 0;
  }

  moveCursor(delta: number): void {
    if (this.rows.length === 0) return;
    this.cursor = Math.max(0, Math.min(this.rows.length - 1, this.cursor + delta));
  }

  async openCursor(): Promise<void> {
    const row = this.rows[this.cursor];
    if (row) await this.open(row.id);
  }

  /** Opens a person by id or by any of their names. */
  async open(key: string): Promise<boolean> {
    const seq = ++this.#openSeq;
    this.opening = true;
    try {
      const person = await this.#backend.getPerson(key);
      if (seq !== this.#openSeq) return false;
      if (this.current?.id !== person.id) {
        this.mergeCandidate = null;
        this.aliasError = null;
      }
      this.current = person;
      const row = this.rows.findIndex((p) => p.id === person.id);
      if (row >= 0) this.cursor = row;
      return true;
    } catch (error) {
      if (seq === this.#openSeq) this.#notices.error('Could not open the person', error);
      return false;
    } finally {
      if (seq === this.#openSeq) this.opening = false;
    }
  }

  async addAlias(alias: string): Promise<boolean> {
    const person = this.current;
    if (!person || alias.trim() === '') return false;
    this.aliasError = null;
    try {
      this.current = await this.#backend.addAlias(person.id, alias.trim());
      this.#replaceRow(this.current);
      return true;
    } catch (error) {
      this.aliasError = toIpcError(error).message;
      return false;
    }
  }

  proposeMerge(otherId: string): void {
    this.mergeCandidate = this.persons.find((p) => p.id === otherId) ?? null;
  }

  cancelMerge(): void {
    this.mergeCandidate = null;
  }

  /** Merges the candidate into the open person, who keeps their name. */
  async confirmMerge(): Promise<boolean> {
    const keep = this.current;
    const other = this.mergeCandidate;
    if (!keep || !other || this.merging) return false;
    this.merging = true;
    try {
      const { person, undo } = await this.#backend.mergePersons(keep.id, other.id);
      this.current = person;
      this.mergeCandidate = null;
      this.#stale = true;
      await this.refresh();
      this.#notices.offer(`Merged ${other.name} into ${keep.name}.`, { label: 'Undo', run: () => this.unmerge(undo) });
      return true;
    } catch (error) {
      this.#notices.error(`Could not merge ${other.name} into ${keep.name}`, error);
      return false;
    } finally {
      this.merging = false;
    }
  }

  /** Undoes a merge: both entries as they were; the one merged away is opened. */
  async unmerge(merge: PersonMerge): Promise<boolean> {
    try {
      await this.#backend.unmergePersons(merge);
    } catch (error) {
      this.#notices.error(`Could not undo the merge of ${merge.other_name}`, error);
      return false;
    }
    this.#stale = true;
    await this.refresh();
    await this.open(merge.other);
    this.#notices.info(`${merge.other_name} is a separate entry again.`);
    return true;
  }

  /** Shows a person's new names in the list without reloading it. */
  #replaceRow(person: Person): void {
    this.persons = this.persons.map((p) => (p.id === person.id ? { ...p, name: person.name, aliases: person.aliases } : p));
  }
}
