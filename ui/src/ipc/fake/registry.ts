// The fake backend's person registry, as src-tauri/archive/persons.rs keeps it: one entry per
// named speaker, found by any spelling, created on first sight; merging and aliases.

import type { PersonMerge } from '../bindings/PersonMerge';
import { ipcError } from '../errors';
import { isProperName, nameKey } from './names';

interface Entry {
  id: string;
  name: string;
  /** Every spelling seen, the canonical name among them. */
  aliases: Set<string>;
}

export class PersonRegistry {
  readonly #entries = new Map<string, Entry>();
  #nextId = 1;

  /** The entry for a speaker, made on first sight; none for an unnamed or collective source. */
  personFor(speaker: string): string | null {
    if (!isProperName(speaker)) return null;
    const key = nameKey(speaker);
    let entry = this.#byKey(key);
    if (!entry) {
      entry = { id: `person-${this.#nextId++}`, name: speaker, aliases: new Set() };
      this.#entries.set(entry.id, entry);
    }
    entry.aliases.add(speaker);
    return entry.id;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  name(id: string): string {
    return this.#get(id).name;
  }

  /** Every name, the canonical one first, then the others in order. */
  names(id: string): string[] {
    const entry = this.#get(id);
    const others = [...entry.aliases].filter((n) => n !== entry.name).sort();
    return [entry.name, ...others];
  }

  aliases(id: string): string[] {
    return this.names(id).slice(1);
  }

  /** A person by a name in any spelling, else by a unique id prefix. */
  resolve(key: string): string {
    const named = this.#byKey(nameKey(key));
    if (named) return named.id;
    const ids = [...this.#entries.keys()].filter((id) => id.startsWith(key));
    if (ids.length === 1) return ids[0]!;
    if (ids.length === 0) throw ipcError('not-found', `no person id starts with ${JSON.stringify(key)}`);
    throw ipcError('invalid-input', `the id prefix ${JSON.stringify(key)} matches more than one person; type more of it`);
  }

  /** Merges `other` into `keep`; returns what the merge took away and added, for `unmerge`. */
  merge(keep: string, other: string): { name: string; aliases: string[]; added: string[] } {
    if (keep === other) throw ipcError('invalid-input', 'cannot merge a person with itself');
    const [kept, gone] = [this.#get(keep), this.#get(other)];
    const aliases = [...gone.aliases].sort();
    const added = aliases.filter((alias) => !kept.aliases.has(alias));
    added.forEach((alias) => kept.aliases.add(alias));
    this.#entries.delete(other);
    return { name: gone.name, aliases, added };
  }

  /** Puts a merged entry back as it was and takes the names it gave `keep` away again. */
  unmerge(merge: PersonMerge): void {
    const kept = this.#get(merge.keep);
    if (this.#entries.has(merge.other)) {
      throw ipcError('invalid-input', `${merge.other_name} is in the registry already: that merge was undone`);
    }
    merge.added.forEach((alias) => kept.aliases.delete(alias));
    this.#entries.set(merge.other, { id: merge.other, name: merge.other_name, aliases: new Set(merge.aliases.map((a) => a.alias)) });
  }

  addAlias(id: string, alias: string): void {
    const name = alias.trim();
    if (name === '') throw ipcError('invalid-input', 'an alias cannot be empty');
    const entry = this.#get(id);
    const owner = this.#byKey(nameKey(name));
    if (owner && owner.id !== id) {
      throw ipcError('invalid-input', `${JSON.stringify(name)} already names another person (${owner.id}); merge the two instead`);
    }
    entry.aliases.add(name);
  }

  /** Removes persons no quote refers to any more. */
  dropOrphans(used: ReadonlySet<string>): void {
    for (const id of [...this.#entries.keys()]) if (!used.has(id)) this.#entries.delete(id);
  }

  #byKey(key: string): Entry | undefined {
    return [...this.#entries.values()].find((e) => [...e.aliases].some((a) => nameKey(a) === key));
  }

  #get(id: string): Entry {
    const entry = this.#entries.get(id);
    if (!entry) throw ipcError('not-found', `no person with id ${id}`);
    return entry;
  }
}
