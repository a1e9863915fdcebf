import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/shared/contract';
import type { ImportDecisions, ImportPreviewSummary, ImportResult } from '../../src/shared/transfer';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema } from '../../src/shared/film-schema';
import { getBrowseSelection } from '../../src/renderer/src/browse/browse-selection';
import { TransferView } from '../../src/renderer/src/transfer/transfer-view';
import withRejectedText from '../fixtures/libraries/with-rejected-film.json?raw';
import { fakeApi, withApi, type FakeApiParts } from './edit-fake-api';
import {
  AMOUNT_PROBLEM,
  duplicatePreview,
  incoming,
  previewOf,
  withRejectedPreview,
} from './transfer-fixtures';

vi.setConfig({ testTimeout: 30_000 });

/** A promise the test settles when it chooses, to look at the view while main is still working. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function openView(parts: FakeApiParts) {
  const api = fakeApi({
    ...parts,
    dialog: { available: () => Promise.resolve({ files: false, showInFolder: false }), ...parts.dialog },
    transfer: { progress: () => Promise.resolve(null), ...parts.transfer },
  });
  render(withApi(api, <TransferView />));
  return userEvent.setup();
}

const fileInput = () => screen.getByLabelText<HTMLInputElement>('Library file or fact page to import');
const rejectedFile = () =>
  new File([withRejectedText], 'with-rejected-film.json', { type: 'application/json' });
const countButton = (label: string) => screen.getByRole('button', { name: new RegExp(`^[\\d,]+ ${label}$`) });

describe('the import preview', () => {
  it('reads a picked file in the window, sends its text, and shows every film with its status and counts', async () => {
    const previewImport = vi.fn(() => Promise.resolve(withRejectedPreview));
    const user = openView({ transfer: { previewImport } });
    await user.upload(fileInput(), rejectedFile());
    await screen.findByRole('table');
    expect(previewImport).toHaveBeenCalledWith(
      { text: withRejectedText, name: 'with-rejected-film.json' },
      'skip',
      expect.any(String),
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^1Stalker \(1979\)films\[0\]New.*Add$/),
      expect.stringMatching(/^2Mirror \(1975\)films\[1\]New.*Add$/),
      expect.stringMatching(/^3Broken Numbers \(2017\)films\[2\]Rejected1 problem1 warning.*Leave out$/),
    ]);
    expect(countButton('New').textContent).toBe('2 New');
    expect(countButton('Rejected').textContent).toBe('1 Rejected');
    expect(screen.getByText(/a Filmfolio library file with 3 films/)).toBeTruthy();

    await user.click(countButton('Rejected'));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
  });

  it('shows the size up front while reading, and a cancel goes back to choosing with nothing imported', async () => {
    const reading = deferred<ImportPreviewSummary>();
    const cancel = vi.fn(() => Promise.resolve(true));
    const progress = vi.fn(() => Promise.resolve({ phase: 'reading' as const, done: 512, total: 1024 }));
    const user = openView({
      transfer: { previewImport: () => reading.promise, cancel, progress },
    });
    await user.upload(fileInput(), rejectedFile());
    expect(await screen.findByText(`· ${new Blob([withRejectedText]).size} bytes`)).toBeTruthy();
    expect(await screen.findByText('Reading the file… 512 bytes of 1.0 KB')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const jobId = (progress.mock.calls[0] as unknown as [string])[0];
    expect(cancel).toHaveBeenCalledWith(jobId);
    reading.reject(new ApiError('CANCELLED', 'The import was cancelled; nothing was written.'));
    expect(
      await screen.findByText('Reading with-rejected-film.json was cancelled; nothing was imported.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose file…' })).toBeTruthy();
  });

  it('says why a file was refused', async () => {
    const user = openView({
      transfer: {
        previewImport: () =>
          Promise.reject(
            new ApiError('REJECTED', 'notes.txt: is neither a Filmfolio library nor a film fact page'),
          ),
      },
    });
    await user.upload(fileInput(), new File(['milk'], 'notes.txt'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'notes.txt: is neither a Filmfolio library nor a film fact page',
    );
  });
});

describe('problems and warnings', () => {
  it('clicking a problem shows its film, the field, and the record with the field’s line marked', async () => {
    const user = openView({ transfer: { previewImport: () => Promise.resolve(withRejectedPreview) } });
    await user.upload(fileInput(), rejectedFile());
    const problems = await screen.findByRole('region', { name: 'Problems' });
    await user.click(
      within(problems).getByRole('button', { name: `${AMOUNT_PROBLEM.path}: ${AMOUNT_PROBLEM.message}` }),
    );

    const film = screen.getByRole('region', { name: 'Film 3 of the file' });
    expect(within(film).getByRole('heading', { name: 'Broken Numbers (2017)' })).toBeTruthy();
    const current = film.querySelector('li.current');
    expect(Array.from(current?.querySelectorAll('.field-step') ?? [], (step) => step.textContent)).toEqual([
      'boxOffice',
      'worldwide',
      'amount',
    ]);
    expect(current?.querySelector('.field-step.last')?.textContent).toBe('amount');
    const record = within(film).getByLabelText('The record of films[2] as the file holds it');
    expect(record.querySelector('.marked')?.textContent).toMatch(/^\d+ {6}"amount": "20,554",$/);
    expect(record.textContent).toContain('"title": "Broken Numbers"');
    expect(screen.getByRole('row', { selected: true }).textContent).toContain('Broken Numbers');

    // A warning's field that the record lacks marks the record's first line instead.
    const warnings = screen.getByRole('region', { name: 'Warnings' });
    await user.click(
      within(warnings).getByRole('button', { name: 'films[2].mood: unknown field, left out' }),
    );
    expect(
      within(film)
        .getByLabelText(/The record of films\[2\]/)
        .querySelector('.marked')?.textContent,
    ).toBe('1{');
    expect(film.querySelector('li.current .field-step.last')?.textContent).toBe('mood');
  });

  it('lists a fact page’s unplaced lines apart, and shows the page around a clicked line', async () => {
    const page = ['How to Watch Night Shift?', 'Director: Ana Ruiz', 'Language: Spanish', 'Soundtrack'].join(
      '\n',
    );
    const preview = previewOf(
      [
        incoming({
          index: 0,
          title: 'Night Shift',
          year: 1999,
          source: 'night-shift.txt',
          place: 'fact page',
          warnings: [{ path: 'line 3', message: 'not placed in any field: Language: Spanish' }],
        }),
      ],
      { new: 1 },
      { sources: [{ path: 'night-shift.txt', kind: 'fact-page', bytes: page.length, films: 1 }] },
    );
    const user = openView({ transfer: { previewImport: () => Promise.resolve(preview) } });
    await user.upload(fileInput(), new File([page], 'night-shift.txt', { type: 'text/plain' }));
    const unplaced = await screen.findByRole('region', { name: 'Lines not placed in any field' });
    expect(screen.queryByRole('region', { name: 'Warnings' })).toBeNull();
    expect(
      within(unplaced).getByRole('checkbox', { name: 'Keep these lines in the film’s notes' }),
    ).toHaveProperty('checked', true);
    await user.click(within(unplaced).getByRole('button', { name: 'line 3 Language: Spanish' }));
    const excerpt = screen.getByLabelText('The record of fact page as the file holds it');
    expect(excerpt.querySelector('.marked')?.textContent).toBe('3Language: Spanish');
  });
});

describe('duplicates', () => {
  it('asks main for new actions when the rule or one film’s own choice changes', async () => {
    const summarizeImport = vi.fn((_id: string, decisions: ImportDecisions) =>
      Promise.resolve(duplicatePreview(decisions.overrides?.['0'] ?? decisions.rule ?? 'skip')),
    );
    const user = openView({
      transfer: { previewImport: () => Promise.resolve(duplicatePreview()), summarizeImport },
    });
    await user.upload(fileInput(), rejectedFile());
    const stalker = await screen.findByRole('combobox', { name: 'What to do with “Stalker”' });
    expect(screen.getByRole('row', { name: /Stalker/ }).textContent).toContain('same IMDb id tt0079944');
    expect(countButton('Duplicates').textContent).toBe('1 Duplicates');

    await user.click(screen.getByRole('radio', { name: /^Replace/ }));
    expect(summarizeImport).toHaveBeenLastCalledWith(withRejectedPreview.previewId, {
      rule: 'replace',
      overrides: {},
    });
    await waitFor(() => expect(countButton('Updated').textContent).toBe('1 Updated'));

    await user.selectOptions(stalker, 'Keep both');
    expect(summarizeImport).toHaveBeenLastCalledWith(withRejectedPreview.previewId, {
      rule: 'replace',
      overrides: { '0': 'keep-both' },
    });
    await waitFor(() =>
      expect(countButton('Added as other films').textContent).toBe('1 Added as other films'),
    );
    expect(screen.getByText('This import adds 1 film, adds 1 film as other films.')).toBeTruthy();

    await user.selectOptions(stalker, '');
    expect(summarizeImport).toHaveBeenLastCalledWith(withRejectedPreview.previewId, {
      rule: 'replace',
      overrides: {},
    });
  });
});

describe('confirming', () => {
  const result: ImportResult = {
    counts: { ...withRejectedPreview.counts },
    filmIds: ['6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7', '7a2d3b4c-5e6f-4a71-9b82-a3c4d5e6f708'],
    backupPath: '/films/backups/library-before-import.sqlite',
  };

  it('needs the rejected films left out, shows progress with Cancel, and a cancel keeps the preview', async () => {
    const writing = deferred<ImportResult>();
    const commitImport = vi.fn(() => writing.promise);
    const cancel = vi.fn(() => Promise.resolve(true));
    const progress = vi.fn(() => Promise.resolve({ phase: 'writing' as const, done: 1, total: 2 }));
    const user = openView({
      transfer: { previewImport: () => Promise.resolve(withRejectedPreview), commitImport, cancel, progress },
    });
    await user.upload(fileInput(), rejectedFile());
    const confirm = await screen.findByRole('button', { name: 'Import 2 films' });
    expect(confirm).toHaveProperty('disabled', true);
    expect(screen.getByText('1 film rejected: fix the file, or import the others without it.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Import the others without the rejected film' }));
    expect(confirm).toHaveProperty('disabled', false);
    await user.click(confirm);

    expect(commitImport).toHaveBeenCalledWith(
      withRejectedPreview.previewId,
      { rule: 'skip', overrides: {}, skipRejected: true },
      expect.any(String),
    );
    const jobId = (commitImport.mock.calls[0] as unknown as [string, unknown, string])[2];
    const bar = await screen.findByRole('group', { name: 'Importing with-rejected-film.json' });
    expect(await within(bar).findByText('Writing the films… 1 of 2 films')).toBeTruthy();
    expect(within(bar).getByRole('progressbar')).toHaveProperty('value', 1);
    await user.click(within(bar).getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledWith(jobId);
    writing.reject(new ApiError('CANCELLED', 'The import was cancelled; nothing was written.'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The import was cancelled; nothing was written.',
    );
    expect(screen.queryByRole('group', { name: /^Importing/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Import 2 films' })).toHaveProperty('disabled', false);
  });

  it('ends with a summary that opens the imported films in the library', async () => {
    const user = openView({
      transfer: {
        previewImport: () => Promise.resolve(withRejectedPreview),
        commitImport: () => Promise.resolve(result),
      },
    });
    await user.upload(fileInput(), rejectedFile());
    await user.click(await screen.findByRole('checkbox', { name: /Import the others/ }));
    await user.click(screen.getByRole('button', { name: 'Import 2 films' }));
    const summary = await screen.findByRole('region', { name: 'Import finished' });
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2 added', '1 rejected, left out']);
    expect(summary.textContent).toContain('/films/backups/library-before-import.sqlite');
    await user.click(within(summary).getByRole('button', { name: 'Show the 2 films in the library' }));
    expect(window.location.hash).toBe('#/');
    expect(getBrowseSelection()).toEqual({ kind: 'ids', ids: result.filmIds });
  });

  it('keeps a fact page’s unplaced lines in the imported film’s notes when asked', async () => {
    const filmId = '0b8c7d6e-5f40-4a31-8b22-c3d4e5f60718';
    const preview = previewOf(
      [
        incoming({
          index: 0,
          title: 'Night Shift',
          source: 'night-shift.txt',
          place: 'fact page',
          warnings: [
            { path: 'line 11', message: 'not placed in any field: Language: Spanish' },
            { path: 'line 38', message: 'not placed in any field: Does it have a sequel?' },
          ],
        }),
      ],
      { new: 1 },
      { sources: [{ path: 'night-shift.txt', kind: 'fact-page', bytes: 900, films: 1 }] },
    );
    const stored = completeFilm(
      filmInputSchema.parse({ id: filmId, title: 'Night Shift', notes: 'Bought in Lisbon' }),
    );
    const update = vi.fn(() => Promise.resolve(stored));
    const user = openView({
      transfer: {
        previewImport: () => Promise.resolve(preview),
        commitImport: () => Promise.resolve({ counts: preview.counts, filmIds: [filmId], backupPath: null }),
      },
      films: { get: () => Promise.resolve(stored), update },
    });
    await user.upload(fileInput(), new File(['…'], 'night-shift.txt'));
    await user.click(await screen.findByRole('button', { name: 'Import 1 film' }));
    expect(await screen.findByText('The 2 unplaced lines were kept in the film’s notes.')).toBeTruthy();
    expect(update).toHaveBeenCalledWith(
      {
        ...stored,
        notes:
          'Bought in Lisbon\n\nFrom the fact page, not placed in any field:\nLanguage: Spanish\nDoes it have a sequel?',
      },
      stored.updatedAt,
    );
  });
});
