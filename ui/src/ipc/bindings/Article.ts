// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { Boilerplate } from "./Boilerplate";
import type { SourceMeta } from "./SourceMeta";
import type { Span } from "./Span";
import type { StoredQuote } from "./StoredQuote";

/**
 * A stored article with everything the reader shows.
 */
export type Article = { id: string, title: string, text: string, paragraphs: Array<Span>, language: string | null, source: SourceMeta, missing: Array<string>, boilerplate: Array<Boilerplate>, quotes: Array<StoredQuote>, imported_at: string, sha256: string, };
