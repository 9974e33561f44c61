// Tests the mapping of reader selections to the backend's char offsets, and the quoted words.

import { describe, expect, it } from 'vitest';
import { quotedSpan } from '../../src/lib/text/quoteSpan';
import { innerSpan, spanBetween, unitsToChars } from '../../src/lib/text/selection';

// U+2070E (a rare Han character) and an emoji: two UTF-16 units each, one char each for Rust.
const HAN = '𠜎';
const EMOJI = '😀';

describe('unitsToChars', () => {
  it('counts BMP text one for one', () => {
    expect(unitsToChars('Cho said', 3, 'down')).toBe(3);
    expect(unitsToChars('조한범 said', 3, 'up')).toBe(3);
  });

  it('counts a surrogate pair as one char', () => {
    const text = `${HAN}${EMOJI} said`;
    expect(text.length).toBe(9);
    expect(unitsToChars(text, 2, 'down')).toBe(1);
    expect(unitsToChars(text, 4, 'down')).toBe(2);
    expect(unitsToChars(text, 9, 'up')).toBe(7);
  });

  it('moves a boundary inside a pair outward: a start keeps the char, an end keeps it too', () => {
    const text = `a${EMOJI}b`;
    expect(unitsToChars(text, 2, 'down')).toBe(1);
    expect(unitsToChars(text, 2, 'up')).toBe(2);
  });

  it('clamps units outside the text', () => {
    expect(unitsToChars('abc', 99, 'up')).toBe(3);
    expect(unitsToChars('abc', -4, 'down')).toBe(0);
  });
});

describe('spanBetween', () => {
  const first = `${HAN} opened.`;
  const second = `${EMOJI}“Treaty,” Cho said.`;
  // As stored: paragraphs joined by a blank line; the second starts at char 10 + 2.
  const firstChars = Array.from(first).length;
  const secondStart = firstChars + 2;

  it('maps a selection inside one paragraph past a non-BMP char', () => {
    const unit = second.indexOf('Treaty');
    const span = spanBetween(
      { text: second, start: secondStart, units: unit },
      { text: second, start: secondStart, units: unit + 'Treaty'.length },
    );
    const article = Array.from(`${first}\n\n${second}`);
    expect(span).not.toBeNull();
    expect(article.slice(span!.start, span!.end).join('')).toBe('Treaty');
  });

  it('maps a selection running over two paragraphs', () => {
    const span = spanBetween({ text: first, start: 0, units: first.indexOf('opened') }, { text: second, start: secondStart, units: 3 });
    expect(span).toEqual({ start: 2, end: secondStart + 2 });
  });

  it('gives null for a selection holding no char', () => {
    expect(spanBetween({ text: first, start: 0, units: 2 }, { text: first, start: 0, units: 2 })).toBeNull();
  });
});

describe('innerSpan', () => {
  const chars = Array.from(`He said “quite a burden” ${EMOJI} there.`);
  const at = (s: string) => chars.join('').indexOf(s);

  it('drops edge spaces and the quotation marks around the words', () => {
    const start = Array.from(chars.join('').slice(0, at(' “quite'))).length;
    const end = Array.from(chars.join('').slice(0, at('” ') + 2)).length;
    const span = innerSpan(chars, { start, end });
    expect(chars.slice(span!.start, span!.end).join('')).toBe('quite a burden');
  });

  it('keeps a closing mark that opens nothing', () => {
    const span = innerSpan(chars, { start: 8, end: 24 });
    expect(chars.slice(span!.start, span!.end).join('')).toBe('quite a burden');
    const plain = innerSpan(chars, { start: 0, end: 7 });
    expect(chars.slice(plain!.start, plain!.end).join('')).toBe('He said');
  });

  it('gives null for blanks only', () => {
    expect(innerSpan(chars, { start: 2, end: 3 })).toBeNull();
  });
});

describe('quotedSpan', () => {
  const paragraphs = [`“China is ${HAN} trying.`, '“North Korea disagrees.”'];
  const text = paragraphs.join('\n\n');
  const chars = Array.from(text);
  const spans = [
    { start: 0, end: Array.from(paragraphs[0]!).length },
    { start: Array.from(paragraphs[0]!).length + 2, end: chars.length },
  ];

  it('joins the pieces of each paragraph with one space, as the backend stores them', () => {
    const quoted = quotedSpan(chars, spans, { start: 1, end: chars.length - 1 });
    expect(quoted).toEqual({ text: `China is ${HAN} trying. “North Korea disagrees.`, paragraph: 0, start: 1, end: chars.length - 1 });
  });

  it('narrows the span to its words and starts at the first paragraph with any', () => {
    const gapStart = spans[0]!.end;
    const quoted = quotedSpan(chars, spans, { start: gapStart, end: spans[1]!.start + 6 });
    expect(quoted).toEqual({ text: '“North', paragraph: 1, start: spans[1]!.start, end: spans[1]!.start + 6 });
  });

  it('gives null when the span covers only the gap between paragraphs', () => {
    expect(quotedSpan(chars, spans, { start: spans[0]!.end, end: spans[1]!.start })).toBeNull();
  });
});
