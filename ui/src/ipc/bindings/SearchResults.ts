// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { SearchHit } from "./SearchHit";

export type SearchResults = { total: number, hits: Array<SearchHit>, };
