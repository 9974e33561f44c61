// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { QuoteKind } from "./QuoteKind";

/**
 * One attributed statement found in an article.
 */
export type Quote = { text: string, kind: QuoteKind, speaker: string, descriptor: string | null, cue: string | null, paragraph: number, start: number, end: number, };
