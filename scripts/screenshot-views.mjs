import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (path) => fileURLToPath(new URL(`../tests/fixtures/${path}`, import.meta.url));

/** The import preview's file: the rejected-film fixture, plus an unknown field and the sample film changed. */
function transferPreviewFile() {
  const library = JSON.parse(readFileSync(fixture('libraries/with-rejected-film.json'), 'utf8'));
  library.films[1].mood = 'wistful';
  library.films.push({ title: 'The Work', year: 2017, notes: 'Seen twice at the festival' });
  return {
    name: 'tarkovsky-and-more.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(library, null, 2)),
  };
}

/**
 * The views `npm run screenshots` photographs, in one place: add yours here when you build a view.
 * Each entry is a ScreenshotView (tests/e2e/screenshots.ts): name, hash (a route, or a function of
 * the library's films answering a route or null to skip), and optional themes, ready, prepare,
 * fullPage.
 *
 * @type {import('../tests/e2e/screenshots').ScreenshotView[]}
 */
export const screenshotViews = [
  {
    name: 'browse',
    hash: '#/',
    themes: ['light', 'dark'],
    ready: (page) => page.locator('[aria-label="Films"], .empty-state').first().waitFor(),
  },
  // Browse at work (best over a generated library: `--library` a file from tests/support/generate-films).
  {
    name: 'browse-table',
    hash: '#/',
    ready: (page) => page.getByRole('grid', { name: 'Film list' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.locator('.table-body .table-row:not(.is-loading)').first().waitFor();
    },
  },
  {
    name: 'browse-grid',
    hash: '#/',
    themes: ['light', 'dark'],
    ready: (page) => page.getByRole('grid', { name: 'Film list' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Grid', exact: true }).click();
      await page.locator('.film-card:not(.is-loading)').first().waitFor();
    },
  },
  {
    name: 'browse-search',
    hash: '#/',
    ready: (page) => page.getByRole('grid', { name: 'Film list' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search films' }).fill('prison');
      await page.locator('.table-body mark').first().waitFor();
      // The filter counts follow the page: wait for them, so the panel is shown as it settles.
      const filters = page.getByRole('complementary', { name: 'Filters' });
      await filters.getByRole('region', { name: 'Genre' }).locator('.facet-choice').first().waitFor();
    },
  },
  {
    name: 'browse-filters',
    hash: '#/',
    ready: (page) => page.getByRole('grid', { name: 'Film list' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      const filters = page.getByRole('complementary', { name: 'Filters' });
      // A genre, once the counts have come (before them, the first choice on the panel is "Seen").
      await filters.getByRole('region', { name: 'Genre' }).locator('.facet-choice').first().click();
      await filters.getByRole('button', { name: /^Not yet/ }).click();
      await page.getByRole('columnheader', { name: /Year/ }).getByRole('button').click();
      await page.getByRole('columnheader', { name: /Year/ }).getByRole('button').click();
      await page.locator('.query-part').nth(2).waitFor();
      await page.waitForTimeout(400);
    },
  },
  {
    name: 'browse-detail',
    hash: '#/',
    ready: (page) => page.getByRole('grid', { name: 'Film list' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.locator('.table-body .table-row:not(.is-loading)').first().click();
      await page.locator('.detail-pane .film-sheet').waitFor();
    },
  },
  { name: 'film', hash: ({ films }) => (films[0] ? `#/film/${encodeURIComponent(films[0].id)}` : null) },
  { name: 'edit-new', hash: '#/edit/new', ready: (page) => page.locator('.editor').waitFor() },
  {
    name: 'edit',
    hash: ({ films }) => (films[0] ? `#/edit/${encodeURIComponent(films[0].id)}` : null),
    themes: ['light', 'dark'],
    ready: (page) => page.locator('.editor').waitFor(),
  },
  {
    // A repeated group: the cast, with the second member's handle focused as if about to move it.
    name: 'edit-group',
    hash: ({ films }) => (films[0] ? `#/edit/${encodeURIComponent(films[0].id)}` : null),
    ready: (page) => page.locator('.editor').waitFor(),
    prepare: async (page) => {
      await page.locator('.section-list').getByRole('button', { name: 'Cast & crew' }).click();
      await page.locator('#field-cast .drag-handle').nth(1).focus();
    },
  },
  {
    name: 'trash',
    hash: '#/trash',
    ready: (page) => page.locator('.trash-view').waitFor(),
    // Something in the trash to show: a film added and deleted through the bridge, hidden elsewhere.
    prepare: async (page) => {
      await page.evaluate(async () => {
        const films = globalThis.filmfolio.films;
        const added = await films.create({ title: 'Alien', year: 1979 });
        if (added.ok) await films.trash([added.value.id]);
      });
      await page.reload();
      await page.locator('.trash-table').waitFor();
    },
  },
  {
    name: 'sheet',
    hash: ({ films }) => (films[0] ? `#/sheet/${encodeURIComponent(films[0].id)}` : null),
    fullPage: true,
  },
  { name: 'transfer', hash: '#/transfer' },
  {
    // A file with a rejected film, an unknown field and a film already in the library; a problem clicked.
    name: 'transfer-preview',
    hash: '#/transfer',
    themes: ['light', 'dark'],
    ready: (page) => page.getByRole('button', { name: 'Choose file…' }).waitFor(),
    prepare: async (page) => {
      await page.getByLabel('Library file or fact page to import').setInputFiles(transferPreviewFile());
      await page.getByRole('region', { name: 'Problems' }).getByRole('button').first().click();
      await page.getByLabel(/^The record of/).waitFor();
    },
  },
  {
    name: 'transfer-export',
    hash: '#/transfer',
    ready: (page) => page.getByRole('tab', { name: 'Export' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('tab', { name: 'Export' }).click();
      await page.getByRole('radio', { name: /^The whole library \(/ }).waitFor();
    },
  },
  {
    name: 'transfer-paste',
    hash: '#/transfer',
    ready: (page) => page.getByRole('tab', { name: 'Paste a fact page' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('tab', { name: 'Paste a fact page' }).click();
      await page
        .getByLabel(/The page’s text/)
        .fill(readFileSync(fixture('fact-pages/night-shift.txt'), 'utf8'));
      await page.getByRole('button', { name: 'Read the page' }).click();
      await page.getByRole('region', { name: 'The film the page describes' }).waitFor();
    },
  },
  {
    // The pasted page opened in the editor as a new film, not saved yet.
    name: 'transfer-paste-editor',
    hash: '#/transfer',
    ready: (page) => page.getByRole('tab', { name: 'Paste a fact page' }).waitFor(),
    prepare: async (page) => {
      await page.getByRole('tab', { name: 'Paste a fact page' }).click();
      await page
        .getByLabel(/The page’s text/)
        .fill(readFileSync(fixture('fact-pages/night-shift.txt'), 'utf8'));
      await page.getByRole('button', { name: 'Read the page' }).click();
      await page.getByRole('button', { name: 'Open in the editor' }).click();
      await page.locator('.editor-notice').waitFor();
    },
  },
  {
    // Last: it leaves unsaved changes behind. Title emptied, a runtime that cannot be read, Ctrl+S.
    name: 'edit-validation',
    hash: ({ films }) => (films[0] ? `#/edit/${encodeURIComponent(films[0].id)}` : null),
    ready: (page) => page.locator('.editor').waitFor(),
    prepare: async (page) => {
      await page.locator('#field-title').fill('');
      await page.locator('#field-runtimeMinutes').fill('an hour and a half');
      await page.locator('#field-year').focus();
      await page.keyboard.press('Control+s');
      await page.locator('.problem-summary').waitFor();
    },
  },
  {
    name: 'settings',
    hash: '#/settings',
    themes: ['light', 'dark'],
    ready: (page) => page.getByRole('group', { name: 'Library' }).waitFor(),
  },
];
