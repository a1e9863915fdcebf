import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FilmCatalogue } from '../../src/renderer/src/sheet/film-catalogue';
import { FilmSheet } from '../../src/renderer/src/sheet/film-sheet';
import { completeFilm, emptyFilm } from '../../src/shared/film';
import { filmInputSchema, type Film } from '../../src/shared/film-schema';
import { figuresOf, squeeze, textsOf } from '../fixtures/sheet/film-texts';
import { HOSTILE_FIELDS, HOSTILE_TEXT, HOSTILE_URL, hostileFilm } from '../fixtures/sheet/hostile-film';
import { canonicalFilm, filmArbitrary } from '../support/film-arbitrary';
import sampleLibrary from '../../resources/sample-library.json';

afterEach(cleanup);

const theWork = (): Film =>
  completeFilm(filmInputSchema.parse(sampleLibrary.films[0]), '2026-11-26T00:00:00.000Z');

const headings = (root: HTMLElement) =>
  [...root.querySelectorAll('h1, h2, h3, h4')].map((heading) => heading.textContent ?? '');

/** The seed page's sections, in its order, as the sheet titles them. */
const SEED_ORDER = [
  'Plot summary, badly explained',
  'Synopsis',
  'Cast & characters',
  'Memorable quotes',
  'Box office',
  'Reviews',
  'Awards',
  'Behind the scenes',
  'Where to watch',
  'Similar films',
  'Related products',
  'Soundtrack',
  'FAQ',
  'Bonus content',
];

describe('FilmSheet', () => {
  it('shows every fact of The Work, formatted for the locale', () => {
    const film = theWork();
    const { container } = render(<FilmSheet film={film} locale="en-US" />);
    const shown = squeeze(container.textContent ?? '');
    const missing = [...textsOf(film), ...figuresOf(film)].filter((fact) => !shown.includes(squeeze(fact)));
    expect(missing).toEqual([]);
    expect(container.textContent).not.toMatch(/\b(undefined|null|NaN)\b|\[object Object\]/);
  });

  it('follows the seed page’s order and leaves out its empty spoilers and collection', () => {
    const { container } = render(<FilmSheet film={theWork()} locale="en-US" />);
    const sections = [...container.querySelectorAll('h2')].map((heading) => heading.textContent);
    expect(sections).toEqual(SEED_ORDER);
    expect(container.querySelector('.sheet-overview')?.textContent).toContain(
      'Jairus McLeary, Gethin Aldous',
    );
  });

  it('prints money in the reader’s locale and an unknown budget as "Unknown"', () => {
    const { container } = render(<FilmSheet film={theWork()} locale="de-DE" />);
    const boxOffice = container.querySelector('[aria-label="Box office"]')?.textContent ?? '';
    expect(boxOffice).toContain('Unknown');
    expect(boxOffice).toMatch(/5\.853\s\$/);
    expect(boxOffice).toMatch(/20\.554\s\$/);
    expect(container.textContent).toContain('7,8/10');
  });

  it('gives a film with nothing but a title nothing but its title', () => {
    const { container } = render(<FilmSheet film={emptyFilm('X')} />);
    expect(headings(container)).toEqual(['X']);
    expect(container.querySelectorAll('section, dl, ul, ol, table')).toHaveLength(0);
    expect(container.textContent).toBe('X');
  });

  it('never leaves a heading without something under it, whatever the film holds', () => {
    fc.assert(
      fc.property(filmArbitrary, (input) => {
        const film = canonicalFilm(input);
        const { container, unmount } = render(<FilmSheet film={film} locale="en-US" />);
        try {
          for (const heading of container.querySelectorAll('h2, h3, h4')) {
            const block = heading.parentElement!;
            const rest = (block.textContent ?? '').slice((heading.textContent ?? '').length).trim();
            expect(rest, `"${heading.textContent}" has content`).not.toBe('');
          }
          const json = JSON.stringify(film);
          for (const word of ['undefined', 'NaN', '[object Object]']) {
            if (!json.includes(word)) expect(container.textContent).not.toContain(word);
          }
        } finally {
          unmount();
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('shows markup in a film as text and never makes a javascript: link', () => {
    const { container } = render(<FilmSheet film={hostileFilm()} locale="en-US" />);
    expect(container.querySelectorAll('script, img, iframe, object, embed, style')).toHaveLength(0);
    const text = container.textContent ?? '';
    for (const field of HOSTILE_FIELDS) expect(text, field).toContain(`${field}: ${HOSTILE_TEXT}`);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(text).toContain(`(${HOSTILE_URL})`);
  });

  it('links http and https addresses only, and shows a poster only from an inline image', () => {
    const film = completeFilm(
      filmInputSchema.parse({
        title: 'Linked',
        trailer: { label: 'Official trailer', url: 'https://example.com/trailer?a=1&b=2' },
        whereToWatch: { providers: [{ name: 'Cinema', kind: 'rent', url: 'http://example.org/' }] },
        poster: 'data:image/png;base64,iVBORw0KGgo=',
      }),
    );
    const { container } = render(<FilmSheet film={film} />);
    const links = [...container.querySelectorAll('a')].map((link) => [
      link.textContent,
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Official trailer', 'https://example.com/trailer?a=1&b=2'],
      ['Cinema', 'http://example.org/'],
    ]);
    expect(container.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(container.textContent).toContain('Cinema (to rent)');
  });

  it('shows the collector’s own: rating, copies, loans, watched, tags and notes', () => {
    const film = completeFilm(
      filmInputSchema.parse({
        title: 'Mine',
        userRating: 7.5,
        copies: [
          {
            medium: 'Blu-ray',
            edition: 'Criterion',
            region: 'B',
            location: 'Shelf 3',
            acquired: '2024-02-01',
            price: { amount: 30, currency: 'EUR' },
          },
        ],
        loans: [{ copyIndex: 0, borrower: 'Ana', lentOn: '2025-01-05', dueOn: '2025-02-01' }],
        watched: [{ date: '2025-03-04', note: 'with friends' }],
        tags: ['Prison films'],
        notes: 'Bought at the festival',
      }),
    );
    const { container } = render(<FilmSheet film={film} locale="en-US" />);
    const own = container.querySelector('[aria-label="In my collection"]')?.textContent ?? '';
    for (const text of [
      '★★★★★★★½☆☆ 7.5/10',
      'Prison films',
      'Blu-ray',
      'Criterion, B',
      'Shelf 3',
      'February 1, 2024 · €30',
      'Ana — Copy 1 (Blu-ray), lent January 5, 2025, on loan, due February 1, 2025',
      'March 4, 2025 — with friends',
      'Bought at the festival',
    ]) {
      expect(own).toContain(text);
    }
  });
});

describe('FilmCatalogue', () => {
  const films = [theWork(), completeFilm(filmInputSchema.parse({ title: 'Second', year: 1999 }))];

  it('opens with a cover and numbered contents, then a sheet per film', () => {
    const { container } = render(
      <FilmCatalogue
        films={films}
        libraryName="Home shelf"
        date="2026-11-26"
        locale="en-US"
        toc="pages"
        startPages={[3, 9]}
      />,
    );
    expect(container.querySelector('.sheet-cover')?.textContent).toBe(
      'Film catalogueHome shelf2 filmsNovember 26, 2026',
    );
    const entries = [...container.querySelectorAll('.sheet-contents-entry')].map(
      (entry) => entry.textContent,
    );
    expect(entries).toEqual(['The Work — 2017 · Jairus McLeary, Gethin Aldous3', 'Second — 19999']);
    const targets = [...container.querySelectorAll('.sheet-contents-entry a')].map((link) =>
      link.getAttribute('href'),
    );
    expect(targets.map((href) => container.querySelector(href!)?.querySelector('h1')?.textContent)).toEqual([
      'The Work',
      'Second',
    ]);
  });

  it('lists the films without page numbers in list mode, or when the pages are not known', () => {
    for (const props of [{ toc: 'list' as const, startPages: [3, 9] }, { toc: 'pages' as const }]) {
      const { container, unmount } = render(
        <FilmCatalogue films={films} libraryName="Home shelf" date="2026-11-26" {...props} />,
      );
      expect(container.querySelectorAll('.sheet-contents-page')).toHaveLength(0);
      expect(container.querySelectorAll('.sheet-contents-entry')).toHaveLength(2);
      unmount();
    }
  });
});
