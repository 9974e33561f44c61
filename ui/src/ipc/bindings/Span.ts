// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

/**
 * A half-open span `[start, end)` of chars in an article's stored text.
 */
export type Span = { start: number, end: number, };
