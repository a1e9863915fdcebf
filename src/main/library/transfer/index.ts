/**
 * Library files in and out: the facade the main process and the command line use.
 *
 *   const preview = await previewImport(library, { path });        // reads, checks, writes nothing
 *   summarizePreview(preview, { rule: 'merge' });                  // what the user sees
 *   await commitImport(library, preview, { rule: 'merge' }, { signal, onProgress });
 *   await exportLibrary(library, path, { scope, images, signal, onProgress });
 */
export { commitImport, ImportRefusedError, isImportRunning, type CommitOptions } from './commit';
export { LibraryFileError, LibraryFilesError, TransferCancelledError } from './errors';
export type { ProgressCallback } from './pacing';
export { exportLibrary, type ExportOptions } from './export-library';
export { filmsInScope } from './export-scope';
export { libraryJsonSchema, libraryJsonSchemaText, LIBRARY_SCHEMA_FILE } from './json-schema';
export { filmText } from './library-json';
export {
  actionFor,
  countActions,
  previewImport,
  summarizePreview,
  type ImportPreview,
  type IncomingFilm,
  type PreviewOptions,
} from './preview';
export type { ImportInput } from './read-source';
export { createTransferService, type TransferService } from './service';
