// Maps a text selection in the reader to char offsets of the article text.
//
// The reader renders each paragraph as one <p data-start data-end> holding text nodes and quote
// <span>s, whose text is exactly the article's chars start..end. A DOM boundary point is found as
// the UTF-16 length of the paragraph text before it; the backend counts Unicode scalar values,
// so that length is converted, and a boundary that splits a surrogate pair is moved outward so
// the selection keeps the whole character.

import type { Span } from '../../ipc/bindings/Span';

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/**
 * The number of chars in the first `units` UTF-16 units of `text`. At a split surrogate pair,
 * 'down' leaves the broken char out (a start) and 'up' keeps it (an end).
 */
export function unitsToChars(text: string, units: number, round: 'down' | 'up'): number {
  const at = Math.max(0, Math.min(units, text.length));
  let chars = 0;
  for (let i = 0; i < at; i++) {
    // The low half of a pair adds nothing: the pair was counted at its high half.
    if (isHighSurrogate(text.charCodeAt(i))) {
      if (i + 1 === at && round === 'down') return chars;
      i++;
    }
    chars++;
  }
  return chars;
}

/** One end of a selection: `units` UTF-16 units into a paragraph starting at char `start`. */
export interface Boundary {
  /** The paragraph's text as rendered. */
  text: string;
  /** Char offset of the paragraph in the article text. */
  start: number;
  units: number;
}

/** The article span between two boundaries, or null when it holds no char. */
export function spanBetween(from: Boundary, to: Boundary): Span | null {
  const start = from.start + unitsToChars(from.text, from.units, 'down');
  const end = to.start + unitsToChars(to.text, to.units, 'up');
  return end > start ? { start, end } : null;
}

const OPENING_MARKS = '“"‘«「『„';
const CLOSING_MARKS = '”"’»」』“';

/**
 * Narrows a span of `chars` to its words and, when it opens with a quotation mark, drops that
 * mark and the one closing it: extracted quotes hold the quoted words without their marks, and a
 * hand-made one should read the same. Null when nothing is left.
 */
export function innerSpan(chars: readonly string[], span: Span): Span | null {
  let { start, end } = span;
  const blank = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  while (start < end && blank(chars[start])) start++;
  while (end > start && blank(chars[end - 1])) end--;
  if (start < end && OPENING_MARKS.includes(chars[start] ?? '')) {
    start++;
    if (end > start && CLOSING_MARKS.includes(chars[end - 1] ?? '')) end--;
  }
  return end > start ? { start, end } : null;
}
