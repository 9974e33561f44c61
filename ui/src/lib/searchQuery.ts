// Facets as query terms: a click on a facet value adds `speaker:"X"`, `publication:"X"`,
// `date:YYYY` or `lang:xx` to the query, and a second click takes it out again.

import type { Facets } from '../ipc/bindings/Facets';

export type FacetName = keyof Facets;

export const FACETS: { name: FacetName; label: string }[] = [
  { name: 'speaker', label: 'Speaker' },
  { name: 'publication', label: 'Publication' },
  { name: 'year', label: 'Year' },
  { name: 'language', label: 'Language' },
];

/** The query term that narrows to one facet value. */
export function facetTerm(facet: FacetName, value: string): string {
  switch (facet) {
    case 'speaker':
      return `speaker:${quoted(value)}`;
    case 'publication':
      return `publication:${quoted(value)}`;
    case 'year':
      return `date:${value}`;
    case 'language':
      return `lang:${value}`;
  }
}

/** A phrase in the query language: double quotes, inner ones dropped (they cannot be escaped). */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '')}"`;
}

/** Where the term stands in the query as a whole term (not part of a longer one), or -1. */
function termAt(query: string, term: string): number {
  let from = 0;
  for (;;) {
    const at = query.indexOf(term, from);
    if (at < 0) return -1;
    const before = at === 0 ? ' ' : query[at - 1]!;
    const after = query[at + term.length] ?? ' ';
    if (/[\s(]/.test(before) && /[\s)]/.test(after)) return at;
    from = at + 1;
  }
}

export function hasFacet(query: string, facet: FacetName, value: string): boolean {
  return termAt(query, facetTerm(facet, value)) >= 0;
}

/** Adds the facet's term to the query, or removes it if it is there. */
export function toggleFacet(query: string, facet: FacetName, value: string): string {
  const term = facetTerm(facet, value);
  const at = termAt(query, term);
  if (at < 0) return query.trim() === '' ? term : `${query.trimEnd()} ${term}`;
  return `${query.slice(0, at)}${query.slice(at + term.length)}`.replace(/\s{2,}/g, ' ').trim();
}

/** The date range a query narrows to, as the user typed its ends; '' for an open end. */
export interface DateRange {
  from: string;
  to: string;
}

/** A `date:` term standing alone in the query (not inside a phrase). */
const DATE_TERM = /(^|[\s(])date:([^\s()"]*)(?=$|[\s)])/;

/** The range of the query's first `date:` term: `date:2024` is 2024 to 2024, `date:..2023` has no start. */
export function dateRangeOf(query: string): DateRange {
  const value = DATE_TERM.exec(query)?.[2];
  if (value === undefined) return { from: '', to: '' };
  const at = value.indexOf('..');
  return at < 0 ? { from: value, to: value } : { from: value.slice(0, at), to: value.slice(at + 2) };
}

/**
 * The query with its `date:` term set to the range (or taken out, both ends empty). The text
 * goes to the query parser as typed: a malformed date gets the parser's error, not ours.
 */
export function withDateRange(query: string, range: DateRange): string {
  const [from, to] = [range.from.trim(), range.to.trim()];
  const term = from === '' && to === '' ? '' : from === to ? `date:${from}` : `date:${from}..${to}`;
  const match = DATE_TERM.exec(query);
  if (!match) return term === '' ? query : query.trim() === '' ? term : `${query.trimEnd()} ${term}`;
  const start = match.index + match[1]!.length;
  const replaced = `${query.slice(0, start)}${term}${query.slice(start + match[0].length - match[1]!.length)}`;
  return replaced.replace(/\s{2,}/g, ' ').trim();
}
