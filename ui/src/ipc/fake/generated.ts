// Library rows made up in bulk, for measuring how the list copes with a large archive
// (`?articles=100000` in the browser preview; see tests/e2e/bench-library.mjs). Only rows: the
// articles behind them do not exist, so opening one reports it missing.

import type { ArticleSummary } from '../bindings/ArticleSummary';

const OUTLETS = ['Yonhap', 'South China Morning Post', 'Reuters', 'TASS', 'Xinhua', 'The Korea Herald', null];
const TOPICS = ['satellite', 'border trade', 'rail link', 'summit', 'sanctions', 'fisheries', 'drills'];
const LANGUAGES = ['en', 'ko', 'zh', 'ru'];

/** `count` rows, the same every time (row i depends on i only). */
export function generatedSummaries(count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const dated = i % 11 !== 0;
    const day = new Date(Date.UTC(2000 + (i % 25), i % 12, 1 + (i % 28)));
    return {
      id: `gen-${String(i).padStart(6, '0')}`,
      title: `Report ${i}: talks on the ${topic} resume after ${(i % 9) + 2} months of silence`,
      publication: OUTLETS[i % OUTLETS.length]!,
      date: dated ? day.toISOString().slice(0, 10) : null,
      language: LANGUAGES[i % LANGUAGES.length]!,
      quote_count: i % 13,
      missing: dated ? [] : ['issued'],
      tags: i % 5 === 0 ? [topic] : [],
      imported_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    };
  });
}
