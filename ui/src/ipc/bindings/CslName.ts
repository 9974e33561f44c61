// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

/**
 * A personal name in CSL-JSON form.
 */
export type CslName = { family: string | null, given: string | null, literal: string | null, };
