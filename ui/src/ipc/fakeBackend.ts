// An in-memory Backend for unit tests and the browser preview (no Tauri): same calls, same
// shapes, same kinds of rejection, over the sample article. It imitates the Rust side only as
// far as the UI needs; it is not a second implementation of search or citation.

import type { Backend, FileDrag, Unlisten } from './backend';
import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { Citation } from './bindings/Citation';
import type { CslDate } from './bindings/CslDate';
import type { CslName } from './bindings/CslName';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { MetaPatch } from './bindings/MetaPatch';
import type { SearchHit } from './bindings/SearchHit';
import type { SourceMeta } from './bindings/SourceMeta';
import type { Span } from './bindings/Span';
import type { StyleInfo } from './bindings/StyleInfo';
import { ipcError } from './errors';
import { SAMPLE_PATH, type SampleContent, sampleContent, syndicatedCopy } from './fake/sample';

export interface FakeOptions {
  /** How long the first citation in each style takes, as the real engine warms up (ms). */
  firstCiteDelayMs?: number;
  /** Delay of every other call (ms), so spinners and races can be seen. */
  latencyMs?: number;
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

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
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

/** A plausible rendering for the preview; the real one comes from CSL styles in Rust. */
function renderCitation(article: Article, style: string): Citation {
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
  return { article_id: article.id, style, citation, bibliography, missing: [...article.missing] };
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

export function createFakeBackend(options: FakeOptions = {}): Backend {
  const { firstCiteDelayMs = 0, latencyMs = 0 } = options;
  const articles = new Map<string, Article>();
  /** Similarity links by article id, kept both ways; titles are looked up when an article is read. */
  const links = new Map<string, Map<string, number>>();
  const warmStyles = new Set<string>();
  const progressHandlers = new Set<(p: ImportProgress) => void>();
  let nextId = 1;

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

  function find(id: string): Article {
    const article = articles.get(id);
    if (!article) throw ipcError('not-found', `No article with id ${id} in the archive.`);
    return article;
  }

  /** The article as the backend returns it: a copy, with its similar articles' current titles. */
  function present(a: Article): Article {
    const similar = [...(links.get(a.id) ?? [])]
      .map(([id, share]) => ({ id, title: find(id).title, similarity: share }))
      .sort((x, y) => y.similarity - x.similarity);
    return structuredClone({ ...a, similar });
  }

  /** Stores an extracted article and links it to the ones whose text is much the same. */
  function add(content: SampleContent, sha256: string): Article {
    const id = `fake-${nextId++}`;
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
      quotes: content.quotes.map((q, i) => ({
        id: `${id}-q${i + 1}`,
        ...q,
        review: 'unreviewed',
        person_id: null,
        names: [q.speaker],
      })),
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
      return [...articles.values()].map(summary);
    },

    async getArticle(id) {
      await settle();
      return present(find(id));
    },

    async searchArchive(query) {
      await settle();
      const terms = query.toLowerCase().split(/\s+/).filter((t) => t.length > 0);
      if (terms.length === 0) return { total: 0, hits: [] };
      const hits: SearchHit[] = [];
      for (const a of articles.values()) {
        const base = {
          article_id: a.id,
          title: a.title,
          publication: a.source['container-title'] ?? null,
          date: isoDate(a.source.issued),
        };
        const haystack = `${a.title}\n${a.text}`;
        const spans = matchSpans(haystack, terms);
        if (terms.every((t) => haystack.toLowerCase().includes(t))) {
          hits.push({ ...base, kind: 'article', ...snippetAround(haystack, spans), score: spans.length });
        }
        for (const q of a.quotes) {
          if (!terms.every((t) => q.text.toLowerCase().includes(t))) continue;
          const qSpans = matchSpans(q.text, terms);
          hits.push({ ...base, kind: 'quote', ...snippetAround(q.text, qSpans, 140), score: qSpans.length + 1, quote_id: q.id, speaker: q.speaker, text: q.text });
        }
      }
      hits.sort((x, y) => y.score - x.score);
      return { total: hits.length, hits };
    },

    async listStyles() {
      await settle();
      return STYLES.map((s) => ({ ...s }));
    },

    async citeArticle(id, style) {
      const article = find(id);
      if (!STYLES.some((s) => s.name === style)) {
        throw ipcError('unknown-style', `No citation style named “${style}”.`);
      }
      await (warmStyles.has(style) ? settle() : sleep(firstCiteDelayMs));
      warmStyles.add(style);
      return renderCitation(article, style);
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

    async archiveInfo() {
      await settle();
      return { data_dir: '(browser preview: in memory, nothing is saved)', article_count: articles.size };
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
