import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Channel, ParsedArgsOf, ResultOf } from '../shared/contract';
import { libraryFileSchema } from '../shared/film-schema';
import type { Library } from './library';
import { filmKey } from './library/films';
import { createTransferService } from './library/transfer';
import { desktopHandlers, type DesktopContext } from './desktop-handlers';

/** What each channel does, given its already-validated arguments. Plain Node: no Electron here. */
export type Handlers = { [C in Channel]: (...args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> };

export type HandlerContext = {
  library: () => Library;
  /** The sample library file shipped in resources/. */
  samplePath: string;
  /** Settings, library files and printing: index.ts provides them; without them those channels say so. */
  desktop?: DesktopContext;
};

export function createHandlers(context: HandlerContext): Handlers {
  const library = context.library;
  const transfer = createTransferService(library);
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
    'transfer:preview-import': (path, rule, jobId) => transfer.previewImport(path, rule, jobId),
    'transfer:summarize-import': (previewId, decisions) => transfer.summarizeImport(previewId, decisions),
    'transfer:commit-import': (previewId, decisions, jobId) => transfer.commitImport(previewId, decisions, jobId),
    'transfer:export': (request, jobId) => transfer.exportLibrary(request, jobId),
    'transfer:progress': (jobId) => transfer.progress(jobId),
    'transfer:cancel': (jobId) => transfer.cancel(jobId),
    ...desktopHandlers(context.desktop),
  };
}
