/**
 * A file that cannot be imported at all (not a library, a newer format, broken JSON or UTF-8):
 * nothing was written. The message names the file, the place and what to do.
 */
export class LibraryFileError extends Error {
  readonly code = 'REJECTED';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'LibraryFileError';
  }
}

/** Several files of one import could not be read; each error names its file. */
export class LibraryFilesError extends Error {
  readonly code = 'REJECTED';
  constructor(readonly errors: readonly LibraryFileError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'LibraryFilesError';
  }
}

/** An import or export stopped by its caller; nothing was written. */
export class TransferCancelledError extends Error {
  readonly code = 'CANCELLED';
  constructor(what: 'import' | 'export') {
    super(`The ${what} was cancelled; nothing was written.`);
    this.name = 'TransferCancelledError';
  }
}

/** Throws TransferCancelledError when the caller has aborted. */
export function checkCancelled(signal: AbortSignal | undefined, what: 'import' | 'export'): void {
  if (signal?.aborted) throw new TransferCancelledError(what);
}
