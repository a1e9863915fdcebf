import type { Film } from '../../src/shared/film-schema';
import {
  CHILD_COLUMNS,
  childRows,
  FILM_ROW_COLUMNS,
  filmRowValues,
  type ChildTable,
} from '../../src/main/library/film-rows';
import { SEARCH_COLUMNS, searchValues, TITLE_COLUMN } from '../../src/main/library/search-text';

/**
 * A film as plain table rows, made in memory before the raw limit is timed: the same rows the
 * library's write path produces, made by its own mapping (film-rows.ts: the film row with its
 * browse columns, the child rows), and the same search-index text. Only people are keyed here,
 * in memory, as an empty library keys them (1, 2, … in order of first appearance).
 */

/** Every table the raw limit fills, with its columns, in insert order (parents first). */
export const RAW_TABLES = {
  films: ['key', ...FILM_ROW_COLUMNS],
  people: ['key', 'name'],
  ...CHILD_COLUMNS,
  films_fts: ['rowid', ...SEARCH_COLUMNS],
  films_title_fts: ['rowid', 'title'],
  // Filled by termRows once a connection can say how the tokenizer splits the text (search-terms.ts).
  search_terms: ['term'],
} as const;

export type RawTable = keyof typeof RAW_TABLES;
type Rows = unknown[][];

/** Rows of many films, in memory, ready to insert; people are shared rows, keyed as the library keys them. */
export class RawRows {
  readonly tables: Record<RawTable, Rows> = Object.fromEntries(
    Object.keys(RAW_TABLES).map((table) => [table, []]),
  ) as unknown as Record<RawTable, Rows>;
  private readonly people = new Map<string, number>();
  private nextKey = 1;

  /** The number of rows of every table together. */
  get rowCount(): number {
    return Object.values(this.tables).reduce((sum, rows) => sum + rows.length, 0);
  }

  get filmCount(): number {
    return this.tables.films.length;
  }

  private personKey(name: string): number {
    let key = this.people.get(name);
    if (key === undefined) {
      key = this.people.size + 1;
      this.people.set(name, key);
      this.tables.people.push([key, name]);
    }
    return key;
  }

  /** Adds a film as the next film key (1, 2, … as an empty library numbers them). */
  add(film: Film): void {
    const key = this.nextKey++;
    const t = this.tables;
    t.films.push([key, ...filmRowValues(film)]);
    const children = childRows(key, film, (name) => this.personKey(name));
    for (const table of Object.keys(children) as ChildTable[]) t[table].push(...children[table]);
    const search = searchValues(film);
    t.films_fts.push([key, ...search]);
    t.films_title_fts.push([key, search[TITLE_COLUMN]]);
  }

  /** Empties the tables (people and keys are kept), for writing a large library a chunk at a time. */
  clear(): void {
    for (const rows of Object.values(this.tables)) rows.length = 0;
  }
}
