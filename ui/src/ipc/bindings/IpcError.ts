// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

export type IpcError = { kind: string, message: string, };
