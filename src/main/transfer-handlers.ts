import type { Channel, ParsedArgsOf, ResultOf } from '../shared/contract';
import type { Library } from './library';
import { createTransferService } from './library/transfer';

/** The channels of importing and exporting library files, and the system dialogs they use. */
export type TransferChannel = Extract<Channel, `transfer:${string}` | `dialog:${string}`>;

type HandlerOf<C extends Channel> = (...args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
export type TransferHandlers = { [C in TransferChannel]: HandlerOf<C> };

/**
 * The system dialogs import and export use. src/main/index.ts provides them through Electron's
 * `dialog` and `shell`; without them (plain Node, the e2e harness) the window reads dropped files
 * itself and asks for a path to export to.
 */
export type TransferDialogs = {
  /** The system open dialog for a library file or fact page (.json, .txt, .md); null when cancelled. */
  chooseImportFile(): Promise<string | null>;
  /** The system save dialog, starting at `suggestedName` in the documents folder; null when cancelled. */
  chooseExportFile(suggestedName: string): Promise<string | null>;
  /** Shows the file selected in the system's file manager (Electron's shell.showItemInFolder). */
  showInFolder(path: string): void;
};

function unavailable(what: string): never {
  throw new Error(`${what} is only available in the desktop app; here, give the file's path instead.`);
}

/**
 * The transfer channels over the library; `backupsKept` is the collector's setting, read at each
 * import. With dialogs, an export may only write where the person
 * chose in the save dialog, and "show in folder" only shows files this window exported: the window
 * never names an arbitrary file for main to overwrite or reveal.
 */
export function transferHandlers(
  library: () => Library,
  dialogs: TransferDialogs | undefined,
  backupsKept: () => number | undefined = () => undefined,
): TransferHandlers {
  const transfer = createTransferService(library, backupsKept);
  const chosenForExport = new Set<string>();
  const exported = new Set<string>();
  return {
    'transfer:preview-import': (source, rule, jobId) => transfer.previewImport(source, rule, jobId),
    'transfer:summarize-import': (previewId, decisions) => transfer.summarizeImport(previewId, decisions),
    'transfer:commit-import': (previewId, decisions, jobId) =>
      transfer.commitImport(previewId, decisions, jobId),
    'transfer:export': async (request, jobId) => {
      if (dialogs && !chosenForExport.has(request.path)) {
        throw new Error(
          `${request.path} was not chosen in the save dialog; choose where to save with Save as….`,
        );
      }
      const result = await transfer.exportLibrary(request, jobId);
      exported.add(result.path);
      return result;
    },
    'transfer:progress': (jobId) => transfer.progress(jobId),
    'transfer:cancel': (jobId) => transfer.cancel(jobId),
    'dialog:available': () => ({ files: dialogs !== undefined, showInFolder: dialogs !== undefined }),
    'dialog:open-library-file': () => (dialogs ? dialogs.chooseImportFile() : unavailable('The open dialog')),
    'dialog:save-library-file': async (suggestedName) => {
      if (!dialogs) unavailable('The save dialog');
      const path = await dialogs.chooseExportFile(suggestedName);
      if (path !== null) chosenForExport.add(path);
      return path;
    },
    'dialog:show-in-folder': (path) => {
      if (!dialogs) unavailable('Show in folder');
      if (!exported.has(path))
        throw new Error(`${path} was not exported from this window; open its folder yourself.`);
      dialogs.showInFolder(path);
      return true;
    },
  };
}
