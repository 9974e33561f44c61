// The metadata editor's draft for one article: field values, what changed, what is missing, and
// where each saved value came from.

import type { Article } from '../../ipc/bindings/Article';
import type { CslName } from '../../ipc/bindings/CslName';
import type { MetaPatch } from '../../ipc/bindings/MetaPatch';
import { isoDate } from '../labels';

export type FieldKey = keyof MetaPatch;

export interface FieldSpec {
  key: FieldKey;
  label: string;
  /** The CSL field the backend reports in `missing` when this one is empty. */
  csl: string;
  hint: string;
}

export const FIELDS: readonly FieldSpec[] = [
  { key: 'title', label: 'Title', csl: 'title', hint: 'Headline as published' },
  { key: 'publication', label: 'Publication', csl: 'container-title', hint: 'e.g. South China Morning Post' },
  { key: 'author', label: 'Author(s)', csl: 'author', hint: 'Family, Given; Family, Given — or an organisation' },
  { key: 'date', label: 'Date', csl: 'issued', hint: 'YYYY-MM-DD, YYYY-MM or YYYY' },
  { key: 'url', label: 'URL', csl: 'URL', hint: 'https://…' },
];

function nameText(n: CslName): string {
  if (n.literal != null) return n.literal;
  return n.given != null ? `${n.family ?? ''}, ${n.given}` : (n.family ?? '');
}

/** The article's metadata in the same text form MetaPatch accepts, so an untouched field round-trips. */
function initialValues(article: Article): Record<FieldKey, string> {
  return {
    title: article.source.title ?? '',
    publication: article.source['container-title'] ?? '',
    author: (article.source.author ?? []).map(nameText).join('; '),
    date: isoDate(article.source.issued),
    url: article.source.URL ?? '',
  };
}

export class MetaForm {
  readonly articleId: string;
  readonly initial: Record<FieldKey, string>;
  readonly missing: ReadonlySet<string>;
  readonly provenance: Readonly<Record<string, string>>;
  values = $state<Record<FieldKey, string>>({ title: '', publication: '', author: '', date: '', url: '' });
  saving = $state(false);
  /** The backend's reason for refusing the last save, shown beside the form. */
  error = $state<string | null>(null);

  dirty = $derived(FIELDS.some((f) => this.values[f.key].trim() !== this.initial[f.key]));

  constructor(article: Article) {
    this.articleId = article.id;
    this.initial = initialValues(article);
    this.values = { ...this.initial };
    this.missing = new Set(article.missing);
    this.provenance = article.provenance;
  }

  isMissing(field: FieldSpec): boolean {
    return this.missing.has(field.csl);
  }

  /** Where the saved value came from; none for a missing field, which has no value to vouch for. */
  origin(field: FieldSpec): string | null {
    return this.isMissing(field) ? null : (this.provenance[field.csl] ?? null);
  }

  /** Unchanged fields are sent as null (leave as is); an emptied field as "" (clear it). */
  patch(): MetaPatch {
    const value = (key: FieldKey) => {
      const v = this.values[key].trim();
      return v === this.initial[key] ? null : v;
    };
    return { title: value('title'), publication: value('publication'), author: value('author'), date: value('date'), url: value('url') };
  }

  /** The patch that puts back what `patch()` changes: each changed field's saved value ("" clears). */
  undoPatch(): MetaPatch {
    const change = this.patch();
    const back = (key: FieldKey) => (change[key] === null ? null : this.initial[key]);
    return { title: back('title'), publication: back('publication'), author: back('author'), date: back('date'), url: back('url') };
  }

  reset(): void {
    this.values = { ...this.initial };
    this.error = null;
  }
}
