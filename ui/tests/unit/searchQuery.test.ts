// Tests turning facet clicks into query terms and back.

import { describe, expect, it } from 'vitest';
import { dateRangeOf, facetTerm, hasFacet, toggleFacet, withDateRange } from '../../src/lib/searchQuery';

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

describe('date range terms', () => {
  it('reads a query’s date term as from and to, open ends empty', () => {
    expect(dateRangeOf('burden')).toEqual({ from: '', to: '' });
    expect(dateRangeOf('burden date:2024')).toEqual({ from: '2024', to: '2024' });
    expect(dateRangeOf('date:2024-06..2024-07-15 burden')).toEqual({ from: '2024-06', to: '2024-07-15' });
    expect(dateRangeOf('(date:..2023 OR x)')).toEqual({ from: '', to: '2023' });
    expect(dateRangeOf('"date:2024" inside a phrase')).toEqual({ from: '', to: '' });
  });

  it('writes the range into the query, replacing its date term, and takes it out when empty', () => {
    expect(withDateRange('burden', { from: '2024', to: '' })).toBe('burden date:2024..');
    expect(withDateRange('', { from: '', to: '2023-12' })).toBe('date:..2023-12');
    expect(withDateRange('burden date:2024.. lang:en', { from: '2023', to: '2024-06' })).toBe('burden date:2023..2024-06 lang:en');
    expect(withDateRange('burden date:2023..2024', { from: ' 2024 ', to: '2024' })).toBe('burden date:2024');
    expect(withDateRange('burden date:2024 lang:en', { from: '', to: '' })).toBe('burden lang:en');
  });

  it('passes what was typed on as typed: the parser judges it', () => {
    expect(withDateRange('x', { from: '2024-13', to: 'soon' })).toBe('x date:2024-13..soon');
  });
});
