// Tests the split of search snippets into plain and highlighted runs.

import { describe, expect, it } from 'vitest';
import { splitHighlights } from '../../src/lib/text/marks';

const show = (runs: ReturnType<typeof splitHighlights>) => runs.map((r) => (r.mark ? `[${r.text}]` : r.text)).join('');

describe('splitHighlights', () => {
  it('marks each span', () => {
    expect(show(splitHighlights('quite a burden for China', [{ start: 8, end: 14 }, { start: 19, end: 24 }]))).toBe(
      'quite a [burden] for [China]',
    );
  });

  it('merges overlapping spans and ignores ones out of range', () => {
    const runs = splitHighlights('abcdef', [
      { start: 1, end: 3 },
      { start: 2, end: 4 },
      { start: 9, end: 12 },
    ]);
    expect(show(runs)).toBe('a[bcd]ef');
  });

  it('returns the text unmarked without spans', () => {
    expect(splitHighlights('plain', [])).toEqual([{ text: 'plain', mark: false }]);
  });

  it('counts chars, not UTF-16 units', () => {
    expect(show(splitHighlights('😀 burden', [{ start: 2, end: 8 }]))).toBe('😀 [burden]');
  });
});
