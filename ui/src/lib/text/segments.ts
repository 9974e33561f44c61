// Cuts an article's paragraphs into runs of text, each tagged with the quotes that cover it.
//
// Pure so the reader's highlighting can be tested without a DOM. Quotes may nest ("quite a
// burden" inside the sentence reporting it) and may run over several paragraphs, so a run is
// tagged with every covering quote, outermost first, and with whether the words of a quote being
// made cover it.

import type { Span } from '../../ipc/bindings/Span';
import { charIndex } from './chars';

/** Where a quote sits in the article text, in char offsets. */
export interface QuoteRange {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** Char offsets of this run in the article text. */
  start: number;
  end: number;
  /** Ids of the quotes covering the run, outermost (longest) first, innermost last. */
  quotes: string[];
  /** Inside the words a new quote, not yet saved, is about to hold. */
  pending: boolean;
}

export interface ParagraphSegments {
  /** 0-based paragraph index: the locator is this plus one. */
  index: number;
  /** Char offsets of the paragraph in the article text. */
  start: number;
  end: number;
  segments: Segment[];
}

export function segmentParagraphs(
  text: string,
  paragraphs: readonly Span[],
  quotes: readonly QuoteRange[],
  pending: Span | null = null,
): ParagraphSegments[] {
  const toUnit = charIndex(text);
  const valid = quotes.filter((q) => q.end > q.start);
  return paragraphs.map((para, index) => {
    const inside = valid.filter((q) => q.start < para.end && q.end > para.start);
    const cuts = new Set<number>([para.start, para.end]);
    for (const q of pending ? [...inside, pending] : inside) {
      if (q.end <= para.start || q.start >= para.end) continue;
      cuts.add(Math.max(q.start, para.start));
      cuts.add(Math.min(q.end, para.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      const covering = inside
        .filter((q) => q.start <= start && q.end >= end)
        .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      segments.push({
        text: text.slice(toUnit(start), toUnit(end)),
        start,
        end,
        quotes: covering.map((q) => q.id),
        pending: pending !== null && pending.start <= start && pending.end >= end,
      });
    }
    return { index, start: para.start, end: para.end, segments };
  });
}
