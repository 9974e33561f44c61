// Import reports as the user reads them: one report for a batch of files imported one by one,
// and the one-line summary of a report.

import type { ImportOutcome } from '../ipc/bindings/ImportOutcome';
import type { ImportReport } from '../ipc/bindings/ImportReport';

export function reportOf(outcomes: ImportOutcome[]): ImportReport {
  const count = (status: ImportOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    imported: count('imported'),
    enriched: count('enriched'),
    duplicates: count('duplicate'),
    failed: count('failed'),
    outcomes,
  };
}

/** A file that never reached the archive, reported like one the backend refused. */
export function failedOutcome(path: string, error: string): ImportOutcome {
  return { path, status: 'failed', article_id: null, title: null, error };
}

/** "1 imported, 1 duplicate, 1 failed": the counts that are not zero, imported always. */
export function reportCounts(report: ImportReport): string {
  const parts = [`${report.imported} imported`];
  if (report.enriched > 0) parts.push(`${report.enriched} enriched (metadata filled in)`);
  if (report.duplicates > 0) parts.push(`${report.duplicates} ${report.duplicates === 1 ? 'duplicate' : 'duplicates'}`);
  if (report.failed > 0) parts.push(`${report.failed} failed`);
  return parts.join(', ');
}

/** Why a file failed, without the path the backend puts first ("a.pdf: not a PDF" → "not a PDF"). */
export function failureReason(outcome: ImportOutcome): string {
  const error = outcome.error ?? 'unknown error';
  const prefix = `${outcome.path}: `;
  return error.startsWith(prefix) ? error.slice(prefix.length) : error;
}
