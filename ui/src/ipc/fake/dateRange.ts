// The preview's reading of `date:` terms, as src-tauri/search/query.rs reads them: `2024`,
// `2024-06..2024-07`, `2024..`, `..2023-12`, with the same pointed errors.

import { ipcError } from '../errors';

/** First and last day as yyyymmdd numbers; null for an open end. */
export interface DayRange {
  from: number | null;
  to: number | null;
}

const USAGE = 'write YYYY, YYYY-MM or YYYY-MM-DD, and FROM..TO, FROM.. or ..TO for a range';

/** `text` is the term's value; `column` where it starts in the query (1-based chars). */
export function parseDateRange(text: string, column: number): DayRange {
  const bad = (part: string, offset: number) => ipcError('query', `invalid query: malformed date "${part}" at column ${column + offset}: ${USAGE}`);
  const at = text.indexOf('..');
  if (at < 0) {
    const bounds = dayBounds(text);
    if (!bounds) throw bad(text, 0);
    return { from: bounds[0], to: bounds[1] };
  }
  const [a, b] = [text.slice(0, at), text.slice(at + 2)];
  if (a === '' && b === '') throw bad(text, 0);
  const from = a === '' ? null : (dayBounds(a) ?? throwError(bad(a, 0)))[0];
  const to = b === '' ? null : (dayBounds(b) ?? throwError(bad(b, a.length + 2)))[1];
  if (from !== null && to !== null && from > to) {
    throw ipcError('query', `invalid query: the date range "${text}" at column ${column} ends before it starts`);
  }
  return { from, to };
}

/** Whether an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) may fall in the range. */
export function inDayRange(date: string | null, range: DayRange): boolean {
  const bounds = date === null ? null : dayBounds(date);
  if (!bounds) return false;
  return (range.from === null || bounds[1] >= range.from) && (range.to === null || bounds[0] <= range.to);
}

function dayBounds(date: string): [number, number] | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!match || (match[3] !== undefined && match[2] === undefined)) return null;
  const [year, month, day] = [Number(match[1]), match[2] && Number(match[2]), match[3] && Number(match[3])];
  if (month !== undefined && month !== '' && (month < 1 || month > 12)) return null;
  if (day !== undefined && day !== '' && month && new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const key = (m: number, d: number) => year * 10_000 + m * 100 + d;
  if (month && day) return [key(month, day), key(month, day)];
  if (month) return [key(month, 1), key(month, 31)];
  return [key(1, 1), key(12, 31)];
}

function throwError(error: unknown): never {
  throw error;
}
