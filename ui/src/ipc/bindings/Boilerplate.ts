// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.
import type { BoilerplateKind } from "./BoilerplateKind";

/**
 * A body-less line removed from a clip, kept apart with what it was taken for.
 */
export type Boilerplate = { kind: BoilerplateKind, text: string, };
