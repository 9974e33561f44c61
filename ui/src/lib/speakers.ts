// Gives each speaker of an article a stable colour slot, in order of first appearance.

import type { StoredQuote } from '../ipc/bindings/StoredQuote';

/** How many distinct quote colours the stylesheet defines (--speaker-0 … --speaker-7). */
export const PALETTE_SIZE = 8;

export interface SpeakerEntry {
  speaker: string;
  slot: number;
  count: number;
  firstQuoteId: string;
}

export function speakerLegend(quotes: readonly StoredQuote[]): SpeakerEntry[] {
  const bySpeaker = new Map<string, SpeakerEntry>();
  const ordered = [...quotes].sort((a, b) => a.start - b.start);
  for (const q of ordered) {
    const entry = bySpeaker.get(q.speaker);
    if (entry) entry.count++;
    else bySpeaker.set(q.speaker, { speaker: q.speaker, slot: bySpeaker.size % PALETTE_SIZE, count: 1, firstQuoteId: q.id });
  }
  return [...bySpeaker.values()];
}
