// Imports: files dropped on the window (paths, with the backend's progress events), files picked
// in the file chooser (bytes, one call each, progress counted here), the sample; the last
// report and whether its summary is open.

import type { Backend } from '../../ipc/backend';
import type { ImportProgress } from '../../ipc/bindings/ImportProgress';
import type { ImportReport } from '../../ipc/bindings/ImportReport';
import { toIpcError } from '../../ipc/errors';
import { failedOutcome, failureReason, reportCounts, reportOf } from '../imports';
import type { Notices } from './notices.svelte';

export class ImportStore {
  running = $state(false);
  progress = $state.raw<ImportProgress | null>(null);
  /** Files are being dragged over the window. */
  dragging = $state(false);
  /** The last finished import, which the summary shows. */
  report = $state.raw<ImportReport | null>(null);
  summaryOpen = $state(false);

  readonly #backend: Backend;
  readonly #notices: Notices;
  readonly #done: (report: ImportReport) => Promise<void>;

  /** `done` runs after every import, before the user is told how it went. */
  constructor(backend: Backend, notices: Notices, done: (report: ImportReport) => Promise<void>) {
    this.#backend = backend;
    this.#notices = notices;
    this.#done = done;
  }

  sample(): Promise<ImportReport | null> {
    return this.#run(() => this.#backend.importSample());
  }

  paths(paths: string[]): Promise<ImportReport | null> {
    if (paths.length === 0) return Promise.resolve(null);
    return this.#run(() => this.#backend.importPaths(paths));
  }

  /** Imports picked files one by one; a file that cannot be read or sent fails alone. */
  files(files: readonly File[]): Promise<ImportReport | null> {
    if (files.length === 0) return Promise.resolve(null);
    return this.#run(async () => {
      const outcomes = [];
      const total = files.length;
      for (const [done, file] of files.entries()) {
        this.progress = { done, total, path: file.name };
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          outcomes.push(...(await this.#backend.importFile(file.name, bytes)).outcomes);
        } catch (error) {
          outcomes.push(failedOutcome(file.name, toIpcError(error).message));
        }
      }
      this.progress = { done: total, total, path: '' };
      return reportOf(outcomes);
    });
  }

  openSummary(): void {
    if (this.report) this.summaryOpen = true;
  }

  closeSummary(): void {
    this.summaryOpen = false;
  }

  async #run(work: () => Promise<ImportReport>): Promise<ImportReport | null> {
    this.running = true;
    this.progress = null;
    try {
      const report = await work();
      this.report = report;
      await this.#done(report);
      this.#announce(report);
      return report;
    } catch (error) {
      this.#notices.error('Import failed', error);
      return null;
    } finally {
      this.running = false;
      this.progress = null;
    }
  }

  #announce(report: ImportReport): void {
    const summary = `Import finished: ${reportCounts(report)}.`;
    const details = { label: 'Details', run: () => this.openSummary() };
    if (report.failed > 0) {
      const failures = report.outcomes
        .filter((o) => o.status === 'failed')
        .map((o) => `${o.path}: ${failureReason(o)}`);
      this.#notices.warn(summary, failures, details);
    } else if (report.outcomes.length > 1) {
      this.#notices.offer(summary, details);
    } else {
      this.#notices.info(summary);
    }
  }
}
