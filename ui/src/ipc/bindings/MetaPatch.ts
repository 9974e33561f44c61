// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

/**
 * Fields a user may fill in or correct; `None` leaves a field as it is, `Some("")` clears it.
 */
export type MetaPatch = { title: string | null, publication: string | null, author: string | null, date: string | null, url: string | null, };
