import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Channel, ParsedArgsOf, ResultOf } from '../shared/contract';
import { libraryFileSchema } from '../shared/film-schema';
import type { Library } from './library';
import { filmKey } from './library/films';

/** What each channel does, given its already-validated arguments. Plain Node: no Electron here. */
export type Handlers = { [C in Channel]: (...args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> };

export type HandlerContext = {
  library: () => Library;
  /** The sample library file shipped in resources/. */
  samplePath: string;
};

export function createHandlers(context: HandlerContext): Handlers {
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
    'films:facets': () => library().facets(),
    'films:get': (id) => library().get(id) ?? null,
    'films:create': (input) => library().create(input),
    'films:update': (input, expectedUpdatedAt) => library().update(input, expectedUpdatedAt),
    'films:delete': (id) => library().delete(id),
  };
}
