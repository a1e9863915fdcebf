import { useSyncExternalStore } from 'react';
import { ApiError, MAX_IMPORT_TEXT_CHARS, type FilmfolioApi } from '../../../shared/contract';
import type { DuplicateRule, ImportPreviewSummary, ImportResult } from '../../../shared/transfer';
import { useApi } from '../shell/api-context';
import { fileSize } from '../../../shared/file-size';
import { notesWithLines, unplacedLinesOf } from './unplaced-lines';
import { newJobId } from './use-job-progress';

/** The file being imported: its name, its size when known, and its text when the window read it. */
export type ImportSource = { name: string; bytes: number | null; text: string | null };

export type ImportChoices = {
  rule: DuplicateRule;
  /** Per-film exceptions to the rule, by the film's index in the preview. */
  overrides: Record<string, DuplicateRule>;
  /** Import the valid films although some were rejected. */
  skipRejected: boolean;
  /** Keep a fact page's unplaced lines in the imported film's notes. */
  keepUnplaced: boolean;
};

type Previewed = { source: ImportSource; preview: ImportPreviewSummary; choices: ImportChoices };

/** One import, step by step: choose a file, read it (cancellable), preview and decide, write, summary. */
export type ImportState =
  | { step: 'choose'; message: string | null; failed: boolean }
  | { step: 'reading'; source: ImportSource; jobId: string; cancelling: boolean }
  | (Previewed & { step: 'preview'; updating: boolean; message: string | null })
  | (Previewed & { step: 'writing'; jobId: string; cancelling: boolean })
  | {
      step: 'done';
      source: ImportSource;
      preview: ImportPreviewSummary;
      result: ImportResult;
      notes: string | null;
    };

const startChoices: ImportChoices = { rule: 'skip', overrides: {}, skipRejected: false, keepUnplaced: true };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const wasCancelled = (error: unknown) => error instanceof ApiError && error.code === 'CANCELLED';

/**
 * The import the window is doing, kept outside React so it survives a visit to another view (the
 * import goes on in main meanwhile). One session per API (per window; tests get their own).
 */
export class ImportSession {
  private state: ImportState = { step: 'choose', message: null, failed: false };
  private readonly listeners = new Set<() => void>();
  /** Answers to re-summaries may arrive out of order: only the latest request's counts are shown. */
  private summaryRequest = 0;

  constructor(private readonly api: FilmfolioApi) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): ImportState => this.state;

  private set(state: ImportState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private busy(): boolean {
    return this.state.step === 'reading' || this.state.step === 'writing';
  }

  /** Asks for a file with the system open dialog (desktop app only), then previews it. */
  async chooseWithDialog(): Promise<void> {
    if (this.busy()) return;
    try {
      const path = await this.api.dialog.openLibraryFile();
      if (path) await this.previewPath(path);
    } catch (error) {
      this.set({ step: 'choose', failed: true, message: messageOf(error) });
    }
  }

  /** Previews a file the main process can open by path (from the open dialog or the menu). */
  previewPath(path: string): Promise<void> {
    const name = path.split(/[\\/]/).pop() || path;
    return this.read({ name, bytes: null, text: null }, path);
  }

  /** Previews a file the window was given (dropped or picked): its text is read here, its size shown first. */
  async previewFile(file: File): Promise<void> {
    if (this.busy()) return;
    const source: ImportSource = { name: file.name, bytes: file.size, text: null };
    if (file.size > MAX_IMPORT_TEXT_CHARS) {
      this.set({
        step: 'choose',
        failed: true,
        message: `${file.name} is ${fileSize(file.size)}, too large to read in the window; open it with Choose file… instead.`,
      });
      return;
    }
    const jobId = newJobId();
    this.set({ step: 'reading', source, jobId, cancelling: false });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.set({
        step: 'choose',
        failed: true,
        message: `${file.name} could not be read: ${messageOf(error)}`,
      });
      return;
    }
    if (this.state.step !== 'reading' || this.state.jobId !== jobId) return;
    if (this.state.cancelling) {
      this.set({
        step: 'choose',
        failed: false,
        message: `Reading ${file.name} was cancelled; nothing was imported.`,
      });
      return;
    }
    await this.read({ ...source, text }, { text, name: file.name }, jobId);
  }

  /** Previews text pasted or handed over, named as the preview should call it. */
  previewText(text: string, name: string): Promise<void> {
    return this.read({ name, bytes: new Blob([text]).size, text }, { text, name });
  }

  /** Reads and previews; `continuing` is the job of a file whose text the window has just read. */
  private async read(
    source: ImportSource,
    input: string | { text: string; name: string },
    continuing?: string,
  ) {
    if (this.busy() && !(this.state.step === 'reading' && this.state.jobId === continuing)) return;
    const jobId = continuing ?? newJobId();
    this.set({ step: 'reading', source, jobId, cancelling: false });
    try {
      const preview = await this.api.transfer.previewImport(input, startChoices.rule, jobId);
      if (this.state.step !== 'reading' || this.state.jobId !== jobId) return;
      this.set({ step: 'preview', source, preview, choices: startChoices, updating: false, message: null });
    } catch (error) {
      if (this.state.step !== 'reading' || this.state.jobId !== jobId) return;
      this.set(
        wasCancelled(error)
          ? {
              step: 'choose',
              failed: false,
              message: `Reading ${source.name} was cancelled; nothing was imported.`,
            }
          : { step: 'choose', failed: true, message: messageOf(error) },
      );
    }
  }

  /** Stops the reading or the writing; main rolls everything back. */
  cancel(): void {
    const state = this.state;
    if (state.step !== 'reading' && state.step !== 'writing') return;
    this.set({ ...state, cancelling: true });
    void this.api.transfer.cancel(state.jobId).catch(() => undefined);
  }

  /** Changes the import's choices; a change of rule or override asks main for the new actions and counts. */
  async choose(change: Partial<ImportChoices>): Promise<void> {
    const state = this.state;
    if (state.step !== 'preview') return;
    const choices = { ...state.choices, ...change };
    const resummarize = 'rule' in change || 'overrides' in change;
    this.set({ ...state, choices, updating: resummarize, message: null });
    if (!resummarize) return;
    const request = ++this.summaryRequest;
    try {
      const preview = await this.api.transfer.summarizeImport(state.preview.previewId, {
        rule: choices.rule,
        overrides: choices.overrides,
      });
      if (request !== this.summaryRequest || this.state.step !== 'preview') return;
      this.set({ ...this.state, preview, updating: false });
    } catch (error) {
      if (request !== this.summaryRequest || this.state.step !== 'preview') return;
      this.set({ ...this.state, updating: false, message: messageOf(error) });
    }
  }

  /** Sets or clears (null) one film's own rule. */
  override(index: number, rule: DuplicateRule | null): Promise<void> {
    if (this.state.step !== 'preview') return Promise.resolve();
    const overrides = { ...this.state.choices.overrides };
    if (rule === null) delete overrides[String(index)];
    else overrides[String(index)] = rule;
    return this.choose({ overrides });
  }

  /** Writes the import as previewed and decided, all or nothing. */
  async confirm(): Promise<void> {
    const state = this.state;
    if (state.step !== 'preview' || state.updating) return;
    const { source, preview, choices } = state;
    const jobId = newJobId();
    this.set({ step: 'writing', source, preview, choices, jobId, cancelling: false });
    try {
      const result = await this.api.transfer.commitImport(
        preview.previewId,
        { rule: choices.rule, overrides: choices.overrides, skipRejected: choices.skipRejected },
        jobId,
      );
      const notes = await this.keepUnplacedLines(preview, result, choices);
      this.set({ step: 'done', source, preview, result, notes });
    } catch (error) {
      this.set({
        step: 'preview',
        source,
        preview,
        choices,
        updating: false,
        message: wasCancelled(error) ? 'The import was cancelled; nothing was written.' : messageOf(error),
      });
    }
  }

  /**
   * Adds a fact page's unplaced lines to the notes of the film it became. A second write after the
   * import: when it fails, the import stands and the summary says the lines were not kept.
   */
  private async keepUnplacedLines(
    preview: ImportPreviewSummary,
    result: ImportResult,
    choices: ImportChoices,
  ): Promise<string | null> {
    const [row] = preview.films;
    const lines = row && preview.sources[0]?.kind === 'fact-page' ? unplacedLinesOf(row) : [];
    if (!choices.keepUnplaced || lines.length === 0 || preview.films.length !== 1) return null;
    const [filmId] = result.filmIds;
    if (result.filmIds.length !== 1 || !filmId)
      return 'No film was written, so the unplaced lines were not kept.';
    try {
      const film = await this.api.films.get(filmId);
      if (!film) return 'The imported film was not found, so the unplaced lines were not kept.';
      await this.api.films.update({ ...film, notes: notesWithLines(film.notes, lines) }, film.updatedAt);
      return `${lines.length === 1 ? 'The unplaced line was' : `The ${lines.length} unplaced lines were`} kept in the film’s notes.`;
    } catch (error) {
      return `The film was imported, but the unplaced lines could not be kept in its notes: ${messageOf(error)}`;
    }
  }

  /** Back to choosing a file (after a summary, or to drop a preview). */
  startOver(): void {
    if (this.busy()) return;
    this.set({ step: 'choose', message: null, failed: false });
  }
}

const sessions = new WeakMap<FilmfolioApi, ImportSession>();

/** The window's import session. */
export function importSessionFor(api: FilmfolioApi): ImportSession {
  let session = sessions.get(api);
  if (!session) {
    session = new ImportSession(api);
    sessions.set(api, session);
  }
  return session;
}

/** The window's import session and its current state, following changes. */
export function useImportSession(): [ImportState, ImportSession] {
  const session = importSessionFor(useApi());
  return [useSyncExternalStore(session.subscribe, session.current, session.current), session];
}
