import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowseView, forgetBrowseQuery, SEARCH_DEBOUNCE_MS } from '../../src/renderer/src/browse/browse-view';
import { getBrowseSelection } from '../../src/renderer/src/browse/browse-selection';
import type { FilmPage, ListQuery } from '../../src/shared/browse';
import { emptyFacets, fakeLibrary, summary } from './browse-fake-library';
import { withApi } from './edit-fake-api';

// jsdom lays nothing out: give every element a window-sized box so the list virtualises as on screen.
const sizes = { offsetWidth: 1000, offsetHeight: 640, clientWidth: 1000, clientHeight: 640 } as const;
const saved = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes)) {
    saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

beforeEach(forgetBrowseQuery);

const films = [
  summary(1, 'Alien', { genres: ['Horror', 'Science Fiction'] }),
  summary(2, 'Aliens', { genres: ['Action', 'Science Fiction'] }),
  summary(3, 'Amélie', { genres: ['Comedy'] }),
  summary(4, 'Brazil', { genres: ['Science Fiction', 'Comedy'] }),
  summary(5, 'Chinatown', { genres: ['Crime'] }),
];

async function openBrowse(
  library = fakeLibrary(films, { genres: [{ value: 'Science Fiction', count: 3 }] }),
) {
  const user = userEvent.setup();
  render(withApi(library.api, <BrowseView />));
  await screen.findByRole('grid', { name: 'Film list' });
  return { user, ...library };
}

const titles = () =>
  within(screen.getByRole('grid', { name: 'Film list' }))
    .queryAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')
    .map((row) => within(row).getAllByRole('gridcell')[0]?.textContent);

describe('browse: search as you type', () => {
  it('asks the library at once for a key typed after a pause, without waiting', async () => {
    const { queries } = await openBrowse();
    // A synchronous act runs no timer: the search is asked by the key's own update.
    act(() => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search films' }), { target: { value: 'b' } });
    });
    expect(queries.map((query) => query.search)).toEqual(['', 'b']);
    expect(queries.at(-1)).toMatchObject({ sort: 'relevance', offset: 0 });
    await waitFor(() => expect(titles()).toEqual(['Brazil']));
  });

  it('asks for a burst of keys once it settles, and for its first key at once, even as the view opens', async () => {
    // The clock stands still from before the view opens: every key comes at the same instant as
    // the one before, a burst however slowly this machine types, and the first at the instant the
    // view opened, which is no key (it once made the first key wait whenever the view opened
    // less than SEARCH_DEBOUNCE_MS before it).
    const clock = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    const { user, queries } = await openBrowse().catch((error: unknown) => {
      clock.mockRestore();
      throw error;
    });
    try {
      await user.type(screen.getByRole('searchbox', { name: 'Search films' }), 'alie');
      await waitFor(() => expect(queries.map((query) => query.search)).toEqual(['', 'a', 'alie']));
    } finally {
      clock.mockRestore();
    }
    await waitFor(() => expect(titles()).toEqual(['Alien', 'Aliens']));
    expect(queries.map((query) => query.search)).toEqual(['', 'a', 'alie']);
  });

  it('shows the answer to the last query even when an earlier one answers later', async () => {
    const library = fakeLibrary(films);
    const slow = library.list.getMockImplementation()!;
    library.list.mockImplementation(async (query: ListQuery): Promise<FilmPage> => {
      // "ali" answers long after "bra".
      if (query.search === 'ali') await new Promise((resolve) => setTimeout(resolve, 300));
      return slow(query);
    });
    const { user } = await openBrowse(library);
    const box = screen.getByRole('searchbox', { name: 'Search films' });
    await user.type(box, 'ali');
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 30));
    await user.clear(box);
    await user.type(box, 'bra');
    await waitFor(() => expect(titles()).toEqual(['Brazil']));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(titles()).toEqual(['Brazil']);
  });

  it('says when nothing matches, and clears search and filters in one click', async () => {
    const { user } = await openBrowse();
    await user.type(screen.getByRole('searchbox', { name: 'Search films' }), 'zzz');
    await screen.findByRole('heading', { name: 'No films match' });
    // The first key is asked at once: "z" may say so before "zzz" does.
    expect(await screen.findByText(/Nothing in the library matches “zzz”/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    expect((screen.getByRole('searchbox', { name: 'Search films' }) as HTMLInputElement).value).toBe('');
  });
});

describe('browse: a big search shows its first page before its count', () => {
  // "lig" finds 1,200 films, "ligh" 1,000: both more than the library counts at once.
  const big = [
    ...films,
    ...Array.from({ length: 1000 }, (_, i) => summary(100 + i, `Light ${i}`)),
    ...Array.from({ length: 200 }, (_, i) => summary(2000 + i, `Ligature ${i}`)),
  ];
  const lastLight = big.find((film) => film.title === 'Light 999')!;
  // Typing into a 1,205-film result: slow on a loaded machine; the waits are not timings.
  const patience = { timeout: 5000 };

  /**
   * Holds back what would tell the exact length of each search in `searches`, until the test lets
   * it through: its count, and its later pages (which, in the real library as in the fake, carry it).
   */
  function holdCounts(library: ReturnType<typeof fakeLibrary>, searches: string[]) {
    const [count, list] = [library.count.getMockImplementation()!, library.list.getMockImplementation()!];
    const held = new Map<string, (() => void)[]>();
    const free = new Set<string>();
    const wait = (key: string) =>
      free.has(key)
        ? Promise.resolve()
        : new Promise<void>((resolve) => held.set(key, [...(held.get(key) ?? []), resolve]));
    const letThrough = (key: string) =>
      act(async () => {
        free.add(key);
        for (const resolve of held.get(key) ?? []) resolve();
        held.delete(key);
      });
    library.count.mockImplementation(async (query) => {
      if (searches.includes(query.search ?? '')) await wait(`count ${query.search}`);
      return count(query);
    });
    library.list.mockImplementation(async (query) => {
      if (searches.includes(query.search ?? '') && (query.offset ?? 0) > 0)
        await wait(`pages ${query.search}`);
      return list(query);
    });
    return {
      asked: (search: string) => held.has(`count ${search}`),
      release: async (search: string) => {
        await letThrough(`count ${search}`);
        await letThrough(`pages ${search}`);
      },
      releasePages: (search: string) => letThrough(`pages ${search}`),
    };
  }

  const countText = () => screen.getByRole('status').querySelector('.query-count')?.textContent;
  /** The search whose results the list shows (browse marks it): a key typed after a pause is asked at once, so "lig" may show before "ligh". */
  const shownSearch = () =>
    (
      JSON.parse(document.querySelector('.browse-results')?.getAttribute('data-results-for') || '[null]') as [
        string | null,
      ]
    )[0];
  const rowCount = () => screen.getByRole('grid', { name: 'Film list' }).getAttribute('aria-rowcount');

  async function searchFor(user: ReturnType<typeof userEvent.setup>, text: string) {
    await user.type(screen.getByRole('searchbox', { name: 'Search films' }), text);
  }

  it('shows the first rows at once with a lower bound, then the exact count, and the list grows', async () => {
    const library = fakeLibrary(big);
    const counts = holdCounts(library, ['ligh']);
    const { user } = await openBrowse(library);
    await waitFor(() => expect(countText()).toBe('1,205 films'), patience);
    await searchFor(user, 'ligh');
    await waitFor(() => expect(shownSearch()).toBe('ligh'), patience);
    expect(titles()[0]).toBe('Light 0');
    expect(countText()).toBe('More than 500 films of 1,205 · counting…');
    expect(rowCount()).toBe('-1');
    await waitFor(() => expect(counts.asked('ligh')).toBe(true), patience);
    expect(library.count).toHaveBeenLastCalledWith({ search: 'ligh', filter: expect.any(Object) });

    // A chosen film offers "Choose all" only with the exact number.
    await user.click(screen.getAllByRole('row')[1]!);
    expect(screen.getByText('1 chosen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Choose all/ })).toBeNull();

    await counts.release('ligh');
    await waitFor(() => expect(countText()).toBe('1,000 films of 1,205'), patience);
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe('1,000 films of 1,205: “ligh”');
    expect(rowCount()).toBe('1001');
    expect(titles()[0]).toBe('Light 0');
    expect(screen.getByRole('button', { name: 'Choose all 1,000' })).toBeTruthy();
  });

  it('drops the count of a search typed on from, and shows the newer one’s', async () => {
    const library = fakeLibrary(big);
    const counts = holdCounts(library, ['lig', 'ligh']);
    const { user } = await openBrowse(library);
    await searchFor(user, 'lig');
    await waitFor(() => expect(counts.asked('lig')).toBe(true), patience);
    await searchFor(user, 'h');
    // "ligh" is asked for its count once its first page is shown.
    await waitFor(() => expect(counts.asked('ligh')).toBe(true), patience);

    await counts.release('lig');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(countText()).toBe('More than 500 films of 1,205 · counting…');
    await counts.release('ligh');
    await waitFor(() => expect(countText()).toBe('1,000 films of 1,205'), patience);
  });

  /** "ligh" searched, its count held back, the film list focused: what End and Ctrl+A meet while counting. */
  async function focusedWhileCounting() {
    const library = fakeLibrary(big);
    const counts = holdCounts(library, ['ligh']);
    const { user } = await openBrowse(library);
    await searchFor(user, 'ligh');
    await waitFor(() => expect(counts.asked('ligh')).toBe(true), patience);
    screen.getByRole('grid', { name: 'Film list' }).focus();
    return { user, counts };
  }

  it('End while counting goes to the real last film once the count lands, not to the bound', async () => {
    const { user, counts } = await focusedWhileCounting();
    await user.keyboard('{End}');
    expect(getBrowseSelection()).toBeNull();
    await counts.release('ligh');
    await waitFor(() => expect(getBrowseSelection()).toEqual({ kind: 'ids', ids: [lastLight.id] }), patience);
  });

  it('Ctrl+A while counting chooses the whole result with its exact number', async () => {
    const { user, counts } = await focusedWhileCounting();
    await user.keyboard('{Control>}a{/Control}');
    expect(getBrowseSelection()).toBeNull();
    expect(screen.queryByText(/chosen/)).toBeNull();
    await counts.release('ligh');
    await waitFor(
      () =>
        expect(getBrowseSelection()).toMatchObject({ kind: 'query', count: 1000, query: { search: 'ligh' } }),
      patience,
    );
    expect(screen.getByText('1,000 chosen')).toBeTruthy();
  });

  it('a later page that carries the exact number settles the count, whichever comes first', async () => {
    const library = fakeLibrary(big);
    const counts = holdCounts(library, ['ligh']);
    const { user } = await openBrowse(library);
    await searchFor(user, 'ligh');
    await waitFor(() => expect(counts.asked('ligh')).toBe(true), patience);
    expect(countText()).toBe('More than 500 films of 1,205 · counting…');
    await counts.releasePages('ligh');
    await waitFor(() => expect(countText()).toBe('1,000 films of 1,205'), patience);
  });

  it('a count that fails says so, and keeps the rows shown', async () => {
    const library = fakeLibrary(big);
    const count = library.count.getMockImplementation()!;
    library.count.mockImplementation(async (query) => {
      if (query.search === 'ligh') throw new Error('the disk is busy');
      return count(query);
    });
    // Later pages carry the exact total when main has counted; here it could not, so they carry the
    // bound too (otherwise the pages fetched ahead may bring the number the count failed to).
    const list = library.list.getMockImplementation()!;
    library.list.mockImplementation(async (query) => {
      const page = await list(query);
      return query.search === 'ligh' ? { ...page, total: 501, totalExact: false } : page;
    });
    const { user } = await openBrowse(library);
    await searchFor(user, 'ligh');
    await screen.findByText('The films could not be counted: the disk is busy', {}, patience);
    // Typing may have shown "lig" on the way; what settles is "ligh", uncounted, its rows kept.
    await waitFor(() => expect(countText()).toBe('More than 500 films of 1,205 · not counted'), patience);
    expect(titles()[0]).toBe('Light 0');
  });
});

describe('browse: filters read back as one line', () => {
  it('a genre chosen in the filter list becomes a chip; removing it, or Clear all, undoes it', async () => {
    const { user, queries } = await openBrowse();
    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await user.click(await within(filters).findByRole('button', { name: /Science Fiction/ }));
    await waitFor(() => expect(titles()).toEqual(['Alien', 'Aliens', 'Brazil']));
    expect(queries.at(-1)?.filter?.genres).toEqual(['Science Fiction']);
    const line = screen.getByRole('status', { name: /3 films of 5: Science Fiction/ });
    await user.click(within(line).getByRole('button', { name: 'Remove Science Fiction' }));
    await waitFor(() => expect(titles()).toHaveLength(5));

    await user.click(within(filters).getByRole('button', { name: /Science Fiction/ }));
    await user.type(screen.getByRole('searchbox', { name: 'Search films' }), 'ali');
    // "al" may show the same two films first (a key after a pause is asked at once).
    await waitFor(() =>
      expect(screen.getByRole('status').getAttribute('aria-label')).toBe(
        '2 films of 5: “ali” · Science Fiction',
      ),
    );
    expect(titles()).toEqual(['Alien', 'Aliens']);
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Clear all' })).toBeNull();
  });

  it('a column header sorts, a second click turns the order around, and the order reads back', async () => {
    const { user, queries } = await openBrowse();
    const year = () => within(screen.getByRole('columnheader', { name: /Year/ })).getByRole('button');
    await user.click(year());
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ sort: 'year', descending: false }));
    await user.click(year());
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ sort: 'year', descending: true }));
    expect(screen.getByRole('columnheader', { name: /Year/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByText('sorted by year, newest first')).toBeTruthy();
  });
});

describe('browse: choosing films', () => {
  const row = (title: string) =>
    within(screen.getByRole('grid', { name: 'Film list' }))
      .getAllByRole('row')
      .find((candidate) => within(candidate).queryAllByRole('gridcell')[0]?.textContent === title)!;
  const chosen = () =>
    within(screen.getByRole('grid', { name: 'Film list' }))
      .getAllByRole('row')
      .filter((candidate) => candidate.getAttribute('aria-selected') === 'true')
      .map((candidate) => within(candidate).getAllByRole('gridcell')[0]?.textContent);

  it('click chooses one, Ctrl-click adds and removes, Shift-click chooses the run from the anchor', async () => {
    const { user } = await openBrowse();
    await user.click(row('Aliens'));
    expect(chosen()).toEqual(['Aliens']);
    await user.keyboard('{Control>}');
    await user.click(row('Brazil'));
    await user.keyboard('{/Control}');
    expect(chosen()).toEqual(['Aliens', 'Brazil']);
    await user.click(row('Alien'));
    await user.keyboard('{Shift>}');
    await user.click(row('Amélie'));
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(chosen()).toEqual(['Alien', 'Aliens', 'Amélie']));
    expect(getBrowseSelection()).toEqual({ kind: 'ids', ids: [films[0]!.id, films[1]!.id, films[2]!.id] });
    expect(screen.getByText('3 chosen')).toBeTruthy();
  });

  it('Ctrl+A chooses the whole result, which export and print receive as the query, not as ids', async () => {
    const { user } = await openBrowse();
    screen.getByRole('grid', { name: 'Film list' }).focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(chosen()).toHaveLength(5);
    expect(getBrowseSelection()).toMatchObject({
      kind: 'query',
      count: 5,
      except: [],
      query: { search: '' },
    });
    await user.keyboard('{Escape}');
    expect(chosen()).toEqual([]);
    expect(getBrowseSelection()).toBeNull();
  });

  it('Print selection opens the sheet of the chosen films', async () => {
    const { user } = await openBrowse();
    await user.click(row('Brazil'));
    await user.click(screen.getByRole('button', { name: 'Print selection' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/sheet/${films[3]!.id}`));
  });

  it('Delete sends the chosen films to the trash and offers to undo', async () => {
    const { user, trash } = await openBrowse();
    await user.click(row('Chinatown'));
    await user.keyboard('{Delete}');
    await waitFor(() => expect(trash).toHaveBeenCalledWith([films[4]!.id]));
  });
});

describe('browse: the keyboard', () => {
  it('arrows move and choose, Shift+arrow extends, Enter opens the film', async () => {
    const { user } = await openBrowse();
    screen.getByRole('grid', { name: 'Film list' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(getBrowseSelection()).toEqual({ kind: 'ids', ids: [films[0]!.id] });
    await user.keyboard('{ArrowDown}{Shift>}{ArrowDown}{/Shift}');
    await waitFor(() =>
      expect(getBrowseSelection()).toEqual({ kind: 'ids', ids: [films[1]!.id, films[2]!.id] }),
    );
    await user.keyboard('{End}');
    expect(getBrowseSelection()).toEqual({ kind: 'ids', ids: [films[4]!.id] });
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe(`#/film/${films[4]!.id}`);
  });

  it('"/" and Ctrl+F put the keyboard in the search box; Esc there clears the search', async () => {
    const { user } = await openBrowse();
    const box = screen.getByRole('searchbox', { name: 'Search films' });
    screen.getByRole('grid', { name: 'Film list' }).focus();
    await user.keyboard('/');
    expect(document.activeElement).toBe(box);
    expect((box as HTMLInputElement).value).toBe('');
    await user.keyboard('brazil');
    await waitFor(() => expect(titles()).toEqual(['Brazil']));
    await user.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    screen.getByRole('grid', { name: 'Film list' }).focus();
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(box);
  });
});

describe('browse: coming back', () => {
  it('finds the search, filters and order as they were left', async () => {
    const { user } = await openBrowse();
    await user.type(screen.getByRole('searchbox', { name: 'Search films' }), 'ali');
    await waitFor(() => expect(titles()).toEqual(['Alien', 'Aliens']));
    cleanup();
    await openBrowse();
    expect((screen.getByRole('searchbox', { name: 'Search films' }) as HTMLInputElement).value).toBe('ali');
    await waitFor(() => expect(titles()).toEqual(['Alien', 'Aliens']));
  });
});

describe('browse: layout and empty library', () => {
  it('remembers grid or table, and the columns shown', async () => {
    const { user } = await openBrowse();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Runtime' }));
    expect(screen.queryByRole('columnheader', { name: /Runtime/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Grid' }));
    expect(JSON.parse(localStorage.getItem('filmfolio.browse.layout') ?? '{}')).toMatchObject({
      layout: 'grid',
    });
    expect(screen.getAllByRole('gridcell', { name: /Alien \(2001\)/ })).toHaveLength(1);
  });

  it('an empty library explains how to fill it and opens the sample film', async () => {
    const library = fakeLibrary([]);
    render(withApi(library.api, <BrowseView />));
    await screen.findByRole('heading', { name: 'Your library is empty' });
    library.list.mockImplementation(async () => ({
      total: 1,
      totalExact: true,
      offset: 0,
      films: [summary(9, 'The Work')],
    }));
    await act(async () => screen.getByRole('button', { name: 'Open the sample film' }).click());
    await screen.findByRole('grid', { name: 'Film list' });
    await waitFor(() => expect(titles()).toEqual(['The Work']));
  });

  it('shows the counts of the filter lists for the current search', async () => {
    const library = fakeLibrary(films, { ...emptyFacets, seen: { seen: 2, unseen: 3 } });
    const { user } = await openBrowse(library);
    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await within(filters).findByRole('button', { name: 'Not yet (3)' });
    await user.type(screen.getByRole('searchbox', { name: 'Search films' }), 'ali');
    await waitFor(() =>
      expect(library.api.films.facets).toHaveBeenLastCalledWith({
        search: 'ali',
        filter: expect.any(Object),
      }),
    );
    expect(vi.mocked(library.api.films.facets).mock.calls.length).toBeLessThanOrEqual(2);
  });
});
