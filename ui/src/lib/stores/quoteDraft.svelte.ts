// A quote being made from a selection or corrected: its fields as typed, its span, and what the
// backend needs (a QuoteInput for a new quote, a QuotePatch of the changed fields for an edit).

import type { QuoteInput } from '../../ipc/bindings/QuoteInput';
import type { QuoteKind } from '../../ipc/bindings/QuoteKind';
import type { QuotePatch } from '../../ipc/bindings/QuotePatch';
import type { StoredQuote } from '../../ipc/bindings/StoredQuote';
import type { QuotedSpan } from '../text/quoteSpan';

/** The speakers an article quotes, each with the role it gave them first (for prefilling). */
export function knownSpeakers(quotes: readonly StoredQuote[]): Map<string, string | null> {
  const known = new Map<string, string | null>();
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    if (!known.has(q.speaker) || known.get(q.speaker) === null) known.set(q.speaker, q.descriptor);
  }
  return known;
}

export interface DraftFields {
  speaker: string;
  descriptor: string | null;
  kind: QuoteKind;
  cue: string | null;
}

export class QuoteDraft {
  speaker = $state('');
  descriptor = $state('');
  kind = $state<QuoteKind>('direct');
  cue = $state('');
  /** The span and the words it quotes, as the backend will store them. */
  span = $state.raw<QuotedSpan>({ text: '', paragraph: 0, start: 0, end: 0 });
  saving = $state(false);
  /** The backend's reason for refusing the last save. */
  error = $state<string | null>(null);
  /** A quote needs words and someone who said them. */
  valid = $derived(this.speaker.trim() !== '' && this.span.text !== '');

  readonly #known: ReadonlyMap<string, string | null>;
  /** Once the user types a role, picking a speaker no longer replaces it. */
  #descriptorTyped = false;

  constructor(fields: DraftFields, span: QuotedSpan, known: ReadonlyMap<string, string | null>) {
    this.speaker = fields.speaker;
    this.descriptor = fields.descriptor ?? '';
    this.kind = fields.kind;
    this.cue = fields.cue ?? '';
    this.span = span;
    this.#known = known;
  }

  /** Sets the speaker; a speaker the article already quotes brings the role it gave them. */
  setSpeaker(name: string): void {
    this.speaker = name;
    const role = this.#known.get(name.trim());
    if (!this.#descriptorTyped && role !== undefined) this.descriptor = role ?? '';
  }

  setDescriptor(value: string): void {
    this.descriptor = value;
    this.#descriptorTyped = true;
  }


  input(): QuoteInput {
    return {
      start: this.span.start,
      end: this.span.end,
      kind: this.kind,
      speaker: this.speaker.trim(),
      descriptor: this.descriptor.trim() || null,
      cue: this.cue.trim() || null,
    };
  }

  /** The fields that differ from `quote`: null keeps a field, "" clears a role or cue. */
  patch(quote: StoredQuote): QuotePatch {
    const changed = <T>(now: T, was: T): T | null => (now === was ? null : now);
    const text = (now: string, was: string | null) => changed(now.trim(), was ?? '');
    const spanMoved = this.span.start !== quote.start || this.span.end !== quote.end;
    return {
      start: spanMoved ? this.span.start : null,
      end: spanMoved ? this.span.end : null,
      kind: changed(this.kind, quote.kind),
      speaker: changed(this.speaker.trim(), quote.speaker),
      descriptor: text(this.descriptor, quote.descriptor),
      cue: text(this.cue, quote.cue),
    };
  }
}

/** Whether a patch changes anything. */
export function isEmptyPatch(patch: QuotePatch): boolean {
  return Object.values(patch).every((v) => v === null);
}
