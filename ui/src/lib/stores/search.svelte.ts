// The search box: the query, results as the user types (debounced), and the highlighted hit.

import type { Backend } from '../../ipc/backend';
import type { SearchHit } from '../../ipc/bindings/SearchHit';
import type { SearchResults } from '../../ipc/bindings/SearchResults';
import { toIpcError } from '../../ipc/errors';

export class SearchStore {
  query = $state('');
  results = $state.raw<SearchResults | null>(null);
  busy = $state(false);
  /** Shown inside the results panel: a bad query must not pile up error notices as one types. */
  error = $state<string | null>(null);
  /** Whether the results panel is showing. */
  open = $state(false);
  /** Index into `hits` of the keyboard-highlighted hit. */
  active = $state(0);

  hits = $derived(this.results?.hits ?? []);

  readonly #backend: Backend;
  readonly #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  constructor(backend: Backend, debounceMs = 140) {
    this.#backend = backend;
    this.#debounceMs = debounceMs;
  }

  /** Called on every keystroke: waits for a pause in typing before asking the backend. */
  input(query: string): void {
    this.query = query;
    this.open = true;
    clearTimeout(this.#timer);
    if (query.trim() === '') {
      this.#seq++;
      this.results = null;
      this.error = null;
      this.busy = false;
      return;
    }
    this.busy = true;
    this.#timer = setTimeout(() => void this.run(), this.#debounceMs);
  }

  /** Runs the current query now; an answer to an older query that arrives late is dropped. */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const query = this.query.trim();
    const seq = ++this.#seq;
    if (query === '') return;
    this.busy = true;
    try {
      const results = await this.#backend.searchArchive(query);
      if (seq !== this.#seq) return;
      this.results = results;
      this.error = null;
      this.active = 0;
    } catch (error) {
      if (seq === this.#seq) this.error = toIpcError(error).message;
    } finally {
      if (seq === this.#seq) this.busy = false;
    }
  }

  move(delta: number): void {
    const n = this.hits.length;
    if (n > 0) this.active = (this.active + delta + n) % n;
  }

  activeHit(): SearchHit | null {
    return this.hits[this.active] ?? null;
  }

  close(): void {
    this.open = false;
  }

  clear(): void {
    this.input('');
    this.open = false;
  }
}
