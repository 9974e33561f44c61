// Tests turning facet clicks into query terms and back.

import { describe, expect, it } from 'vitest';
import { facetTerm, hasFacet, toggleFacet } from '../../src/lib/searchQuery';

describe('facet terms', () => {
  it('writes each facet in the query language', () => {
    expect(facetTerm('speaker', 'Cho Han-bum')).toBe('speaker:"Cho Han-bum"');
    expect(facetTerm('publication', 'The "Korea" Times')).toBe('publication:"The Korea Times"');
    expect(facetTerm('year', '2024')).toBe('date:2024');
    expect(facetTerm('language', 'ko')).toBe('lang:ko');
  });

  it('adds a term, and a second click removes it', () => {
    const narrowed = toggleFacet('burden', 'speaker', 'Cho Han-bum');
    expect(narrowed).toBe('burden speaker:"Cho Han-bum"');
    expect(hasFacet(narrowed, 'speaker', 'Cho Han-bum')).toBe(true);
    expect(toggleFacet(narrowed, 'speaker', 'Cho Han-bum')).toBe('burden');
    expect(toggleFacet('', 'year', '2024')).toBe('date:2024');
  });

  it('removes a term from the middle and keeps the rest', () => {
    expect(toggleFacet('a date:2024 lang:en', 'year', '2024')).toBe('a lang:en');
  });

  it('does not mistake a longer term for the facet', () => {
    expect(hasFacet('date:20245', 'year', '2024')).toBe(false);
    expect(hasFacet('(date:2024)', 'year', '2024')).toBe(true);
    expect(toggleFacet('date:20245', 'year', '2024')).toBe('date:20245 date:2024');
  });
});
