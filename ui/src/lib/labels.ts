// Words the UI uses for backend codes: CSL field names, metadata origins, quote and boilerplate
// kinds, dates, shares.

import type { BoilerplateKind } from '../ipc/bindings/BoilerplateKind';
import type { CslDate } from '../ipc/bindings/CslDate';
import type { QuoteKind } from '../ipc/bindings/QuoteKind';
import type { Review } from '../ipc/bindings/Review';

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  'container-title': 'publication',
  author: 'author',
  issued: 'date',
  URL: 'URL',
  accessed: 'access date',
};

/** "container-title" → "publication": CSL's names mean little to most writers. */
export function fieldLabel(cslField: string): string {
  return FIELD_LABELS[cslField] ?? cslField;
}

export function missingList(fields: readonly string[]): string {
  return fields.map(fieldLabel).join(', ');
}

/** Whole origins that read better reworded; the rest are shown as recorded, after "from". */
const ORIGIN_LABELS: Record<string, string> = {
  user: 'you',
  detected: 'detected',
  'clip title line': 'from the clip’s title line',
  dateline: 'from the dateline',
  'first page': 'from the first page',
  feed: 'from the feed',
};

/** Format names at the start of an origin, spelled as people know them ("pdf info Title"). */
const ORIGIN_FORMATS: Record<string, string> = {
  'json-ld': 'JSON-LD',
  pdf: 'PDF',
  xmp: 'XMP',
  html: 'HTML',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

/**
 * "user" → "you", "json-ld" → "from JSON-LD", "meta citation_date" → "from meta citation_date":
 * an origin the UI does not know still says where to look, so it is shown as recorded.
 */
export function originLabel(origin: string): string {
  const label = ORIGIN_LABELS[origin];
  if (label !== undefined) return label;
  const [first = '', ...rest] = origin.split(' ');
  return `from ${[ORIGIN_FORMATS[first] ?? first, ...rest].join(' ')}`;
}

/** 0.874 → "87%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export const QUOTE_KIND_LABELS: Record<QuoteKind, string> = {
  direct: 'Direct quote',
  partial: 'Partial quote',
  indirect: 'Indirect (reported) speech',
};

/** How a quote's review state reads on its card. */
export const REVIEW_LABELS: Record<Review, string> = {
  unreviewed: 'Not reviewed',
  confirmed: 'Confirmed',
  edited: 'Corrected',
  added: 'Added by hand',
};

export const BOILERPLATE_LABELS: Record<BoilerplateKind, string> = {
  'repeated-headline': 'Repeated headline',
  caption: 'Photo caption',
  notice: 'Site notice',
};

/** A CSL date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the form MetaPatch takes), or "". */
export function isoDate(date: CslDate | null | undefined): string {
  const parts = date?.['date-parts'][0] ?? [];
  return parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-07-09" → "9 Jul 2024"; partial dates stay partial; anything else is shown as given. */
export function displayDate(iso: string | null | undefined): string | null {
  if (iso == null || iso === '') return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  return [m[3] ? String(Number(m[3])) : null, month ?? null, m[1]].filter((p) => p !== null).join(' ');
}

/** When something happened, in local time: "today 14:05", "yesterday 09:30", else "9 Jul 2024 14:05". */
export function momentLabel(timestamp: string, now: Date = new Date()): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `yesterday ${time}`;
  return `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()} ${time}`;
}

/** "en" → "EN": language tags are shown as short badges. */
export function languageBadge(language: string | null | undefined): string | null {
  return language ? language.toUpperCase() : null;
}
