import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as browseColumns from './0002-browse-columns';
import * as editIndexes from './0003-edit-indexes';
import * as browseColumnsWritten from './0004-browse-columns-written';
import * as childTablesWithoutRowid from './0005-child-tables-without-rowid';
import * as titleSearchIndex from './0006-title-search-index';
import * as searchIndexByColumn from './0007-search-index-by-column';
import * as termIndexesForLists from './0008-term-indexes-for-lists';
import * as searchTerms from './0009-search-terms';
import * as summaryLists from './0010-summary-lists';

/** Every migration, registered statically so bundlers and tests see the same list. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-browse-columns': browseColumns,
  '0003-edit-indexes': editIndexes,
  '0004-browse-columns-written': browseColumnsWritten,
  '0005-child-tables-without-rowid': childTablesWithoutRowid,
  '0006-title-search-index': titleSearchIndex,
  '0007-search-index-by-column': searchIndexByColumn,
  '0008-term-indexes-for-lists': termIndexesForLists,
  '0009-search-terms': searchTerms,
  '0010-summary-lists': summaryLists,
};

export const latestMigration = Object.keys(migrations).at(-1) ?? '';
