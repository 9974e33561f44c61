// How the person registry compares names, as src-tauri/archive/names.rs does: one key for
// spellings that differ in case, hyphens, spaces or dots, and no entry for phrases that name
// nobody in particular ("analysts", "a ministry official").

/** "Kim Jong-un", "Kim Jong Un" and "KIM Jongun" share one key. */
export function nameKey(name: string): string {
  return Array.from(name)
    .filter((c) => !/\s/u.test(c) && !'-‐‑.\'’'.includes(c))
    .join('')
    .toLowerCase();
}

/** Nouns that open a sentence capitalised ("Analysts said …") but name no one in particular. */
const COMMON_SOURCES = new Set([
  'analysts', 'experts', 'officials', 'observers', 'sources', 'diplomats', 'residents', 'critics',
  'scholars', 'researchers', 'lawmakers', 'authorities', 'witnesses', 'people', 'police',
  'protesters', 'insiders', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'source',
  'diplomat', 'analyst', 'expert', 'many', 'some', 'others', 'several',
]);

const PARTICLES = new Set(['bin', 'binti', 'van', 'von', 'de', 'del', 'der', 'da', 'al', 'la']);

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const firstLetter = (word: string) => Array.from(word).find((c) => /\p{L}/u.test(c));

/** Whether a speaker is a proper name ("Cho Han-bum", "KCNA", "조한범") rather than a phrase. */
export function isProperName(name: string): boolean {
  const words = name.split(/\s+/u).filter((w) => w !== '');
  const first = words[0];
  if (first === undefined) return false;
  const lead = first.toLowerCase();
  if (['the', 'a', 'an'].includes(lead) || COMMON_SOURCES.has(lead)) return false;
  const cased = Array.from(name).some((c) => c.toLowerCase() !== c.toUpperCase());
  if (!cased) {
    // Hangul and Han names are short and written without spaces: 조한범, 习近平.
    const length = Array.from(first).length;
    return words.length === 1 && length >= 2 && length <= 4;
  }
  const capitalised = (w: string) => {
    const letter = firstLetter(w);
    return letter !== undefined && isUpper(letter);
  };
  return words.every((w) => capitalised(w) || PARTICLES.has(w)) && capitalised(first);
}
