// Tests the words shown for metadata origins and similarity, and the reader's page-start labels.

import { describe, expect, it } from 'vitest';
import { originLabel, percent } from '../../src/lib/labels';
import { pageStarts } from '../../src/lib/text/pages';

describe('originLabel', () => {
  it('rewords the origins people should not have to decode', () => {
    expect(originLabel('user')).toBe('you');
    expect(originLabel('detected')).toBe('detected');
    expect(originLabel('clip title line')).toBe('from the clip’s title line');
    expect(originLabel('dateline')).toBe('from the dateline');
  });

  it('spells format names properly and keeps the detail after them', () => {
    expect(originLabel('json-ld')).toBe('from JSON-LD');
    expect(originLabel('json-ld NewsArticle')).toBe('from JSON-LD NewsArticle');
    expect(originLabel('pdf info CreationDate')).toBe('from PDF info CreationDate');
    expect(originLabel('bibtex')).toBe('from BibTeX');
  });

  it('shows an unknown origin as recorded', () => {
    expect(originLabel('meta citation_date')).toBe('from meta citation_date');
    expect(originLabel('og:site_name')).toBe('from og:site_name');
    expect(originLabel('application/x-research-info-systems')).toBe('from application/x-research-info-systems');
  });
});

describe('percent', () => {
  it('rounds a share to a whole percentage', () => {
    expect(percent(0.874)).toBe('87%');
    expect(percent(1)).toBe('100%');
  });
});

describe('pageStarts', () => {
  it('labels the first paragraph and each one that starts a new page', () => {
    expect(pageStarts([1, 1, 2, 2, 2, 4])).toEqual([1, null, 2, null, null, 4]);
  });

  it('labels nothing for unpaged text', () => {
    expect(pageStarts([])).toEqual([]);
  });
});
