// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { ImportOutcome } from "./ImportOutcome";

export type ImportReport = { imported: number, duplicates: number, failed: number, outcomes: Array<ImportOutcome>, };
