// An in-memory Backend for unit tests and the browser preview (no Tauri): same calls, same
// shapes, same kinds of rejection, over the sample article. It imitates the Rust side only as
// far as the UI needs (quote corrections, the person registry, tags and collections follow the
// archive's rules); it is not a second implementation of search, citation or extraction.

import type { Backend, FileDrag, Unlisten } from './backend';
import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { Citations } from './bindings/Citations';
import type { CitedQuote } from './bindings/CitedQuote';
import type { Selection } from './bindings/Selection';
import type { Collection } from './bindings/Collection';
import type { CollectionItem } from './bindings/CollectionItem';
import type { CslDate } from './bindings/CslDate';
import type { CslName } from './bindings/CslName';
import type { FacetCount } from './bindings/FacetCount';
import type { Facets } from './bindings/Facets';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ReindexProgress } from './bindings/ReindexProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { MetaPatch } from './bindings/MetaPatch';
import type { Person } from './bindings/Person';
import type { PersonQuote } from './bindings/PersonQuote';
import type { PersonRole } from './bindings/PersonRole';
import type { PersonSummary } from './bindings/PersonSummary';
import type { Quote } from './bindings/Quote';
import type { QuoteInput } from './bindings/QuoteInput';
import type { SearchHit } from './bindings/SearchHit';
import type { SourceMeta } from './bindings/SourceMeta';
import type { Span } from './bindings/Span';
import type { StoredQuote } from './bindings/StoredQuote';
import type { StyleInfo } from './bindings/StyleInfo';
import { quotedSpan } from '../lib/text/quoteSpan';
import { ipcError } from './errors';
import { readClip, UnreadableFile } from './fake/clip';
import { type FakeFile, isPage, mediaTypeOf, originalContent, readPage } from './fake/page';
import { citekey, exportText, locatorText, missingFields, quoteAt, type Selected } from './fake/export';
import { inDayRange, parseDateRange, type DayRange } from './fake/dateRange';
import { generatedSummaries } from './fake/generated';
import { nameKey } from './fake/names';
import { PersonRegistry } from './fake/registry';
import { SAMPLE_PATH, type SampleContent, sampleContent, syndicatedCopy } from './fake/sample';

export interface FakeOptions {
  /** How long the first citation in each style takes, as the real engine warms up (ms). */
  firstCiteDelayMs?: number;
  /** Delay of every other call (ms), so spinners and races can be seen. */
  latencyMs?: number;
  /** Made-up library rows added to the list (for measuring a large library), default none. */
  generatedRows?: number;
  /**
   * Start with the sample and another outlet's copy of its story (a PDF, so it has pages) in the
   * archive, linked as similar. Off by default: the archive starts empty.
   */
  syndicatedCopy?: boolean;
}

const STYLES: StyleInfo[] = [
  { name: 'chicago-notes-bibliography', title: 'Chicago Manual of Style 18th edition (notes and bibliography)', class: 'note' },
  { name: 'chicago-author-date', title: 'Chicago Manual of Style 18th edition (author-date)', class: 'in-text' },
  { name: 'apa', title: 'APA Style 7th edition', class: 'in-text' },
  { name: 'modern-language-association', title: 'MLA Handbook 9th edition (in-text citations)', class: 'in-text' },
  { name: 'harvard-cite-them-right', title: 'Cite Them Right 12th edition (author-date/Harvard)', class: 'in-text' },
  { name: 'ieee', title: 'IEEE Reference Guide version 11.29.2023', class: 'in-text' },
];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const chars = (s: string): number => Array.from(s).length;

function missingOf(meta: SourceMeta): string[] {
  const missing: string[] = [];
  if (meta.title == null) missing.push('title');
  if (meta['container-title'] == null) missing.push('container-title');
  if ((meta.author ?? []).length === 0) missing.push('author');
  if (meta.issued == null) missing.push('issued');
  if (meta.URL == null) missing.push('URL');
  return missing;
}

/** The CSL field each MetaPatch key sets, so an edit can record "user" as its origin. */
const PATCH_CSL: Record<keyof MetaPatch, string> = {
  title: 'title',
  publication: 'container-title',
  author: 'author',
  date: 'issued',
  url: 'URL',
};

/** Texts sharing at least this share of word shingles are linked, as the Rust side does. */
const SIMILAR_AT = 0.5;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  return new Set(words.slice(0, Math.max(0, words.length - 2)).map((_, i) => words.slice(i, i + 3).join(' ')));
}

/** Jaccard similarity of two texts' 3-word shingles, 0–1. */
function similarity(a: string, b: string): number {
  const [x, y] = [shingles(a), shingles(b)];
  const shared = [...x].filter((s) => y.has(s)).length;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isoDate(date: CslDate | null | undefined): string | null {
  const parts = date?.['date-parts'][0];
  if (!parts || parts.length === 0) return null;
  return parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

function parseDate(value: string): CslDate {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const parts = m ? [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number) : [];
  const [, month = 1, day = 1] = parts;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw ipcError('invalid-input', `“${value}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
  return { 'date-parts': [parts] };
}

/** The names in `value`, or `undefined` for none: serde leaves an empty `author` out. */
function parseAuthors(value: string): CslName[] | undefined {
  const names = value
    .split(';')
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
    .map((a): CslName => {
      const comma = a.indexOf(',');
      if (comma < 0) return { literal: a };
      const family = a.slice(0, comma).trim();
      const given = a.slice(comma + 1).trim();
      return given === '' ? { family } : { family, given };
    });
  return names.length > 0 ? names : undefined;
}

/** `""` clears a field, `null` leaves it: the MetaPatch contract. */
function patched<T>(current: T | undefined, value: string | null, parse: (v: string) => T | undefined): T | undefined {
  if (value === null) return current;
  return value.trim() === '' ? undefined : parse(value.trim());
}

/** Drops the keys set to `undefined`, as serde's `skip_serializing_if` leaves absent fields out. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function nameText(name: CslName, inverted: boolean): string {
  if (name.literal != null) return name.literal;
  if (name.given == null) return name.family ?? '';
  return inverted ? `${name.family}, ${name.given}` : `${name.given} ${name.family}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "July 9, 2024", as the note styles print a newspaper date. */
function longDate(date: CslDate | null | undefined): string | null {
  const [year, month, day] = date?.['date-parts'][0] ?? [];
  if (year === undefined) return null;
  const name = month === undefined ? undefined : MONTHS[month - 1];
  if (name === undefined) return String(year);
  return day === undefined ? `${name} ${year}` : `${name} ${day}, ${year}`;
}

/** Ends with one full stop: "n.d." must not become "n.d..". */
function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

interface Filter {
  field: 'speaker' | 'publication' | 'date' | 'lang';
  value: string;
  /** For `date:`, the days it spans. */
  days?: DayRange;
}

/**
 * The preview's small part of the query language: words (all must match) and the fields the
 * facets add; a stray quotation mark or an unknown field is a query error, as in the index.
 */
function parseQuery(query: string): { terms: string[]; filters: Filter[] } {
  if ((query.match(/"/g)?.length ?? 0) % 2 === 1) throw ipcError('query', 'invalid query: a quotation mark is not closed');
  const filters: Filter[] = [];
  const rest = query.replace(/(\p{L}+):(?:"([^"]*)"|(\S+))/gu, (_, field: string, phrase: string | undefined, word: string | undefined, at: number) => {
    const name = field.toLowerCase();
    if (name !== 'speaker' && name !== 'publication' && name !== 'date' && name !== 'lang') {
      throw ipcError('query', `invalid query: unknown field “${field}”`);
    }
    const value = (phrase ?? word ?? '').toLowerCase();
    const days = name === 'date' ? parseDateRange(value, [...query.slice(0, at)].length + field.length + 2) : undefined;
    filters.push({ field: name, value, days });
    return ' ';
  });
  const terms = rest.toLowerCase().replaceAll('"', ' ').split(/\s+/).filter((t) => t.length > 0);
  return { terms, filters };
}

/** A plausible rendering for the preview; the real one comes from CSL styles in Rust. */
function renderCitation(article: Article, style: string): { citation: string; bibliography: string } {
  const meta = article.source;
  const authors = meta.author ?? [];
  const date = longDate(meta.issued);
  const title = meta.title ?? article.title;
  const tail = [meta['container-title'], date ?? 'n.d.', meta.URL].filter((p) => p != null);
  let citation: string;
  let bibliography: string;
  if (style === 'chicago-notes-bibliography') {
    const who = authors.map((n) => nameText(n, false)).join(' and ');
    citation = `${who ? `${who}, ` : ''}“${title},” ${sentence(tail.join(', '))}`;
    const whoInv = authors.map((n, i) => nameText(n, i === 0)).join(', and ');
    bibliography = `${whoInv ? `${whoInv}. ` : ''}“${title}.” ${sentence(tail.join('. '))}`;
  } else {
    const year = meta.issued?.['date-parts'][0]?.[0]?.toString() ?? 'n.d.';
    const first = authors[0];
    const lead = first ? (first.family ?? first.literal ?? '') : `“${title}”`;
    citation = `(${lead}, ${year})`;
    const who = authors.map((n, i) => nameText(n, i === 0)).join(', ');
    const rest = [meta['container-title'], meta.URL].filter((p) => p != null);
    bibliography = [`${who ? `${who} ` : ''}(${year}).`, `${title}.`, ...rest.map((p) => `${p}.`)].join(' ');
  }
  return { citation, bibliography };
}

/** A note or citation at a pinpoint: "…, n.d., para. 9." */
function pinned(work: string, at: string): string {
  return `${work.endsWith('n.d.') ? work : work.replace(/\.$/, '')}, ${at}.`;
}

/** Finds every case-insensitive occurrence of the terms in `text`, as char spans. */
function matchSpans(text: string, terms: string[]): Span[] {
  const lower = text.toLowerCase();
  const spans: Span[] = [];
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      const start = chars(text.slice(0, at));
      spans.push({ start, end: start + chars(term) });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A window of about `radius` chars each side of the first match, with spans re-based. */
function snippetAround(text: string, spans: Span[], radius = 90): { snippet: string; highlights: Span[] } {
  const all = Array.from(text);
  const first = spans[0] ?? { start: 0, end: 0 };
  const from = Math.max(0, first.start - radius);
  const to = Math.min(all.length, first.end + radius);
  const lead = from > 0 ? '…' : '';
  const snippet = lead + all.slice(from, to).join('') + (to < all.length ? '…' : '');
  const shift = chars(lead) - from;
  const highlights = spans
    .filter((s) => s.start >= from && s.end <= to)
    .map((s) => ({ start: s.start + shift, end: s.end + shift }));
  return { snippet, highlights };
}

/** A quote's words and place from a span of the article, refused as the Rust side refuses it. */
function quoteIn(article: Article, input: QuoteInput): Quote {
  const invalid = (why: string) => ipcError('invalid-input', `invalid quote: ${why}`);
  const speaker = input.speaker.trim();
  if (speaker === '') throw invalid('a quote needs a speaker');
  const text = Array.from(article.text);
  if (input.start >= input.end || input.end > text.length) {
    throw invalid(`the span ${input.start}..${input.end} is not a stretch of the article's ${text.length} characters`);
  }
  const quoted = quotedSpan(text, article.paragraphs, input);
  if (!quoted) throw invalid("the span holds no text of the article's paragraphs");
  const trimmed = (v: string | null) => v?.trim() || null;
  return { ...quoted, kind: input.kind, speaker, descriptor: trimmed(input.descriptor), cue: trimmed(input.cue) };
}

/** Reading order, as the archive lists an article's quotes. */
const byPlace = (a: Quote, b: Quote) => a.start - b.start || b.end - a.end;

/** A tag as stored: trimmed, inner whitespace collapsed, never empty. */
function cleanTag(tag: string): string {
  const clean = tag.split(/\s+/u).filter((w) => w !== '').join(' ');
  if (clean === '') throw ipcError('invalid-input', 'a tag cannot be empty');
  return clean;
}

/** Each role with the span of dates it was given in, earliest first, as persons.rs builds them. */
function rolesOf(quotes: readonly PersonQuote[]): PersonRole[] {
  const roles = new Map<string, PersonRole & { articles: Set<string> }>();
  for (const q of quotes) {
    const descriptor = q.quote.descriptor;
    if (descriptor === null) continue;
    const role = roles.get(descriptor) ?? { descriptor, first: null, last: null, article_count: 0, articles: new Set() };
    if (q.date !== null) {
      role.first = role.first === null || q.date < role.first ? q.date : role.first;
      role.last = role.last === null || q.date > role.last ? q.date : role.last;
    }
    role.articles.add(q.article_id);
    roles.set(descriptor, role);
  }
  return [...roles.values()]
    .sort((a, b) => (a.descriptor < b.descriptor ? -1 : 1))
    .map(({ articles, ...role }) => ({ ...role, article_count: articles.size }))
    .sort((a, b) => Number(a.first === null) - Number(b.first === null) || (a.first ?? '').localeCompare(b.first ?? ''));
}

export function createFakeBackend(options: FakeOptions = {}): Backend {
  const { firstCiteDelayMs = 0, latencyMs = 0 } = options;
  const articles = new Map<string, Article>();
  /** Similarity links by article id, kept both ways; titles are looked up when an article is read. */
  const links = new Map<string, Map<string, number>>();
  const warmStyles = new Set<string>();
  const progressHandlers = new Set<(p: ImportProgress) => void>();
  const registry = new PersonRegistry();
  const generated = generatedSummaries(options.generatedRows ?? 0);
  const collections = new Map<string, Collection>();
  /** The file each article was imported from, for `getOriginal`. */
  const originals = new Map<string, FakeFile>();
  let nextId = 1;
  let nextQuote = 1;
  let nextCollection = 1;

  // Every call settles first, so the seeded copy is in place before anything is read.
  async function seed(): Promise<void> {
    for (const content of [sampleContent(), syndicatedCopy()]) add(content, await sha256Hex(content.original));
  }
  const seeded = options.syndicatedCopy ? seed() : Promise.resolve();
  const settle = async () => {
    await seeded;
    if (latencyMs > 0) await sleep(latencyMs);
  };
  const emit = (p: ImportProgress) => progressHandlers.forEach((h) => h(p));
  const reindexHandlers = new Set<(p: ReindexProgress) => void>();

  function find(id: string): Article {
    const article = articles.get(id);
    if (!article) throw ipcError('not-found', `No article with id ${id} in the archive.`);
    return article;
  }

  /** The article as the backend returns it: a copy, with its similar articles' current titles. */
  function present(a: Article): Article {
    // A copy in the trash is not offered, as the archive lists only live articles.
    const similar = [...(links.get(a.id) ?? [])]
      .filter(([id]) => articles.has(id))
      .map(([id, share]) => ({ id, title: find(id).title, similarity: share }))
      .sort((x, y) => y.similarity - x.similarity);
    return structuredClone({ ...a, similar, quotes: a.quotes.map(named) });
  }

  /** A quote with its speaker's names as the registry knows them now. */
  function named(q: StoredQuote): StoredQuote {
    const names = q.person_id !== null && registry.has(q.person_id) ? registry.names(q.person_id) : [q.speaker];
    return structuredClone({ ...q, names });
  }

  function stored(quote: Quote, id: string, review: StoredQuote['review']): StoredQuote {
    return { id, ...quote, review, person_id: registry.personFor(quote.speaker), names: [] };
  }

  /** Articles in the trash, restorable until purged: gone from lists and search. */
  const trashed = new Map<string, Article>();
  /** When each trashed article was deleted (ISO 8601). */
  const deletedAt = new Map<string, string>();

  /** Ids name articles (cited whole) or quotes; a collection its items; neither, the archive. */
  function select(selection: Selection): Selected {
    const items: { article_id: string; quote_id: string | null }[] = [];
    if (selection.collection !== null) items.push(...collectionOf(selection.collection).items);
    for (const id of selection.ids) {
      if (articles.has(id)) items.push({ article_id: id, quote_id: null });
      else {
        const [article, quote] = findQuote(id);
        items.push({ article_id: article.id, quote_id: quote.id });
      }
    }
    if (selection.collection === null && selection.ids.length === 0) {
      items.push(...[...articles.keys()].map((id) => ({ article_id: id, quote_id: null })));
    }
    const selected: Selected = { articles: [], quotes: [], locators: { ...selection.locators } };
    for (const item of items) {
      const article = articles.get(item.article_id);
      if (!article) continue;
      if (!selected.articles.includes(article)) selected.articles.push(article);
      if (item.quote_id === null) continue;
      const quote = article.quotes.find((q) => q.id === item.quote_id);
      if (quote && !selected.quotes.some(([, q]) => q === quote)) selected.quotes.push([article, quote]);
    }
    return selected;
  }

  async function warm(style: string): Promise<void> {
    if (!STYLES.some((s) => s.name === style)) throw ipcError('unknown-style', `No citation style named “${style}”.`);
    await (warmStyles.has(style) ? settle() : sleep(firstCiteDelayMs));
    warmStyles.add(style);
  }

  function articleMatches(a: Article, base: { publication: string | null; date: string | null }, f: Filter): boolean {
    switch (f.field) {
      case 'publication':
        return base.publication?.toLowerCase() === f.value;
      case 'date':
        return inDayRange(base.date, f.days!);
      case 'lang':
        return a.language?.toLowerCase() === f.value;
      default:
        return true;
    }
  }

  /** Gives the quotes `ids`, where `from` still speaks them, to person `to`. */
  function movePerson(from: string, to: string, ids: readonly string[]): void {
    const moving = new Set(ids);
    const move = (q: StoredQuote) => (q.person_id === from && moving.has(q.id) ? { ...q, person_id: to } : q);
    for (const a of articles.values()) articles.set(a.id, { ...a, quotes: a.quotes.map(move) });
  }

  function findQuote(id: string): [Article, StoredQuote] {
    for (const article of articles.values()) {
      const quote = article.quotes.find((q) => q.id === id);
      if (quote) return [article, quote];
    }
    throw ipcError('not-found', `no quote id starts with ${JSON.stringify(id)}`);
  }

  /** Replaces an article's quotes, in reading order; persons no quote names any more go. */
  function setQuotes(article: Article, quotes: StoredQuote[]): void {
    articles.set(article.id, { ...article, quotes: quotes.sort(byPlace) });
    const used = new Set([...articles.values()].flatMap((a) => a.quotes.flatMap((q) => (q.person_id ? [q.person_id] : []))));
    registry.dropOrphans(used);
  }

  function personQuotes(personId: string): PersonQuote[] {
    const found: PersonQuote[] = [];
    for (const a of articles.values()) {
      for (const q of a.quotes) {
        if (q.person_id !== personId) continue;
        const date = isoDate(a.source.issued);
        found.push({ article_id: a.id, title: a.title, publication: a.source['container-title'] ?? null, date, quote: named(q) });
      }
    }
    // By date, undated last; then by article and place.
    return found.sort(
      (x, y) =>
        Number(x.date === null) - Number(y.date === null) ||
        (x.date ?? '').localeCompare(y.date ?? '') ||
        x.article_id.localeCompare(y.article_id) ||
        x.quote.start - y.quote.start,
    );
  }

  function person(id: string): Person {
    const quotes = personQuotes(id);
    return { id, name: registry.name(id), aliases: registry.aliases(id), roles: rolesOf(quotes), quotes };
  }

  function collectionOf(idOrName: string): Collection {
    const found = collections.get(idOrName) ?? [...collections.values()].find((c) => c.name === idOrName);
    if (!found) throw ipcError('not-found', `no collection named or with id ${JSON.stringify(idOrName)}`);
    return found;
  }

  function collectionName(name: string): string {
    const clean = name.trim();
    if (clean === '') throw ipcError('invalid-input', 'a collection needs a name');
    return clean;
  }

  function createCollection(name: string): Collection {
    const clean = collectionName(name);
    const existing = [...collections.values()].find((c) => c.name === clean);
    if (existing) return existing;
    const made: Collection = { id: `collection-${nextCollection++}`, name: clean, items: [] };
    collections.set(made.id, made);
    return made;
  }

  /** Items with a quote's article filled in, as the library resolves them. */
  function resolveItems(items: readonly CollectionItem[]): CollectionItem[] {
    return items.map((item) => {
      if (item.quote_id !== null) return { article_id: findQuote(item.quote_id)[0].id, quote_id: item.quote_id };
      return { article_id: find(item.article_id).id, quote_id: null };
    });
  }

  function addItems(collection: Collection, items: readonly CollectionItem[]): Collection {
    const same = (a: CollectionItem, b: CollectionItem) => a.article_id === b.article_id && a.quote_id === b.quote_id;
    const added = items.filter((item, i) => !collection.items.some((c) => same(c, item)) && items.findIndex((o) => same(o, item)) === i);
    const updated = { ...collection, items: [...collection.items, ...added] };
    collections.set(updated.id, updated);
    return updated;
  }

  /** Stores an extracted article and links it to the ones whose text is much the same. */
  function add(content: SampleContent, sha256: string, file?: FakeFile): Article {
    const id = `fake-${nextId++}`;
    originals.set(id, file ?? { name: SAMPLE_PATH, bytes: new TextEncoder().encode(content.original) });
    const article: Article = {
      id,
      title: content.title,
      text: content.text,
      paragraphs: content.paragraphs,
      language: 'en',
      pages: content.pages,
      source: content.source,
      provenance: content.provenance,
      missing: missingOf(content.source),
      boilerplate: content.boilerplate,
      quotes: content.quotes.map((q, i) => stored(q, `${id}-q${i + 1}`, 'unreviewed')).sort(byPlace),
      tags: [],
      similar: [],
      imported_at: new Date().toISOString(),
      sha256,
    };
    links.set(id, new Map());
    for (const other of articles.values()) {
      const share = similarity(article.text, other.text);
      if (share < SIMILAR_AT) continue;
      links.get(id)?.set(other.id, share);
      links.get(other.id)?.set(id, share);
    }
    articles.set(id, article);
    return article;
  }

  /** Facet counts over the hits, as the index counts them: speakers of quote hits, the
   * articles' publications, years and languages. */
  function facetsOf(hits: SearchHit[]): Facets {
    const count = (values: (string | null | undefined)[]): FacetCount[] => {
      const counts = new Map<string, number>();
      for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count);
    };
    const language = (h: SearchHit) => articles.get(h.article_id)?.language;
    return {
      // A quote counts for its speaker, an article for each speaker it quotes, as in the index.
      speaker: count(
        hits.flatMap((h) => (h.kind === 'quote' ? [h.speaker] : [...new Set(articles.get(h.article_id)?.quotes.map((q) => q.speaker))])),
      ),
      publication: count(hits.map((h) => h.publication)),
      year: count(hits.map((h) => h.date?.slice(0, 4))).sort((a, b) => a.value.localeCompare(b.value)),
      language: count(hits.map(language)),
    };
  }

  function summary(a: Article): ArticleSummary {
    return {
      id: a.id,
      title: a.title,
      publication: a.source['container-title'] ?? null,
      date: isoDate(a.source.issued),
      language: a.language,
      quote_count: a.quotes.length,
      missing: [...a.missing],
      tags: [...a.tags],
      imported_at: a.imported_at,
    };
  }

  async function importSampleArticle(): Promise<ImportReport> {
    emit({ done: 0, total: 1, path: SAMPLE_PATH });
    await settle();
    const content = sampleContent();
    const sha256 = await sha256Hex(content.original);
    const existing = [...articles.values()].find((a) => a.sha256 === sha256);
    emit({ done: 1, total: 1, path: SAMPLE_PATH });
    if (existing) {
      return {
        imported: 0,
        enriched: 0,
        duplicates: 1,
        failed: 0,
        outcomes: [{ path: SAMPLE_PATH, status: 'duplicate', article_id: existing.id, title: existing.title, error: null }],
      };
    }
    const article = add(content, sha256);
    return {
      imported: 1,
      enriched: 0,
      duplicates: 0,
      failed: 0,
      outcomes: [{ path: SAMPLE_PATH, status: 'imported', article_id: article.id, title: article.title, error: null }],
    };
  }

  return {
    isPreview: true,

    async listArticles() {
      await settle();
      return [...articles.values()].map(summary).concat(generated);
    },

    async getArticle(id) {
      await settle();
      return present(find(id));
    },

    async searchArchive(request) {
      await settle();
      const { terms, filters } = parseQuery(request.query);
      if (terms.length === 0 && filters.length === 0) return { total: 0, hits: [], facets: facetsOf([]) };
      const hits: SearchHit[] = [];
      for (const a of articles.values()) {
        const base = {
          article_id: a.id,
          title: a.title,
          publication: a.source['container-title'] ?? null,
          date: isoDate(a.source.issued),
        };
        const articleOk = filters.every((f) => f.field === 'speaker' || articleMatches(a, base, f));
        if (!articleOk) continue;
        const haystack = `${a.title}\n${a.text}`;
        const spans = matchSpans(haystack, terms);
        const speakerFilters = filters.filter((f) => f.field === 'speaker');
        const quotesSpeaker = (f: Filter) => a.quotes.some((q) => q.speaker.toLowerCase() === f.value);
        if (terms.every((t) => haystack.toLowerCase().includes(t)) && speakerFilters.every(quotesSpeaker)) {
          hits.push({ ...base, kind: 'article', ...snippetAround(haystack, spans), score: spans.length });
        }
        for (const q of a.quotes) {
          if (!terms.every((t) => q.text.toLowerCase().includes(t))) continue;
          if (!speakerFilters.every((f) => q.speaker.toLowerCase() === f.value)) continue;
          const qSpans = matchSpans(q.text, terms);
          hits.push({ ...base, kind: 'quote', ...snippetAround(q.text, qSpans, 140), score: qSpans.length + 1, quote_id: q.id, speaker: q.speaker, text: q.text });
        }
      }
      if (request.sort === 'relevance') hits.sort((x, y) => y.score - x.score);
      else {
        const sign = request.sort === 'newest' ? -1 : 1;
        // Undated hits go last either way, as the index sorts them.
        hits.sort((x, y) => (x.date === y.date ? 0 : x.date === null ? 1 : y.date === null ? -1 : sign * x.date.localeCompare(y.date)));
      }
      return { total: hits.length, hits: hits.slice(request.offset, request.offset + request.limit), facets: facetsOf(request.facets ? hits : []) };
    },

    async listStyles() {
      await settle();
      return STYLES.map((s) => ({ ...s }));
    },

    async citeSelection(selection, options): Promise<Citations> {
      await warm(options.style);
      const selected = select(selection);
      const { articles: cited, quotes } = selected;
      const note = STYLES.find((s) => s.name === options.style)?.class === 'note';
      const rendered = new Map(cited.map((a) => [a.id, renderCitation(a, options.style)]));
      const works = cited
        .filter((a) => !quotes.some(([q]) => q === a) || selection.ids.includes(a.id) || selection.collection !== null)
        .map((a, i) => {
          const locator = selection.locators[a.id] ?? options.locator;
          const work = rendered.get(a.id)!.citation;
          const citation = locator ? pinned(work, locatorText(locator)) : work;
          return { article_id: a.id, title: a.title, note: note ? i + 1 : null, citation };
        });
      const cq: CitedQuote[] = quotes.map(([a, q]) => {
        const work = rendered.get(a.id)!.citation;
        const citation = pinned(work, quoteAt(selected, a, q));
        const quotedIn = `${q.speaker}, quoted in ${citation}`;
        const said = q.descriptor ? `${q.speaker}, ${q.descriptor},` : q.speaker;
        return { article_id: a.id, quote_id: q.id, words: q.text, speaker: q.speaker, descriptor: q.descriptor, citation, quoted_in: quotedIn, attribution: `${said} told ${a.source['container-title'] ?? 'the paper'}: “${q.text}”` };
      });
      const wrap = (text: string) => (options.format === 'html' ? `<div class="csl-entry">${text.replace(/“([^”]+),”/, '“<i>$1</i>,”')}</div>` : text);
      return {
        style: options.style,
        format: options.format,
        works: works.map((w) => ({ ...w, citation: wrap(w.citation) })),
        quotes: cq,
        bibliography: cited.map((a) => wrap(rendered.get(a.id)!.bibliography)),
        document: options.format === 'rtf' ? `{\\rtf1\\ansi ${cited.map((a) => rendered.get(a.id)!.bibliography).join('\\par ')}}` : null,
        missing: missingFields(cited),
      };
    },

    async exportSelection(selection, format, style) {
      if (format === 'markdown-notes') await warm(style);
      else await settle();
      const selected = select(selection);
      const content = exportText(selected, format, (a) => renderCitation(a, style).citation);
      return { format, content, citekeys: selected.articles.map(citekey), missing: missingFields(selected.articles) };
    },

    async saveExport(selection, format, style, name) {
      await this.exportSelection(selection, format, style);
      const ext = { bibtex: 'bib', biblatex: 'bib', ris: 'ris', 'csl-json': 'json', markdown: 'md', 'markdown-notes': 'md', html: 'html' }[format];
      const stem = name.replace(/[^\p{L}\p{N}_-]/gu, '-').replace(/^-+|-+$/g, '') || 'export';
      return `/preview/sourcebook/exports/${stem}.${ext}`;
    },

    async deleteArticles(ids) {
      await settle();
      const found = ids.map(find);
      for (const a of found) {
        articles.delete(a.id);
        trashed.set(a.id, a);
        deletedAt.set(a.id, new Date().toISOString());
      }
      return found.map((a) => a.id);
    },

    async restoreArticles(ids) {
      await settle();
      for (const id of ids) {
        const a = trashed.get(id);
        if (!a) throw ipcError('not-found', `No article with id ${id} in the trash.`);
        trashed.delete(id);
        articles.set(id, a);
      }
    },

    async listTrash() {
      await settle();
      const listed = [...trashed.values()].map((a) => ({ article: summary(a), deleted_at: deletedAt.get(a.id)! }));
      return listed.sort((x, y) => y.deleted_at.localeCompare(x.deleted_at) || x.article.id.localeCompare(y.article.id));
    },

    async purgeTrash() {
      await settle();
      const removed = trashed.size;
      trashed.clear();
      deletedAt.clear();
      return removed;
    },

    async editArticle(id, patch: MetaPatch) {
      await settle();
      const article = find(id);
      const meta = article.source;
      const source = compact<SourceMeta>({
        ...meta,
        title: patched(meta.title, patch.title, (v) => v),
        'container-title': patched(meta['container-title'], patch.publication, (v) => v),
        author: patched(meta.author, patch.author, parseAuthors),
        issued: patched(meta.issued, patch.date, parseDate),
        URL: patched(meta.URL, patch.url, (v) => v),
      });
      // A cleared field is recorded as the user's doing too, as the Rust side does.
      const edited = (Object.keys(PATCH_CSL) as (keyof MetaPatch)[]).filter((key) => patch[key] !== null);
      const updated: Article = {
        ...article,
        title: source.title ?? 'Untitled article',
        source,
        provenance: { ...article.provenance, ...Object.fromEntries(edited.map((key) => [PATCH_CSL[key], 'user'])) },
        missing: missingOf(source),
      };
      articles.set(id, updated);
      return present(updated);
    },

    async importPaths(paths) {
      const outcomes = paths.map((path, i) => {
        emit({ done: i + 1, total: paths.length, path });
        return { path, status: 'failed' as const, article_id: null, title: null, error: 'The browser preview cannot read files; run the desktop app to import them.' };
      });
      await settle();
      return { imported: 0, enriched: 0, duplicates: 0, failed: outcomes.length, outcomes };
    },

    importSample: importSampleArticle,

    async importFile(name, bytes) {
      await settle();
      const outcome = (status: ImportOutcome['status'], article: Article | null, error: string | null = null): ImportReport => ({
        imported: Number(status === 'imported'),
        enriched: 0,
        duplicates: Number(status === 'duplicate'),
        failed: Number(status === 'failed'),
        outcomes: [{ path: name, status, article_id: article?.id ?? null, title: article?.title ?? null, error }],
      });
      const sha256 = await sha256Hex(bytes);
      const same = [...articles.values()].find((a) => a.sha256 === sha256);
      if (same) return outcome('duplicate', same);
      let content;
      try {
        content = isPage(name) ? readPage(bytes) : readClip(bytes);
      } catch (error) {
        if (!(error instanceof UnreadableFile)) throw error;
        return outcome('failed', null, `${name}: ${error.message}`);
      }
      const sameText = [...articles.values()].find((a) => a.text === content.text);
      if (sameText) return outcome('duplicate', sameText);
      return outcome('imported', add({ ...content, original: '' }, sha256, { name, bytes }));
    },

    async getOriginal(id) {
      await settle();
      const article = find(id);
      const file = originals.get(id)!;
      return {
        article_id: id,
        media_type: mediaTypeOf(file),
        file_name: file.name,
        size: file.bytes.length,
        imported_at: article.imported_at,
        content: originalContent(file),
        note: null,
      };
    },

    async getQuote(id) {
      await settle();
      const [article, quote] = findQuote(id);
      return [article.id, named(quote)];
    },

    async confirmQuote(id) {
      await settle();
      const [article, quote] = findQuote(id);
      // An edited or hand-made quote stays as it is.
      const review = quote.review === 'unreviewed' ? 'confirmed' : quote.review;
      setQuotes(article, [...article.quotes.filter((q) => q !== quote), { ...quote, review }]);
      return named(findQuote(id)[1]);
    },

    async editQuote(id, patch) {
      await settle();
      const [article, old] = findQuote(id);
      const keep = (value: string | null, was: string | null) => (value === null ? was : value.trim() || null);
      const quote = quoteIn(article, {
        start: patch.start ?? old.start,
        end: patch.end ?? old.end,
        kind: patch.kind ?? old.kind,
        speaker: patch.speaker ?? old.speaker,
        descriptor: keep(patch.descriptor, old.descriptor),
        cue: keep(patch.cue, old.cue),
      });
      const review = old.review === 'added' ? 'added' : 'edited';
      setQuotes(article, [...article.quotes.filter((q) => q !== old), stored(quote, id, review)]);
      return named(findQuote(id)[1]);
    },

    async addQuote(articleId, input) {
      await settle();
      const article = find(articleId);
      const added = stored(quoteIn(article, input), `quote-${nextQuote++}`, 'added');
      setQuotes(article, [...article.quotes, added]);
      return named(added);
    },

    async deleteQuote(id) {
      await settle();
      const [article, quote] = findQuote(id);
      const deleted = named(quote);
      setQuotes(article, article.quotes.filter((q) => q !== quote));
      return [article.id, deleted];
    },

    async restoreQuote(articleId, quote) {
      await settle();
      const article = find(articleId);
      if (article.quotes.some((q) => q.id === quote.id)) throw ipcError('archive', `archive error: the quote ${quote.id} exists already`);
      const { id, review, person_id: _person, names: _names, ...fields } = quote;
      const restored = stored(fields, id, review);
      setQuotes(article, [...article.quotes, restored]);
      return named(restored);
    },

    async listPersons() {
      await settle();
      const ids = new Set([...articles.values()].flatMap((a) => a.quotes.flatMap((q) => (q.person_id ? [q.person_id] : []))));
      const persons: PersonSummary[] = [...ids].map((id) => {
        const quotes = personQuotes(id);
        const dates = quotes.flatMap((q) => (q.date ? [q.date] : [])).sort();
        return {
          id,
          name: registry.name(id),
          aliases: registry.aliases(id),
          quote_count: quotes.length,
          article_count: new Set(quotes.map((q) => q.article_id)).size,
          latest: dates.at(-1) ?? null,
        };
      });
      return persons.sort((a, b) => b.quote_count - a.quote_count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },

    async getPerson(key) {
      await settle();
      return person(registry.resolve(key));
    },

    async mergePersons(keep, other) {
      await settle();
      const [kept, gone] = [registry.resolve(keep), registry.resolve(other)];
      const { name, aliases, added } = registry.merge(kept, gone);
      const moved = [...articles.values()].flatMap((a) => a.quotes.filter((q) => q.person_id === gone).map((q) => q.id));
      movePerson(gone, kept, moved);
      const undo = { keep: kept, other: gone, other_name: name, aliases: aliases.map((alias) => ({ alias, key: nameKey(alias) })), added, quotes: moved.sort() };
      return { person: person(kept), undo };
    },

    async unmergePersons(merge) {
      await settle();
      registry.unmerge(merge);
      movePerson(merge.keep, merge.other, merge.quotes);
    },

    async addAlias(key, alias) {
      await settle();
      const id = registry.resolve(key);
      registry.addAlias(id, alias);
      return person(id);
    },

    async retag(articleId, add, remove) {
      await settle();
      const article = find(articleId);
      const gone = new Set(remove.map(cleanTag));
      const tags = new Set([...article.tags.filter((t) => !gone.has(t)), ...add.map(cleanTag)]);
      const updated = { ...article, tags: [...tags].sort() };
      articles.set(article.id, updated);
      return [...updated.tags];
    },

    async listTags() {
      await settle();
      const counts = new Map<string, number>();
      for (const a of articles.values()) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
    },

    async listCollections() {
      await settle();
      return structuredClone([...collections.values()].sort((a, b) => (a.name < b.name ? -1 : 1)));
    },

    async getCollection(idOrName) {
      await settle();
      return structuredClone(collectionOf(idOrName));
    },

    async createCollection(name) {
      await settle();
      return structuredClone(createCollection(name));
    },

    async renameCollection(idOrName, name) {
      await settle();
      const collection = collectionOf(idOrName);
      const clean = collectionName(name);
      if ([...collections.values()].some((c) => c.name === clean && c.id !== collection.id)) {
        throw ipcError('invalid-input', `a collection named ${JSON.stringify(clean)} exists already`);
      }
      const renamed = { ...collection, name: clean };
      collections.set(renamed.id, renamed);
      return structuredClone(renamed);
    },

    async deleteCollection(idOrName) {
      await settle();
      const collection = collectionOf(idOrName);
      collections.delete(collection.id);
      return structuredClone(collection);
    },

    async restoreCollection(collection) {
      await settle();
      return structuredClone(addItems(createCollection(collection.name), collection.items));
    },

    async collect(name, items) {
      await settle();
      const collection = createCollection(name);
      return structuredClone(addItems(collection, resolveItems(items)));
    },

    async uncollect(idOrName, items) {
      await settle();
      const collection = collectionOf(idOrName);
      const gone = resolveItems(items);
      const kept = collection.items.filter((c) => !gone.some((g) => g.article_id === c.article_id && g.quote_id === c.quote_id));
      const updated = { ...collection, items: kept };
      collections.set(updated.id, updated);
      return structuredClone(updated);
    },

    async archiveInfo() {
      await settle();
      return { data_dir: '(browser preview: in memory, nothing is saved)', article_count: articles.size };
    },

    async reindex() {
      const total = articles.size;
      for (let done = 0; done <= total; done++) {
        await settle();
        reindexHandlers.forEach((h) => h({ done, total }));
      }
    },

    async onReindexProgress(handler) {
      reindexHandlers.add(handler);
      const unlisten: Unlisten = () => reindexHandlers.delete(handler);
      return unlisten;
    },

    async onImportProgress(handler) {
      progressHandlers.add(handler);
      const unlisten: Unlisten = () => progressHandlers.delete(handler);
      return unlisten;
    },

    // A browser page is never handed file paths on drop, so the preview has nothing to report.
    async onFileDrag(_handler: (drag: FileDrag) => void) {
      return () => {};
    },
  };
}
