import type {
  DuplicateRule,
  ExportRequest,
  ExportResult,
  ImportDecisions,
  ImportPreviewSummary,
  ImportResult,
  TransferProgress,
} from '../../../shared/transfer';
import { exportRequestSchema } from '../../../shared/transfer';
import type { Library } from '../index';
import { commitImport } from './commit';
import { TransferCancelledError } from './errors';
import { exportLibrary } from './export-library';
import { previewImport, summarizePreview, type ImportPreview } from './preview';
import type { ImportInput } from './read-source';

/** Previews hold every incoming film (posters too) until confirmed: keep only the latest few. */
const KEPT_PREVIEWS = 3;
const KEPT_JOBS = 20;

type Job = { controller: AbortController; progress: TransferProgress };

/**
 * Imports and exports as the window drives them over IPC: a preview is kept in the main process
 * (the window gets its summary and confirms by id), and each long job has an id the window polls
 * for progress and can cancel. File dialogs stay in main/index.ts; paths arrive as arguments.
 */
export type TransferService = {
  /** A file by its path, or text the window read itself (a dropped file, a pasted page) with its name. */
  previewImport(
    source: string | ImportInput,
    rule: DuplicateRule,
    jobId: string | null,
  ): Promise<ImportPreviewSummary>;
  summarizeImport(previewId: string, decisions: ImportDecisions): ImportPreviewSummary;
  commitImport(previewId: string, decisions: ImportDecisions, jobId: string | null): Promise<ImportResult>;
  exportLibrary(request: ExportRequest, jobId: string | null): Promise<ExportResult>;
  progress(jobId: string): TransferProgress | null;
  cancel(jobId: string): boolean;
};

/** `backupsKept` is the collector's setting, read at each import (backups are not pruned when absent). */
export function createTransferService(
  library: () => Library,
  backupsKept: () => number | undefined = () => undefined,
): TransferService {
  const previews = new Map<string, ImportPreview>();
  const jobs = new Map<string, Job>();

  function startJob(jobId: string | null): Job {
    const job: Job = { controller: new AbortController(), progress: { phase: 'reading', done: 0, total: 0 } };
    if (jobId) jobs.set(jobId, job);
    while (jobs.size > KEPT_JOBS) jobs.delete(jobs.keys().next().value as string);
    return job;
  }

  async function run<T>(job: Job, work: () => Promise<T>): Promise<T> {
    try {
      const value = await work();
      job.progress = { ...job.progress, phase: 'done' };
      return value;
    } catch (error) {
      job.progress = {
        ...job.progress,
        phase: error instanceof TransferCancelledError ? 'cancelled' : 'failed',
      };
      throw error;
    }
  }

  function previewOf(previewId: string): ImportPreview {
    const preview = previews.get(previewId);
    if (!preview) throw new Error('This import preview is no longer available; open the file again.');
    return preview;
  }

  return {
    async previewImport(source, rule, jobId) {
      const job = startJob(jobId);
      const preview = await run(job, () =>
        previewImport(library(), typeof source === 'string' ? { path: source } : source, {
          signal: job.controller.signal,
          onProgress: (done, total, phase) => (job.progress = { phase, done, total }),
        }),
      );
      previews.set(preview.id, preview);
      while (previews.size > KEPT_PREVIEWS) previews.delete(previews.keys().next().value as string);
      return summarizePreview(preview, { rule });
    },
    summarizeImport: (previewId, decisions) => summarizePreview(previewOf(previewId), decisions),
    async commitImport(previewId, decisions, jobId) {
      const preview = previewOf(previewId);
      const job = startJob(jobId);
      const result = await run(job, () =>
        commitImport(library(), preview, decisions, {
          signal: job.controller.signal,
          backupsKept: backupsKept(),
          onProgress: (done, total) => (job.progress = { phase: 'writing', done, total }),
        }),
      );
      previews.delete(previewId);
      return result;
    },
    async exportLibrary(request, jobId) {
      const { path, scope, images } = exportRequestSchema.parse(request);
      const job = startJob(jobId);
      return run(job, () =>
        exportLibrary(library(), path, {
          scope,
          images,
          signal: job.controller.signal,
          onProgress: (done, total) => (job.progress = { phase: 'writing', done, total }),
        }),
      );
    },
    progress: (jobId) => jobs.get(jobId)?.progress ?? null,
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.controller.abort();
      return true;
    },
  };
}
