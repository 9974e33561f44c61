// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

/**
 * A stored article as listed in the library.
 */
export type ArticleSummary = { id: string, title: string, publication: string | null, date: string | null, language: string | null, quote_count: number, missing: Array<string>, imported_at: string, };
