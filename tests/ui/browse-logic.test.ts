import { describe, expect, it } from 'vitest';
import { isSearchShortcut, keyIntent, type KeyPress } from '../../src/renderer/src/browse/browse-keys';
import {
  describeQuery,
  emptyBrowseQuery,
  queryParts,
  type BrowseQuery,
} from '../../src/renderer/src/browse/browse-query';
import { loadLayout } from '../../src/renderer/src/browse/layout-prefs';
import { leadUpToMark } from '../../src/renderer/src/browse/match-snippet';
import { titleInitials } from '../../src/renderer/src/browse/poster-placeholder';
import {
  isSelected,
  noSelection,
  selectAll,
  selectedCount,
  selectOne,
  selectRun,
  toggleOne,
} from '../../src/renderer/src/browse/selection';
import { noFilter } from '../../src/shared/browse';

type QueryChange = Partial<Omit<BrowseQuery, 'filter'>> & { filter?: Partial<BrowseQuery['filter']> };
const query = (change: QueryChange): BrowseQuery => ({
  ...emptyBrowseQuery,
  ...change,
  filter: { ...noFilter, ...change.filter },
});

describe('the query read back', () => {
  it('names every part in the collector’s words, in one line', () => {
    const everything = query({
      search: ' alien ',
      filter: {
        genres: ['Horror'],
        tags: ['Criterion'],
        yearFrom: 1970,
        yearTo: 1979,
        director: 'Ridley Scott',
        person: 'Sigourney Weaver',
        medium: 'Blu-ray',
        seen: false,
        ratingFrom: 7,
        ratingTo: 8.5,
        loan: 'overdue',
      },
      sort: 'year',
      descending: true,
    });
    expect(describeQuery(everything)).toBe(
      '“alien” · Horror · tagged Criterion · from the 1970s · directed by Ridley Scott · with Sigourney Weaver · ' +
        'on Blu-ray · not seen yet · rated 7–8½ · overdue · sorted by year, newest first',
    );
    expect(describeQuery(query({ filter: { yearFrom: 1990 } }))).toBe('from 1990 or later');
    expect(describeQuery(query({ filter: { yearFrom: 1990, yearTo: 1995, ratingFrom: 9 } }))).toBe(
      'from 1990–1995 · rated 9 or more',
    );
    expect(describeQuery(emptyBrowseQuery)).toBe('');
  });

  it('takes one part away and leaves the rest', () => {
    const start = query({ search: 'alien', filter: { genres: ['Horror', 'Drama'], seen: true } });
    const horror = queryParts(start).find((part) => part.label === 'Horror')!;
    expect(horror.without(start)).toEqual(
      query({ search: 'alien', filter: { genres: ['Drama'], seen: true } }),
    );
    const search = queryParts(start).find((part) => part.key === 'search')!;
    expect(search.without(start).search).toBe('');
  });
});

describe('the keyboard on the result', () => {
  const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
    key,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });
  const table = { cursor: 5, total: 100, totalExact: true, columns: 1, pageRows: 20 };
  const grid = { ...table, columns: 4 };

  it('moves by a row, a card, a page, or to either end, never past them', () => {
    expect(keyIntent(press('ArrowDown'), table)).toMatchObject({ kind: 'move', to: 6, extend: false });
    expect(keyIntent(press('ArrowDown'), grid)).toMatchObject({ kind: 'move', to: 9 });
    expect(keyIntent(press('ArrowLeft'), grid)).toMatchObject({ kind: 'move', to: 4 });
    expect(keyIntent(press('ArrowLeft'), table)).toBeNull();
    expect(keyIntent(press('PageDown'), table)).toMatchObject({ to: 25 });
    expect(keyIntent(press('PageUp'), table)).toMatchObject({ to: 0 });
    expect(keyIntent(press('End'), table)).toMatchObject({ to: 99 });
    expect(keyIntent(press('ArrowDown'), { ...table, cursor: null })).toMatchObject({ to: 0 });
    expect(keyIntent(press('ArrowUp'), { ...table, cursor: null })).toMatchObject({ to: 99 });
    expect(keyIntent(press('ArrowDown', { shiftKey: true }), table)).toMatchObject({
      extend: true,
      keepChoice: false,
    });
    expect(keyIntent(press('ArrowDown', { ctrlKey: true }), table)).toMatchObject({
      extend: false,
      keepChoice: true,
    });
  });

  it('while the result is being counted, the end waits for the count; steps stop at the bound', () => {
    const counting = { ...table, total: 501, totalExact: false };
    expect(keyIntent(press('End'), counting)).toEqual({
      kind: 'move-to-end',
      extend: false,
      keepChoice: false,
    });
    expect(keyIntent(press('End', { shiftKey: true }), counting)).toEqual({
      kind: 'move-to-end',
      extend: true,
      keepChoice: false,
    });
    expect(keyIntent(press('ArrowUp'), { ...counting, cursor: null })).toMatchObject({ kind: 'move-to-end' });
    expect(keyIntent(press('ArrowDown'), { ...counting, cursor: null })).toMatchObject({
      kind: 'move',
      to: 0,
    });
    expect(keyIntent(press('PageDown'), { ...counting, cursor: 495 })).toMatchObject({
      kind: 'move',
      to: 500,
    });
    expect(keyIntent(press('Home'), counting)).toMatchObject({ kind: 'move', to: 0 });
  });

  it('reads Enter, Space, Ctrl/Cmd+A, Esc and Delete', () => {
    expect(keyIntent(press('Enter'), table)).toEqual({ kind: 'open' });
    expect(keyIntent(press('Enter'), { ...table, cursor: null })).toBeNull();
    expect(keyIntent(press(' '), table)).toEqual({ kind: 'toggle' });
    expect(keyIntent(press('a', { metaKey: true }), table)).toEqual({ kind: 'select-all' });
    expect(keyIntent(press('a'), table)).toBeNull();
    expect(keyIntent(press('Escape'), table)).toEqual({ kind: 'clear' });
    expect(keyIntent(press('Delete'), table)).toEqual({ kind: 'trash' });
    expect(keyIntent(press('Backspace', { metaKey: true }), table)).toEqual({ kind: 'trash' });
    expect(keyIntent(press('Backspace'), table)).toBeNull();
  });

  it('"/" goes to the search unless typing in a field; Ctrl/Cmd+F always does', () => {
    const input = document.createElement('input');
    const div = document.createElement('div');
    expect(isSearchShortcut(press('/'), div)).toBe(true);
    expect(isSearchShortcut(press('/'), input)).toBe(false);
    expect(isSearchShortcut(press('f', { ctrlKey: true }), input)).toBe(true);
    expect(isSearchShortcut(press('F', { metaKey: true }), div)).toBe(true);
    expect(isSearchShortcut(press('f'), div)).toBe(false);
  });
});

describe('the choice of films', () => {
  it('a click chooses one, a Ctrl-click toggles one, a Shift-click chooses the run from the anchor', () => {
    const one = selectOne('b', 1);
    const two = toggleOne(one, 'd', 3);
    expect([...(two.mode === 'some' ? two.ids : [])]).toEqual(['b', 'd']);
    expect(two.anchor).toBe(3);
    const run = selectRun(two, ['d', 'e', 'f'], 5);
    expect(run).toEqual({ mode: 'some', ids: new Set(['d', 'e', 'f']), anchor: 3 });
    expect(isSelected(toggleOne(run, 'e', 4), 'e')).toBe(false);
  });

  it('all of a result is everything except what was taken out, counted without fetching it', () => {
    const all = toggleOne(selectAll(), 'x', 7);
    expect(isSelected(all, 'x')).toBe(false);
    expect(isSelected(all, 'y')).toBe(true);
    expect(selectedCount(all, 100_000)).toBe(99_999);
    expect(selectedCount(noSelection, 100_000)).toBe(0);
  });
});

describe('remembered layout and placeholders', () => {
  it('falls back to defaults for anything a saved layout gets wrong', () => {
    const stored = (value: string) => ({ getItem: () => value });
    expect(loadLayout(stored('{"layout":"grid","columns":["year","bogus"]}'))).toMatchObject({
      layout: 'grid',
      columns: expect.arrayContaining(['title']),
    });
    expect(loadLayout(stored('not json')).layout).toBe('table');
    expect(loadLayout(stored('{"columns":["title","year"],"widths":{"title":400}}'))).toMatchObject({
      columns: ['title', 'year'],
      widths: { title: 400 },
    });
  });

  it('initials skip a leading article and punctuation', () => {
    expect(titleInitials('The Work')).toBe('W');
    expect(titleInitials('Silent Harbour 2')).toBe('SH');
    expect(titleInitials('“Amélie”')).toBe('A');
    expect(titleInitials('12 Angry Men')).toBe('1A');
  });
});

describe('match snippets', () => {
  it('keep one word before the first mark, so it shows in a narrow column', () => {
    const s = '\u0001';
    const e = '\u0002';
    expect(leadUpToMark(`…An Unprecedented Retreat Inside Folsom ${s}Prison${e} walls`)).toBe(
      `…Folsom ${s}Prison${e} walls`,
    );
    expect(leadUpToMark(`Inside ${s}Prison${e}`)).toBe(`Inside ${s}Prison${e}`);
    expect(leadUpToMark(`…Julien Wiczard\n${s}Ridiculous${e} pilot`)).toBe(
      `…Wiczard\n${s}Ridiculous${e} pilot`,
    );
    expect(leadUpToMark('no mark at all')).toBe('no mark at all');
  });
});
