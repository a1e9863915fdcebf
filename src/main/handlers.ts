import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Channel, ParsedArgsOf, ResultOf } from '../shared/contract';
import { libraryFileSchema } from '../shared/film-schema';
import type { Library } from './library';
import { filmKey } from './library/films';
import { isImportRunning } from './library/transfer';
import { transferHandlers, type TransferDialogs } from './transfer-handlers';
import { guardWrites } from './write-guard';
import { desktopHandlers, type DesktopContext } from './desktop-handlers';
import { backupHandlers, type BackupContext } from './backup-handlers';

/** What each channel does, given its already-validated arguments. Plain Node: no Electron here. */
export type Handlers = { [C in Channel]: (...args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> };

export type HandlerContext = {
  library: () => Library;
  /** The sample library file shipped in resources/. */
  samplePath: string;
  /** Settings, library files and printing: index.ts provides them; without them those channels say so. */
  desktop?: DesktopContext;
  /**
   * The open/save dialogs and "show in folder" of import and export: index.ts passes
   * `{ chooseImportFile, chooseExportFile, showInFolder }` (Electron's dialog.showOpenDialog with
   * filters .json/.txt/.md, dialog.showSaveDialog, shell.showItemInFolder). Without them the
   * window reads dropped files itself and asks for the path to export to.
   */
  transferDialogs?: TransferDialogs;
  /** The backups setting, restoring (close, replace, reopen) and the damage found on open: index.ts provides them. */
  backups?: BackupContext;
};

/** Every channel's handler; the writes refuse (BUSY) while an import is being written. */
export function createHandlers(context: HandlerContext): Handlers {
  return guardWrites(handlersOf(context), () => isImportRunning(context.library().sqlite));
}

function handlersOf(context: HandlerContext): Handlers {
  const library = context.library;
  return {
    'library:info': () => ({
      path: library().path,
      name: basename(library().path).replace(/\.filmfolio\.sqlite$|\.sqlite$/, ''),
      filmCount: library().count(),
    }),
    'library:open-sample': () => {
      const sample = libraryFileSchema.parse(JSON.parse(readFileSync(context.samplePath, 'utf8')));
      const fresh = sample.films.filter(
        (film) => !film.id || filmKey(library().sqlite, film.id) === undefined,
      );
      for (const film of fresh) library().create(film);
      return { added: fresh.length };
    },
    'films:list': (query) => library().list(query),
    'films:facets': (query) => library().facets(query),
    'films:count': (query) => library().found(query),
    'films:ids': (query) => library().ids(query),
    'films:get': (id) => library().get(id) ?? null,
    'films:create': (input) => library().create(input),
    'films:update': (input, expectedUpdatedAt) => library().update(input, expectedUpdatedAt),
    'films:delete': (id) => library().delete(id),
    'films:trash': (ids) => library().trash(ids),
    'films:restore': (ids) => library().restore(ids),
    'trash:list': (query) => library().trashList(query),
    'trash:empty': (ids) => library().emptyTrash(ids),
    'films:suggest': (query) => library().suggest(query),
    'films:lend': (request, expectedUpdatedAt) => library().lend(request, expectedUpdatedAt),
    'films:return': (request, expectedUpdatedAt) => library().returnLoan(request, expectedUpdatedAt),
    'films:bulk-edit': (edit) => library().bulkEdit(edit),
    'posters:save-thumbnail': (filmId, thumbnail) => {
      library().savePosterThumbnail(filmId, thumbnail);
      return null;
    },
    ...transferHandlers(library, context.transferDialogs, () => context.backups?.backupsKept()),
    ...desktopHandlers(context.desktop),
    ...backupHandlers(library, context.backups),
  };
}
