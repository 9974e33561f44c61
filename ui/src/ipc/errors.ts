// Turns whatever a backend call rejected with into an IpcError the UI can show.
//
// Commands reject with the tagged `{ kind, message }` from Rust, but Tauri itself rejects with a
// plain string (an unknown command, a bad argument), and a bug may throw an Error: all of them
// must reach the user as one readable line.

import type { IpcError } from './bindings/IpcError';

export function toIpcError(error: unknown): IpcError {
  if (typeof error === 'object' && error !== null) {
    const { kind, message } = error as Partial<Record<'kind' | 'message', unknown>>;
    if (typeof message === 'string') {
      return { kind: typeof kind === 'string' ? kind : 'internal', message };
    }
  }
  if (typeof error === 'string' && error.length > 0) return { kind: 'internal', message: error };
  return { kind: 'internal', message: `Unexpected error: ${String(error)}` };
}

export function ipcError(kind: string, message: string): IpcError {
  return { kind, message };
}
