// The words a span of an article quotes, as the backend stores them: the chars of each
// paragraph the span covers, trimmed and joined by one space (how a quote running over several
// paragraphs reads). Used to preview a quote before it is saved, and by the fake backend.

import type { Span } from '../../ipc/bindings/Span';

export interface QuotedSpan {
  text: string;
  /** 0-based paragraph where the quote starts. */
  paragraph: number;
  /** The span narrowed to the words it holds. */
  start: number;
  end: number;
}

/** Null when the span holds no text of any paragraph. `chars` is the article text as chars. */
export function quotedSpan(chars: readonly string[], paragraphs: readonly Span[], span: Span): QuotedSpan | null {
  const pieces: string[] = [];
  let first: number | null = null;
  paragraphs.forEach((p, n) => {
    const start = Math.max(span.start, p.start);
    const end = Math.min(span.end, p.end);
    if (start >= end) return;
    const piece = chars.slice(start, end).join('').trim();
    if (piece === '') return;
    first ??= n;
    pieces.push(piece);
  });
  if (first === null) return null;
  let { start, end } = span;
  while (start < end && /\s/u.test(chars[start] ?? '')) start++;
  while (end > start && /\s/u.test(chars[end - 1] ?? '')) end--;
  return { text: pieces.join(' '), paragraph: first, start, end };
}
