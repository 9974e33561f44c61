// Tests the library's filter and sort, the people filter, and import report helpers.

import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/ipc/bindings/ArticleSummary';
import type { PersonSummary } from '../../src/ipc/bindings/PersonSummary';
import { failedOutcome, failureReason, reportCounts, reportOf } from '../../src/lib/imports';
import { filterArticles, sortArticles } from '../../src/lib/library';
import { filterPersons, quoteCounts } from '../../src/lib/people';

function article(id: string, fields: Partial<ArticleSummary>): ArticleSummary {
  return { id, title: id, publication: null, date: null, language: 'en', quote_count: 0, missing: [], tags: [], imported_at: '2024-07-01T00:00:00Z', ...fields };
}

const rows = [
  article('a', { title: 'Putin in Pyongyang', publication: 'Yonhap', date: '2024-06-19', tags: ['treaty'], imported_at: '2024-07-03T00:00:00Z' }),
  article('b', { title: 'Satellite switch', publication: 'South China Morning Post', date: null, tags: ['satellite', 'treaty'], imported_at: '2024-07-05T00:00:00Z' }),
  article('c', { title: 'Économie de Séoul', publication: null, date: '2024-07-10', imported_at: '2024-07-01T00:00:00Z' }),
  article('d', { title: 'report 10', publication: 'Yonhap', date: '2024-07', imported_at: '2024-07-02T00:00:00Z' }),
];
const ids = (list: ArticleSummary[]) => list.map((a) => a.id);

describe('sortArticles', () => {
  it('puts the newest first by import and by publication date, undated last', () => {
    expect(ids(sortArticles(rows, 'imported'))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(sortArticles(rows, 'date'))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('orders titles as people read them: case and accents aside, numbers by value', () => {
    expect(ids(sortArticles(rows, 'title'))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('groups by publication, newest first within one, unknown publications last', () => {
    expect(ids(sortArticles(rows, 'publication'))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('leaves the input as it was', () => {
    sortArticles(rows, 'title');
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('filterArticles', () => {
  it('keeps every row for no words and no tag', () => {
    expect(filterArticles(rows, '  ', null)).toBe(rows);
  });

  it('needs every word in the title, publication or tags, blind to case and accents', () => {
    expect(ids(filterArticles(rows, 'seoul', null))).toEqual(['c']);
    expect(ids(filterArticles(rows, 'yonhap PYONG', null))).toEqual(['a']);
    expect(ids(filterArticles(rows, 'satellite', null))).toEqual(['b']);
  });

  it('narrows to a tag, then to the words', () => {
    expect(ids(filterArticles(rows, '', 'treaty'))).toEqual(['a', 'b']);
    expect(ids(filterArticles(rows, 'morning', 'treaty'))).toEqual(['b']);
    expect(ids(filterArticles(rows, '', 'none'))).toEqual([]);
  });
});

describe('people', () => {
  const persons: PersonSummary[] = [
    { id: '1', name: 'Cho Han-bum', aliases: ['조한범'], quote_count: 3, article_count: 1, latest: null },
    { id: '2', name: 'Kang Jun-young', aliases: [], quote_count: 1, article_count: 2, latest: '2024-07-10' },
  ];

  it('filters by any name or alias', () => {
    expect(filterPersons(persons, 'han').map((p) => p.id)).toEqual(['1']);
    expect(filterPersons(persons, '조한').map((p) => p.id)).toEqual(['1']);
    expect(filterPersons(persons, '')).toBe(persons);
  });

  it('counts quotes and articles in words', () => {
    expect(quoteCounts(persons[0]!)).toBe('3 quotes in 1 article');
    expect(quoteCounts(persons[1]!)).toBe('1 quote in 2 articles');
  });
});

describe('import reports', () => {
  it('counts the outcomes of files imported one by one', () => {
    const report = reportOf([
      { path: 'a.txt', status: 'imported', article_id: 'x', title: 'A', error: null },
      { path: 'a copy.txt', status: 'duplicate', article_id: 'x', title: 'A', error: null },
      failedOutcome('b.pdf', 'b.pdf: the file looks binary, not text (byte 3 is a control byte)'),
    ]);
    expect([report.imported, report.enriched, report.duplicates, report.failed]).toEqual([1, 0, 1, 1]);
    expect(reportCounts(report)).toBe('1 imported, 1 duplicate, 1 failed');
  });

  it('shows why a file failed without the path the backend puts first', () => {
    expect(failureReason(failedOutcome('/tmp/b.pdf', '/tmp/b.pdf: not a PDF'))).toBe('not a PDF');
    expect(failureReason(failedOutcome('b.pdf', 'background task failed'))).toBe('background task failed');
  });
});
