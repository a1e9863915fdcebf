import type { ImportCounts, ImportPreviewSummary, IncomingFilmRow } from '../../src/shared/transfer';

/**
 * Import previews as main answers them, written by hand for the transfer view's UI tests: the
 * window only shows what main says, so these are the inputs, not something to recompute.
 */

const noCounts: ImportCounts = {
  total: 0,
  new: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  keptBoth: 0,
  rejected: 0,
  duplicates: 0,
};

export function incoming(
  row: Partial<IncomingFilmRow> & Pick<IncomingFilmRow, 'index' | 'title'>,
): IncomingFilmRow {
  return {
    source: 'with-rejected-film.json',
    place: `films[${row.index}]`,
    year: null,
    status: 'new',
    match: null,
    repeatOf: null,
    action: 'add',
    problems: [],
    warnings: [],
    ...row,
  };
}

export function previewOf(
  films: IncomingFilmRow[],
  counts: Partial<ImportCounts>,
  extra: Partial<ImportPreviewSummary> = {},
): ImportPreviewSummary {
  return {
    previewId: '00000000-0000-4000-8000-00000000aaaa',
    libraryPath: '/films/library.filmfolio.sqlite',
    sources: [{ path: 'with-rejected-film.json', kind: 'library', bytes: 1024, films: films.length }],
    counts: { ...noCounts, total: films.length, ...counts },
    films,
    warnings: [],
    ...extra,
  };
}

export const AMOUNT_PROBLEM = {
  path: 'films[2].boxOffice.worldwide.amount',
  message: 'expected a whole number, got "20,554"',
};

/** What main answers for tests/fixtures/libraries/with-rejected-film.json. */
export const withRejectedPreview = previewOf(
  [
    incoming({ index: 0, title: 'Stalker', year: 1979 }),
    incoming({ index: 1, title: 'Mirror', year: 1975 }),
    incoming({
      index: 2,
      title: 'Broken Numbers',
      year: 2017,
      status: 'rejected',
      action: 'reject',
      problems: [AMOUNT_PROBLEM],
      warnings: [{ path: 'films[2].mood', message: 'unknown field, left out' }],
    }),
  ],
  { new: 2, rejected: 1 },
);

export const STALKER_ID = '6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7';

/** Stalker already in the library (found by its IMDb id), Mirror new; Stalker's action follows the rule. */
export function duplicatePreview(action: IncomingFilmRow['action'] = 'skip'): ImportPreviewSummary {
  const updated = action === 'replace' || action === 'merge' ? 1 : 0;
  return previewOf(
    [
      incoming({
        index: 0,
        title: 'Stalker',
        year: 1979,
        status: 'duplicate',
        action,
        match: {
          filmId: STALKER_ID,
          title: 'Stalker',
          year: 1979,
          by: 'external-id',
          detail: 'same IMDb id tt0079944',
        },
      }),
      incoming({ index: 1, title: 'Mirror', year: 1975 }),
    ],
    {
      new: 1,
      duplicates: 1,
      updated,
      skipped: action === 'skip' ? 1 : 0,
      keptBoth: action === 'keep-both' ? 1 : 0,
    },
  );
}
