// Page numbers for the reader's margin: a PDF's page is shown beside the paragraph that starts it.

/**
 * For each paragraph, its page when that differs from the paragraph before (and for the first),
 * else null: a label on every paragraph would drown the ones that matter. Empty for unpaged text.
 */
export function pageStarts(pages: readonly number[]): (number | null)[] {
  return pages.map((page, i) => (i === 0 || page !== pages[i - 1] ? page : null));
}
