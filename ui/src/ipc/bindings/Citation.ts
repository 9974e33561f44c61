// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

/**
 * One article rendered in one style.
 */
export type Citation = { article_id: string, style: string, citation: string, bibliography: string, missing: Array<string>, };
