import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { FilmfolioBridge } from '../../src/shared/contract';
import { MENU_CHANNEL } from '../../src/shared/menu-actions';
import { tempFolder } from '../support/temp-library';
import { describeE2e } from './describe-e2e';
import { startApp, type AppHarness } from './harness';
import { SEND_TO_WINDOW } from './preload-script';

const apps: AppHarness[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function open(hash = '#/settings', colorScheme: 'light' | 'dark' = 'light'): Promise<AppHarness> {
  const app = await startApp({ hash, colorScheme });
  apps.push(app);
  await app.page
    .getByRole(hash === '#/settings' ? 'heading' : 'banner', {
      name: hash === '#/settings' ? 'Settings' : undefined,
    })
    .first()
    .waitFor();
  return app;
}

/** The settings as main has them, asked through the bridge in the page. */
function savedSettings(app: AppHarness) {
  return app.page.evaluate(async () => {
    const outcome = await (globalThis as unknown as { filmfolio: FilmfolioBridge }).filmfolio.settings.get();
    return outcome.ok ? outcome.value : null;
  });
}

/** The window's paper colour: styles.css paints it on <html> from the theme's variables. */
const background = (app: AppHarness) =>
  app.page.evaluate('getComputedStyle(document.documentElement).backgroundColor');
const themeAttribute = (app: AppHarness) =>
  app.page.evaluate('document.documentElement.dataset.theme ?? null');

describeE2e('the settings view in Chromium, over the built main, preload and renderer', () => {
  test('shows the library open now and the defaults', async () => {
    const app = await open();
    const library = app.page.getByRole('group', { name: 'Library' });
    await expect.poll(() => library.textContent()).toContain('library · 0 films');
    expect(await library.textContent()).toContain(app.libraryPath);
    expect(await app.page.getByRole('radio', { name: 'Same as the system' }).isChecked()).toBe(true);
    expect(await app.page.getByRole('radio', { name: 'A4 (210 × 297 mm)' }).isChecked()).toBe(true);
    expect(await app.page.getByRole('combobox').inputValue()).toBe('skip');
    expect(await app.page.getByRole('spinbutton').inputValue()).toBe('10');
    expect(await app.page.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(app.pageErrors).toEqual([]);
  });

  test('switches to the dark theme, keeps it after a reload, and goes back to the system’s', async () => {
    const app = await open();
    const light = await background(app);
    await app.page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => themeAttribute(app)).toBe('dark');
    await expect.poll(() => background(app)).toBe('rgb(25, 24, 22)');
    await expect.poll(async () => (await savedSettings(app))?.theme).toBe('dark');
    await app.page.reload();
    await expect.poll(() => themeAttribute(app)).toBe('dark');
    await app.page.getByRole('radio', { name: 'Same as the system' }).check();
    await expect.poll(() => themeAttribute(app)).toBe(null);
    await expect.poll(() => background(app)).toBe(light);
    expect(app.pageErrors).toEqual([]);
  });

  test('follows a dark system until the person picks Light', async () => {
    const app = await open('#/settings', 'dark');
    await expect.poll(() => background(app)).toBe('rgb(25, 24, 22)');
    await app.page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => background(app)).toBe('rgb(251, 250, 247)');
  });

  test('saves paper size, import rule and backups kept, refusing a number out of range', async () => {
    const app = await open();
    await app.page.getByRole('radio', { name: 'US Letter (8½ × 11 in)' }).check();
    await app.page.getByRole('combobox').selectOption('merge');
    const backups = app.page.getByRole('spinbutton');
    await backups.fill('500');
    await backups.press('Enter');
    await app.page.getByText('Enter a whole number from 1 to 100.').waitFor();
    expect(await backups.getAttribute('aria-invalid')).toBe('true');
    await backups.fill('25');
    await backups.press('Enter');
    await app.page.getByRole('status').getByText('Backups kept saved.').waitFor();
    expect(await savedSettings(app)).toEqual({
      theme: 'system',
      paperSize: 'Letter',
      duplicateRule: 'merge',
      backupsKept: 25,
    });
  });

  test('creates a new library through the dialog, then reopens the first from the recent list', async () => {
    const app = await open();
    const library = app.page.getByRole('group', { name: 'Library' });
    const westerns = join(tempFolder(), 'Westerns');
    app.electron.dialogPaths.push(westerns);
    await app.page.getByRole('button', { name: 'New library…' }).click();
    await expect.poll(() => library.locator('strong').textContent()).toBe('Westerns');
    expect(existsSync(`${westerns}.filmfolio.sqlite`)).toBe(true);
    await app.page.getByRole('button', { name: 'Open library', exact: true }).click();
    await expect.poll(() => library.locator('strong').textContent()).toBe('library');
    const recent = app.page.getByRole('list', { name: 'Recent libraries' });
    expect(await recent.textContent()).toContain(`${westerns}.filmfolio.sqlite`);
    app.electron.dialogPaths.push(`${westerns}.filmfolio.sqlite`);
    await app.page.getByRole('button', { name: 'Open another library…' }).click();
    await expect.poll(() => library.locator('strong').textContent()).toBe('Westerns');
    expect(app.pageErrors).toEqual([]);
  });

  test('says plainly when the chosen file is not a library, and keeps the one open', async () => {
    const app = await open();
    app.electron.dialogPaths.push(app.libraryPath.replace(/library\.filmfolio\.sqlite$/, ''));
    await app.page.getByRole('button', { name: 'Open another library…' }).click();
    await app.page
      .getByRole('alert')
      .getByText(/is a folder, not a library file/)
      .waitFor();
    expect(await app.page.getByRole('group', { name: 'Library' }).locator('strong').textContent()).toBe(
      'library',
    );
  });

  test('goes where the application menu says', async () => {
    const app = await open('#/');
    const send = (action: string) =>
      app.page.evaluate(
        ([name, channel, message]) =>
          (window as unknown as Record<string, (c: string, m: unknown) => void>)[name]!(channel, message),
        [SEND_TO_WINDOW, MENU_CHANNEL, { action }] as const,
      );
    await send('settings');
    await expect.poll(() => app.page.evaluate('location.hash')).toBe('#/settings');
    await send('new-film');
    await expect.poll(() => app.page.evaluate('location.hash')).toBe('#/edit/new');
    await send('format-disk');
    await send('import');
    await expect.poll(() => app.page.evaluate('location.hash')).toBe('#/transfer');
  });
});
