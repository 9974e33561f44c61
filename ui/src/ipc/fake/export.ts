// The fake backend's exports: a selection as BibTeX, BibLaTeX, RIS, CSL-JSON or Markdown, shaped
// as the Rust side writes them, far enough for previews and tests (not a second implementation).

import type { Article } from '../bindings/Article';
import type { CslName } from '../bindings/CslName';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { MissingFields } from '../bindings/MissingFields';
import type { StoredQuote } from '../bindings/StoredQuote';
import { ipcError } from '../errors';

export interface Selected {
  articles: Article[];
  quotes: [Article, StoredQuote][];
  /** The selection's own pinpoints ("paragraph:9"), by article or quote id. */
  locators: Record<string, string>;
}

/** "paragraph:9" → "para. 9", as the styles print it. */
export function locatorText(locator: string): string {
  const [label, value] = locator.split(':', 2) as [string, string | undefined];
  if (!value?.trim()) throw ipcError('invalid-input', `invalid locator "${locator}": write LABEL:VALUE, e.g. paragraph:9 or page:3`);
  return `${label === 'page' ? 'p.' : label === 'paragraph' ? 'para.' : label} ${value.trim()}`;
}

/** Where a quote is cited: the selection's pinpoint for it, else its page or paragraph. */
export function quoteAt(selected: Selected, article: Article, quote: StoredQuote): string {
  const own = selected.locators[quote.id];
  if (own !== undefined) return locatorText(own);
  const page = article.pages[quote.paragraph];
  return page === undefined ? `para. ${quote.paragraph + 1}` : `p. ${page}`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');

/** `chosun2024quite`: first author's family name (or the publication), year, first title word. */
export function citekey(article: Article): string {
  const meta = article.source;
  const first = meta.author?.[0];
  const who = first?.family ?? first?.literal ?? meta['container-title'] ?? 'anon';
  const year = meta.issued?.['date-parts'][0]?.[0]?.toString() ?? 'nd';
  const word = (meta.title ?? article.title).split(/\s+/).find((w) => w.length > 3) ?? 'untitled';
  const clean = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
  return `${clean(who)}${year}${clean(word)}`;
}

export function missingFields(articles: Article[]): MissingFields[] {
  return articles
    .filter((a) => a.missing.length > 0)
    .map((a) => ({ article_id: a.id, citekey: citekey(a), title: a.title, missing: [...a.missing] }));
}

const names = (ns: CslName[] | null | undefined): string =>
  (ns ?? []).map((n) => (n.literal ? `{${n.literal}}` : [n.family, n.given].filter(Boolean).join(', '))).join(' and ');

function isoDate(article: Article): string | null {
  const parts = article.source.issued?.['date-parts'][0];
  return parts ? parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-') : null;
}

function bibtex(a: Article, latex: boolean): string {
  const meta = a.source;
  const fields: [string, string | null | undefined][] = [
    ['author', names(meta.author) || null],
    ['title', meta.title ?? a.title],
    [latex ? 'journaltitle' : 'journal', meta['container-title']],
    latex ? ['date', isoDate(a)] : ['year', meta.issued?.['date-parts'][0]?.[0]?.toString()],
    ['url', meta.URL],
    ['langid', a.language],
  ];
  const body = fields.filter(([, v]) => v).map(([k, v]) => `  ${k} = {${v}},`);
  return `@${latex ? 'article' : 'article'}{${citekey(a)},\n${body.join('\n')}\n}`;
}

function ris(a: Article): string {
  const meta = a.source;
  const lines = ['TY  - NEWS', `TI  - ${meta.title ?? a.title}`];
  for (const n of meta.author ?? []) lines.push(`AU  - ${n.literal ?? [n.family, n.given].filter(Boolean).join(', ')}`);
  if (meta['container-title']) lines.push(`T2  - ${meta['container-title']}`);
  const date = isoDate(a);
  if (date) lines.push(`DA  - ${date.replaceAll('-', '/')}`);
  if (meta.URL) lines.push(`UR  - ${meta.URL}`);
  lines.push(`ID  - ${citekey(a)}`, 'ER  - ');
  return lines.join('\n');
}

export function exportText(selected: Selected, format: ExportFormat, cite: (a: Article) => string): string {
  const { articles, quotes } = selected;
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return articles.map((a) => bibtex(a, format === 'biblatex')).join('\n\n') + '\n';
    case 'ris':
      return articles.map(ris).join('\n\n') + '\n';
    case 'csl-json':
      return JSON.stringify(articles.map((a) => ({ ...a.source, id: citekey(a) })), null, 2) + '\n';
    case 'markdown':
      return quotes.map(([a, q]) => `> ${q.text}\n\n— ${q.speaker} [@${citekey(a)}, ${quoteAt(selected, a, q)}]\n`).join('\n');
    case 'markdown-notes':
      return quotes.map(([a, q]) => `> ${q.text}\n\n— ${q.speaker}. ${cite(a)}\n`).join('\n');
    case 'html': {
      const body = [
        ...quotes.map(([a, q]) => `<blockquote><p>“${escapeHtml(q.text)}”</p></blockquote>\n<p>— ${escapeHtml(q.speaker)}. ${escapeHtml(cite(a))}, ${quoteAt(selected, a, q)}.</p>`),
        ...articles.map((a) => `<p>${escapeHtml(cite(a))}</p>`),
      ];
      return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Citations</title>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
    }
  }
}
