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
  { name: 'film', hash: ({ films }) => (films[0] ? `#/film/${encodeURIComponent(films[0].id)}` : null) },
  { name: 'edit-new', hash: '#/edit/new' },
  { name: 'edit', hash: ({ films }) => (films[0] ? `#/edit/${encodeURIComponent(films[0].id)}` : null) },
  {
    name: 'sheet',
    hash: ({ films }) => (films[0] ? `#/sheet/${encodeURIComponent(films[0].id)}` : null),
    fullPage: true,
  },
  { name: 'transfer', hash: '#/transfer' },
];
