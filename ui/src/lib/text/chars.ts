// Converts the backend's char offsets (Unicode scalar values) into JavaScript string indices.
//
// Rust counts offsets in chars; JavaScript strings index UTF-16 code units, so any character
// outside the Basic Multilingual Plane (rare CJK, emoji) shifts every later offset by one.

/** Maps a char offset of `text` to its UTF-16 index; offsets past the end clamp to the end. */
export type CharIndex = (charOffset: number) => number;

export function charIndex(text: string): CharIndex {
  // Fast path: without surrogate pairs both counts agree.
  if (!/[\uD800-\uDBFF]/.test(text)) {
    return (offset) => Math.max(0, Math.min(offset, text.length));
  }
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (offset) => units[Math.max(0, Math.min(offset, units.length - 1))] ?? text.length;
}

/** The number of chars (Unicode scalar values) in `text`, as Rust counts them. */
export function charLength(text: string): number {
  return Array.from(text).length;
}
