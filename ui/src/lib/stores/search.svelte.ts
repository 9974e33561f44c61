// The search box: the query, results as the user types (debounced), and the highlighted hit.

import type { Backend } from '../../ipc/backend';
import type { SearchHit } from '../../ipc/bindings/SearchHit';
import type { SearchResults } from '../../ipc/bindings/SearchResults';
import type { SortOrder } from '../../ipc/bindings/SortOrder';
import { toIpcError } from '../../ipc/errors';
import { type DateRange, dateRangeOf, type FacetName, hasFacet, toggleFacet, withDateRange } from '../searchQuery';

/** Hits asked for at a time; "More" asks for the next page. */
export const PAGE_SIZE = 50;

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
  sort = $state<SortOrder>('relevance');
  /** True while the next page loads. */
  loadingMore = $state(false);

  hits = $derived(this.results?.hits ?? []);
  /** The query's date range, for the from/to fields: the query text is the one truth. */
  dateRange = $derived(dateRangeOf(this.query));

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
      const results = await this.#backend.searchArchive({ query, sort: this.sort, offset: 0, limit: PAGE_SIZE, facets: true });
      if (seq !== this.#seq) return;
      this.results = results;
      this.error = null;
      this.active = 0;
    } catch (error) {
      // The hits of the previous query would read as this one's: the error stands alone.
      if (seq === this.#seq) {
        this.error = toIpcError(error).message;
        this.results = null;
      }
    } finally {
      if (seq === this.#seq) this.busy = false;
    }
  }

  /** Whether more hits than shown match. */
  get hasMore(): boolean {
    return this.results !== null && this.hits.length < this.results.total;
  }

  /** Appends the next page of hits; the facets stay those of all matches. */
  async more(): Promise<void> {
    const results = this.results;
    const query = this.query.trim();
    if (!results || !this.hasMore || this.loadingMore) return;
    const seq = this.#seq;
    this.loadingMore = true;
    try {
      const page = await this.#backend.searchArchive({ query, sort: this.sort, offset: results.hits.length, limit: PAGE_SIZE, facets: false });
      if (seq === this.#seq) this.results = { ...results, total: page.total, hits: [...results.hits, ...page.hits] };
    } catch (error) {
      if (seq === this.#seq) this.error = toIpcError(error).message;
    } finally {
      this.loadingMore = false;
    }
  }

  setSort(sort: SortOrder): void {
    this.sort = sort;
    if (this.query.trim() !== '') void this.run();
  }

  /** Adds the facet value's term to the query, or takes it out; searches at once. A year
   *  becomes the date range (replacing any other), so the from/to fields show it. */
  toggleFacet(facet: FacetName, value: string): void {
    if (facet === 'year' && !hasFacet(this.query, facet, value)) this.setDateRange({ from: value, to: value });
    else this.#runNow(toggleFacet(this.query, facet, value));
  }

  /** Puts the range into the query as its `date:FROM..TO` term (open ends allowed) and searches. */
  setDateRange(range: DateRange): void {
    this.#runNow(withDateRange(this.query, range));
  }

  #runNow(query: string): void {
    this.query = query;
    this.open = true;
    if (this.query.trim() === '') this.input('');
    else void this.run();
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
