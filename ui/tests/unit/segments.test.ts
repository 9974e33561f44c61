// Tests the pure quote-highlighting segmentation the reader renders from.

import { describe, expect, it } from 'vitest';
import { segmentParagraphs } from '../../src/lib/text/segments';

/** Paragraph spans for `paras` joined by a blank line, as char offsets. */
function layout(paras: string[]) {
  let at = 0;
  const spans = paras.map((p) => {
    const span = { start: at, end: at + Array.from(p).length };
    at = span.end + 2;
    return span;
  });
  return { text: paras.join('\n\n'), spans };
}

const runs = (result: ReturnType<typeof segmentParagraphs>) =>
  result.map((p) => p.segments.map((s) => [s.text, s.quotes.join('+')]));

describe('segmentParagraphs', () => {
  it('leaves a paragraph without quotes whole', () => {
    const { text, spans } = layout(['No one spoke.']);
    expect(runs(segmentParagraphs(text, spans, []))).toEqual([[['No one spoke.', '']]]);
  });

  it('cuts a paragraph around a quote', () => {
    const { text, spans } = layout(['He said “yes” twice.']);
    const q = { id: 'a', start: 9, end: 12 };
    expect(runs(segmentParagraphs(text, spans, [q]))).toEqual([
      [
        ['He said “', ''],
        ['yes', 'a'],
        ['” twice.', ''],
      ],
    ]);
  });

  it('tags nested quotes outermost first', () => {
    const { text, spans } = layout(['Cho said it was “quite a burden” for China.']);
    const outer = { id: 'outer', start: 9, end: 42 };
    const inner = { id: 'inner', start: 17, end: 31 };
    expect(runs(segmentParagraphs(text, spans, [inner, outer]))).toEqual([
      [
        ['Cho said ', ''],
        ['it was “', 'outer'],
        ['quite a burden', 'outer+inner'],
        ['” for China', 'outer'],
        ['.', ''],
      ],
    ]);
  });

  it('splits a quote running over paragraphs and skips the gap between them', () => {
    const { text, spans } = layout(['“First part.', '“Second part.”']);
    const q = { id: 'q', start: 1, end: spans[1]!.end - 1 };
    expect(runs(segmentParagraphs(text, spans, [q]))).toEqual([
      [
        ['“', ''],
        ['First part.', 'q'],
      ],
      [
        ['“Second part.', 'q'],
        ['”', ''],
      ],
    ]);
  });

  it('counts offsets in chars, not UTF-16 units, past astral characters', () => {
    // 𠀀 (U+20000) is one char in Rust but two units in JavaScript.
    const { text, spans } = layout(['𠀀 said “hi”.']);
    const q = { id: 'q', start: 8, end: 10 };
    expect(runs(segmentParagraphs(text, spans, [q]))[0]).toEqual([
      ['𠀀 said “', ''],
      ['hi', 'q'],
      ['”.', ''],
    ]);
  });

  it('ignores empty quotes and quotes outside every paragraph', () => {
    const { text, spans } = layout(['Alpha.', 'Beta.']);
    const quotes = [
      { id: 'empty', start: 2, end: 2 },
      { id: 'gap', start: 6, end: 8 },
    ];
    expect(runs(segmentParagraphs(text, spans, quotes))).toEqual([[['Alpha.', '']], [['Beta.', '']]]);
  });

  it('keeps the 0-based index that the ¶ locator is built from', () => {
    const { text, spans } = layout(['One.', 'Two.', 'Three.']);
    expect(segmentParagraphs(text, spans, []).map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('marks the words of a quote being made, across paragraphs and through a stored quote', () => {
    const { text, spans } = layout(['He said “yes” twice.', 'Then no.']);
    const q = { id: 'a', start: 9, end: 12 };
    const result = segmentParagraphs(text, spans, [q], { start: 3, end: 27 });
    const pending = result.map((p) => p.segments.map((s) => [s.text, s.quotes.join('+'), s.pending]));
    expect(pending).toEqual([
      [
        ['He ', '', false],
        ['said “', '', true],
        ['yes', 'a', true],
        ['” twice.', '', true],
      ],
      [
        ['Then ', '', true],
        ['no.', '', false],
      ],
    ]);
    expect(result.map((p) => [p.start, p.end])).toEqual([[0, 20], [22, 30]]);
  });
});
