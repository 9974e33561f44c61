// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { CslDate } from "./CslDate";
import type { CslName } from "./CslName";

/**
 * Source metadata, shaped as a CSL-JSON item so styles and exports need no lossy mapping.
 */
export type SourceMeta = { "type": string, title: string | null, "container-title": string | null, author?: Array<CslName>, issued: CslDate | null, URL: string | null, accessed: CslDate | null, language: string | null, };
