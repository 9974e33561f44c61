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
