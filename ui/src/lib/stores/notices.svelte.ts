// Messages for the user: errors from the backend (kept until dismissed) and brief confirmations.

import { toIpcError } from '../../ipc/errors';

export type Tone = 'error' | 'info';

export interface Notice {
  id: number;
  tone: Tone;
  title: string;
  /** Extra lines, e.g. one per file that failed to import. */
  details: string[];
}

/** Confirmations fade on their own; errors wait for the user, who may need to read them twice. */
const INFO_LIFETIME_MS = 6000;

export class Notices {
  items = $state<Notice[]>([]);
  #nextId = 1;

  info(title: string, details: string[] = []): void {
    const id = this.#push('info', title, details);
    setTimeout(() => this.dismiss(id), INFO_LIFETIME_MS);
  }

  /** Shows a rejected backend call as "<what we tried>: <the backend's message>". */
  error(context: string, error: unknown, details: string[] = []): void {
    this.#push('error', `${context}: ${toIpcError(error).message}`, details);
  }

  warn(title: string, details: string[] = []): void {
    this.#push('error', title, details);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  #push(tone: Tone, title: string, details: string[]): number {
    const id = this.#nextId++;
    this.items = [...this.items, { id, tone, title, details }];
    return id;
  }
}
