// Messages for the user: errors from the backend (kept until dismissed), brief confirmations, and
// confirmations with one action (Undo, Details).

import { toIpcError } from '../../ipc/errors';

export type Tone = 'error' | 'info';

export interface NoticeAction {
  label: string;
  run: () => unknown;
}

export interface Notice {
  id: number;
  tone: Tone;
  title: string;
  /** Extra lines, e.g. one per file that failed to import. */
  details: string[];
  action: NoticeAction | null;
}

/** Confirmations fade on their own; errors wait for the user, who may need to read them twice. */
const INFO_LIFETIME_MS = 6000;
/** An offer to undo stays longer: reaching for it takes a moment. */
const ACTION_LIFETIME_MS = 10000;

export class Notices {
  items = $state<Notice[]>([]);
  #nextId = 1;

  info(title: string, details: string[] = []): void {
    const id = this.#push('info', title, details);
    setTimeout(() => this.dismiss(id), INFO_LIFETIME_MS);
  }

  /** A confirmation with one action; taking the action dismisses it. Returns its id. */
  offer(title: string, action: NoticeAction): number {
    const id = this.#push('info', title, [], action);
    setTimeout(() => this.dismiss(id), ACTION_LIFETIME_MS);
    return id;
  }

  /** Shows a rejected backend call as "<what we tried>: <the backend's message>". */
  error(context: string, error: unknown, details: string[] = []): void {
    this.#push('error', `${context}: ${toIpcError(error).message}`, details);
  }

  /** A problem the user must see (failed imports); `action` may lead to more. */
  warn(title: string, details: string[] = [], action: NoticeAction | null = null): void {
    this.#push('error', title, details, action);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  #push(tone: Tone, title: string, details: string[], action: NoticeAction | null = null): number {
    const id = this.#nextId++;
    // Taking the action settles the notice.
    const act = action && { label: action.label, run: () => (this.dismiss(id), action.run()) };
    this.items = [...this.items, { id, tone, title, details, action: act }];
    return id;
  }
}
