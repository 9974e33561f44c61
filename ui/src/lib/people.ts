// The people list as the user narrowed it: every word of the filter in a name or an alias.

import type { PersonSummary } from '../ipc/bindings/PersonSummary';
import { fold } from './library';

export function filterPersons(persons: readonly PersonSummary[], text: string): PersonSummary[] {
  const words = fold(text).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return persons as PersonSummary[];
  return persons.filter((p) => {
    const names = fold([p.name, ...p.aliases].join('\n'));
    return words.every((w) => names.includes(w));
  });
}

/** "3 quotes in 2 articles". */
export function quoteCounts(p: Pick<PersonSummary, 'quote_count' | 'article_count'>): string {
  const quotes = `${p.quote_count} ${p.quote_count === 1 ? 'quote' : 'quotes'}`;
  return `${quotes} in ${p.article_count} ${p.article_count === 1 ? 'article' : 'articles'}`;
}
