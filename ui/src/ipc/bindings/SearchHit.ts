// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { HitKind } from "./HitKind";
import type { Span } from "./Span";

export type SearchHit = { kind: HitKind, article_id: string, title: string, publication: string | null, date: string | null, snippet: string, highlights: Array<Span>, score: number, quote_id: string | null, speaker: string | null, text: string | null, };
