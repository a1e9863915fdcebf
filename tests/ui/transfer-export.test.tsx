import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/shared/contract';
import type { ExportRequest, ExportResult } from '../../src/shared/transfer';
import { setBrowseSelection } from '../../src/renderer/src/browse/browse-selection';
import { ExportPanel } from '../../src/renderer/src/transfer/export-panel';
import { fakeApi, withApi, type FakeApiParts } from './edit-fake-api';

vi.setConfig({ testTimeout: 30_000 });

const IDS = ['6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7', '7a2d3b4c-5e6f-4a71-9b82-a3c4d5e6f708'];
const DONE: ExportResult = { path: '/home/ana/Films.filmfolio.json', films: 3, bytes: 2048 };

afterEach(() => setBrowseSelection(null));

function openPanel(
  parts: FakeApiParts,
  dialogs: boolean,
  search?: Parameters<typeof ExportPanel>[0]['search'],
) {
  const api = fakeApi({
    ...parts,
    library: {
      info: () => Promise.resolve({ path: '/home/ana/Films.filmfolio.sqlite', name: 'Films', filmCount: 3 }),
    },
    dialog: {
      available: () => Promise.resolve({ files: dialogs, showInFolder: dialogs }),
      ...parts.dialog,
    },
    transfer: { progress: () => Promise.resolve(null), ...parts.transfer },
  });
  render(withApi(api, <ExportPanel search={search ?? null} />));
  return userEvent.setup();
}

describe('export', () => {
  it('asks where with the save dialog, exports the whole library without posters, and shows the file in its folder', async () => {
    const saveLibraryFile = vi.fn(() => Promise.resolve(DONE.path));
    const exportFilms = vi.fn((_request: ExportRequest, _job: string | null) => Promise.resolve(DONE));
    const showInFolder = vi.fn(() => Promise.resolve(true));
    const user = openPanel(
      { dialog: { saveLibraryFile, showInFolder }, transfer: { export: exportFilms } },
      true,
    );
    expect(await screen.findByRole('radio', { name: 'The whole library (3 films)' })).toHaveProperty(
      'checked',
      true,
    );
    expect(
      screen.getByRole('radio', { name: 'The films chosen in the library (none chosen)' }),
    ).toHaveProperty('disabled', true);
    expect(screen.queryByLabelText(/Save to/)).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Include posters/ }));
    await user.click(screen.getByRole('button', { name: 'Export…' }));

    expect(saveLibraryFile).toHaveBeenCalledWith('Films.filmfolio.json');
    expect(exportFilms).toHaveBeenCalledWith(
      { path: DONE.path, scope: { kind: 'all' }, images: false },
      expect.any(String),
    );
    const done = await screen.findByRole('region', { name: 'Export finished' });
    expect(within(done).getByRole('heading').textContent).toBe('Exported 3 films');
    expect(done.textContent).toContain('/home/ana/Films.filmfolio.json · 2.0 KB');
    await user.click(within(done).getByRole('button', { name: 'Show in folder' }));
    expect(showInFolder).toHaveBeenCalledWith(DONE.path);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const exportFilms = vi.fn(() => Promise.resolve(DONE));
    const user = openPanel(
      { dialog: { saveLibraryFile: () => Promise.resolve(null) }, transfer: { export: exportFilms } },
      true,
    );
    await user.click(await screen.findByRole('button', { name: 'Export…' }));
    expect(exportFilms).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Export…' })).toBeTruthy();
  });

  it('without dialogs asks for the path, and exports the films chosen in browse', async () => {
    setBrowseSelection({ kind: 'ids', ids: IDS });
    const exportFilms = vi.fn((_request: ExportRequest, _job: string | null) => Promise.resolve(DONE));
    const user = openPanel({ transfer: { export: exportFilms } }, false);
    const exportButton = await screen.findByRole('button', { name: 'Export' });
    expect(exportButton).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Save to (the file’s full path)'), '/tmp/chosen.json');
    await user.click(screen.getByRole('radio', { name: 'The films chosen in the library (2 films)' }));
    await user.click(exportButton);
    expect(exportFilms).toHaveBeenCalledWith(
      { path: '/tmp/chosen.json', scope: { kind: 'ids', ids: IDS }, images: true },
      expect.any(String),
    );
    const done = await screen.findByRole('region', { name: 'Export finished' });
    expect(within(done).queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });

  it('exports browse’s current search when opened with one, and a whole-result selection as its query', async () => {
    const exportFilms = vi.fn((_request: ExportRequest, _job: string | null) => Promise.resolve(DONE));
    const query = { search: 'tarkovsky', sort: 'year' as const, offset: 100, limit: 100 };
    setBrowseSelection({ kind: 'query', query, count: 7, except: [] });
    const user = openPanel(
      { dialog: { saveLibraryFile: () => Promise.resolve(DONE.path) }, transfer: { export: exportFilms } },
      true,
      {
        query,
        description: '“tarkovsky”',
        count: 7,
      },
    );
    expect(
      await screen.findByRole('radio', { name: 'The current search: “tarkovsky” (7 films)' }),
    ).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(exportFilms).toHaveBeenLastCalledWith(
      { path: DONE.path, scope: { kind: 'query', query: { ...query, offset: 0 } }, images: true },
      expect.any(String),
    );
  });

  it('shows progress while exporting; Cancel stops it and says no file was written', async () => {
    let fail: (error: unknown) => void = () => undefined;
    const exportFilms = vi.fn(() => new Promise<ExportResult>((_resolve, reject) => (fail = reject)));
    const cancel = vi.fn(() => Promise.resolve(true));
    const user = openPanel(
      {
        dialog: { saveLibraryFile: () => Promise.resolve(DONE.path) },
        transfer: {
          export: exportFilms,
          cancel,
          progress: () => Promise.resolve({ phase: 'writing', done: 40, total: 120 }),
        },
      },
      true,
    );
    await user.click(await screen.findByRole('button', { name: 'Export…' }));
    const bar = await screen.findByRole('group', { name: 'Exporting' });
    expect(await within(bar).findByText('Writing the films… 40 of 120 films')).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Cancel' }));
    const jobId = (exportFilms.mock.calls[0] as unknown as [ExportRequest, string])[1];
    expect(cancel).toHaveBeenCalledWith(jobId);
    fail(new ApiError('CANCELLED', 'The export was cancelled; nothing was written.'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The export was cancelled; no file was written.',
    );
    expect(screen.queryByRole('group', { name: 'Exporting' })).toBeNull();
  });
});
