// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

/**
 * A CSL-JSON date: `date-parts` of `[year, month?, day?]`, or a raw string CSL can parse.
 */
export type CslDate = { "date-parts": Array<Array<number>>, };
