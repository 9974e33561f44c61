// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { Quote } from "./Quote";

/**
 * A quote as stored in the archive, with its id.
 */
export type StoredQuote = { id: string, } & Quote;
