import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../src/renderer/src/shell/api-context';
import { SheetView } from '../../src/renderer/src/sheet/sheet-view';
import { ApiError, type FilmfolioApi } from '../../src/shared/contract';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film } from '../../src/shared/film-schema';
import sampleLibrary from '../../resources/sample-library.json';

const theWork = (): Film =>
  completeFilm(filmInputSchema.parse(sampleLibrary.films[0]), '2026-11-26T00:00:00.000Z');
const second = completeFilm(
  filmInputSchema.parse({ id: '00000000-0000-4000-8000-000000000002', title: 'Second', year: 1999 }),
);

/** The two calls the sheet view makes, typed from the contract; anything else fails the test. */
function fakeApi(get: (id: string) => Promise<Film | null>): FilmfolioApi {
  const api = {
    films: { get },
    library: {
      info: () => Promise.resolve({ name: 'Home shelf', path: '/tmp/home.filmfolio', filmCount: 2 }),
    },
  };
  return new Proxy(api, {
    get: (target, namespace: string) => {
      const part = (target as Record<string, unknown>)[namespace];
      if (part) return part;
      throw new Error(`The sheet view called ${namespace}.*, which it should not need.`);
    },
  }) as unknown as FilmfolioApi;
}

const library = new Map([theWork(), second].map((film) => [film.id, film]));
const fromLibrary = (id: string) => Promise.resolve(library.get(id) ?? null);

function showSheet(ids: string[], get = fromLibrary) {
  return render(
    <ApiProvider api={fakeApi(get)}>
      <SheetView ids={ids} />
    </ApiProvider>,
  );
}

const pageRule = (container: HTMLElement) => container.querySelector('style')?.textContent ?? '';

beforeEach(() => {
  window.localStorage.clear();
  window.location.hash = '#/sheet/x';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('SheetView', () => {
  it('shows one film’s sheet under a toolbar, on the reader’s paper', async () => {
    const { container } = showSheet([theWork().id]);
    expect(await screen.findByRole('heading', { level: 1, name: 'The Work' })).toBeTruthy();
    const toolbar = screen.getByRole('toolbar', { name: 'Sheet' });
    expect(within(toolbar).getByRole('button', { name: '← Back' })).toBeTruthy();
    expect((within(toolbar).getByRole('combobox', { name: 'Paper' }) as HTMLSelectElement).value).toBe(
      navigator.language === 'en-US' ? 'Letter' : 'A4',
    );
    expect(pageRule(container)).toMatch(/@top-left \{ content: "The Work"/);
    expect(screen.queryByText(/Film catalogue/)).toBeNull();
  });

  it('changes the paper of the print and remembers it', async () => {
    const user = userEvent.setup();
    const { container } = showSheet([theWork().id]);
    await screen.findByRole('heading', { level: 1, name: 'The Work' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper' }), 'A4');
    expect(pageRule(container)).toContain('size: A4 portrait');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper' }), 'Letter');
    expect(pageRule(container)).toContain('size: letter portrait');
    expect(window.localStorage.getItem('filmfolio.sheet.paper')).toBe('Letter');
  });

  it('prints through the print hook (the window’s own dialog for now)', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    showSheet([theWork().id]);
    const button = screen.getByRole('button', { name: 'Print…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await screen.findByRole('heading', { level: 1, name: 'The Work' });
    await user.click(button);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('makes a catalogue of several films, and says which were no longer there', async () => {
    const { container } = showSheet([theWork().id, 'gone', second.id]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Home shelf' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('One film is no longer in the library');
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    expect(
      within(contents)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['The Work — 2017 · Jairus McLeary, Gethin Aldous', 'Second — 1999']);
    expect(container.querySelectorAll('article.film-sheet')).toHaveLength(2);
    expect(pageRule(container)).toContain('@page sheet-film-1 { @top-left { content: "Second"; } }');
  });

  it('explains a failure to load instead of showing an empty page', async () => {
    showSheet([theWork().id], () => Promise.reject(new ApiError('FAILED', 'The library file is locked.')));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The sheet could not be prepared: The library file is locked.',
    );
    expect((screen.getByRole('button', { name: 'Print…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('goes back to the library when there is nowhere to go back to', async () => {
    const user = userEvent.setup();
    vi.spyOn(window.history, 'length', 'get').mockReturnValue(1);
    showSheet([theWork().id]);
    await user.click(screen.getByRole('button', { name: '← Back' }));
    expect(window.location.hash).toBe('#/');
  });
});
