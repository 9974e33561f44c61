// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { ImportStatus } from "./ImportStatus";

/**
 * What happened to one path of an import batch.
 */
export type ImportOutcome = { path: string, status: ImportStatus, article_id: string | null, title: string | null, error: string | null, };
