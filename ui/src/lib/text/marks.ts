// Splits a search snippet into plain and highlighted runs from the backend's char spans.
//
// The runs are rendered as text nodes inside <mark> elements, never as HTML, because snippets
// come from imported (untrusted) articles.

import type { Span } from '../../ipc/bindings/Span';
import { charIndex, charLength } from './chars';

export interface Run {
  text: string;
  mark: boolean;
}

export function splitHighlights(text: string, highlights: readonly Span[]): Run[] {
  const length = charLength(text);
  const spans = highlights
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const toUnit = charIndex(text);
  const runs: Run[] = [];
  let at = 0;
  for (const span of spans) {
    // Overlapping spans merge into the run already open.
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) runs.push({ text: text.slice(toUnit(at), toUnit(start)), mark: false });
    const piece = text.slice(toUnit(start), toUnit(span.end));
    const last = runs[runs.length - 1];
    if (last?.mark && start === at) last.text += piece;
    else runs.push({ text: piece, mark: true });
    at = span.end;
  }
  if (at < length || runs.length === 0) {
    runs.push({ text: text.slice(toUnit(at)), mark: false });
  }
  return runs;
}
