import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FilmSummary } from '../../src/shared/browse';
import type { ImportPreviewSummary } from '../../src/shared/transfer';
import { EditView } from '../../src/renderer/src/edit/edit-view';
import { waitingNewFilmDraft } from '../../src/renderer/src/edit/new-film-draft';
import { TransferView } from '../../src/renderer/src/transfer/transfer-view';
import nightShift from '../fixtures/fact-pages/night-shift.txt?raw';
import { fakeApi, withApi, type FakeApiParts } from './edit-fake-api';
import { incoming, previewOf } from './transfer-fixtures';

vi.setConfig({ testTimeout: 30_000 });

const otherNightShift: FilmSummary = {
  id: '0b8c7d6e-5f40-4a31-8b22-c3d4e5f60718',
  title: 'Night Shift',
  sortTitle: 'Night Shift',
  year: 1999,
  runtimeMinutes: null,
  directors: [],
  genres: [],
  userRating: null,
  imdbRating: null,
  rottenTomatoes: null,
  seen: false,
  onLoan: false,
  overdue: false,
  media: [],
  locations: [],
  hasPoster: false,
  addedAt: '2026-01-01T00:00:00.000Z',
  match: null,
};

async function pasteNightShift(parts: FakeApiParts = {}) {
  const api = fakeApi({
    films: { list: () => Promise.resolve({ total: 0, totalExact: true, offset: 0, films: [] }) },
    dialog: { available: () => Promise.resolve({ files: false, showInFolder: false }) },
    ...parts,
  });
  render(withApi(api, <TransferView />));
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Paste a fact page' }));
  // A whole page at once, as a paste gives it (typing 1,000 characters one by one proves nothing more).
  fireEvent.change(screen.getByLabelText(/The page’s text/), { target: { value: nightShift } });
  await user.click(screen.getByRole('button', { name: 'Read the page' }));
  return { user, api };
}

describe('paste a fact page', () => {
  it('shows the film the page describes with its unplaced lines, then opens it in the editor unsaved', async () => {
    const { api } = await pasteNightShift();
    const result = screen.getByRole('region', { name: 'The film the page describes' });
    expect(within(result).getByRole('heading', { name: 'Night Shift (1999)' })).toBeTruthy();
    expect(result.textContent).toContain('Directed byAna Ruiz, Tom Berg');
    expect(within(result).getByText('line 38: a question without an answer')).toBeTruthy();
    const lines = within(within(result).getByRole('region', { name: 'Lines not placed in any field' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'line 11 Language: Spanish',
      'line 32 - Some liner notes nobody can place',
      'line 38 Does it have a sequel?',
    ]);
    await userEvent.click(within(result).getByRole('button', { name: 'Open in the editor' }));

    expect(window.location.hash).toBe('#/edit/new');
    const handed = waitingNewFilmDraft();
    expect(handed?.draft.title).toBe('Night Shift');
    expect(handed?.draft.notes).toBe(
      'From the fact page, not placed in any field:\nLanguage: Spanish\n- Some liner notes nobody can place\nDoes it have a sequel?',
    );

    // The editor opens it as a new film, not yet saved, saying where it came from.
    render(withApi(api, <EditView id={null} />));
    expect(await screen.findByRole('heading', { level: 1, name: 'Night Shift' })).toBeTruthy();
    expect(document.querySelector('.editor-status')?.textContent).toBe('Unsaved changes');
    expect(screen.getByRole('note').textContent).toBe(
      'Read from a pasted fact page: check it, then Save to add it to the library. Its 3 unplaced lines are at the end of Notes.',
    );
    expect(document.querySelector<HTMLInputElement>('#field-title')?.value).toBe('Night Shift');
    expect(document.querySelector<HTMLInputElement>('#field-soundtrack-tracks-0-title')?.value).toBe(
      'Ledger Waltz',
    );
    expect(waitingNewFilmDraft()).toBeNull();
  });

  it('leaves the unplaced lines out of the notes when asked, and warns of a film already in the library', async () => {
    const { user } = await pasteNightShift({
      films: {
        list: () => Promise.resolve({ total: 1, totalExact: true, offset: 0, films: [otherNightShift] }),
      },
    });
    expect((await screen.findByRole('note')).textContent).toContain(
      'Your library already has “Night Shift” (1999).',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Keep these lines in the film’s notes' }));
    await user.click(screen.getByRole('button', { name: 'Open in the editor' }));
    expect(waitingNewFilmDraft()?.draft.notes).toBeNull();
  });

  it('can import the page instead, through the preview that finds duplicates', async () => {
    const previewImport = vi.fn((): Promise<ImportPreviewSummary> =>
      Promise.resolve(
        previewOf([incoming({ index: 0, title: 'Night Shift', place: 'fact page' })], { new: 1 }),
      ),
    );
    const { user } = await pasteNightShift({
      transfer: { previewImport, progress: () => Promise.resolve(null) },
    });
    await user.click(screen.getByRole('button', { name: 'Import it, checking for duplicates' }));
    // A text area keeps line ends as \n whatever the page had.
    const pasted = nightShift.replace(/\r\n/g, '\n');
    expect(previewImport).toHaveBeenCalledWith(
      { text: pasted, name: 'Pasted fact page' },
      'skip',
      expect.any(String),
    );
    expect(await screen.findByRole('tab', { name: 'Import', selected: true })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Import 1 film' })).toBeTruthy();
  });

  it('says why text is not a fact page', async () => {
    const api = fakeApi({
      dialog: { available: () => Promise.resolve({ files: false, showInFolder: false }) },
    });
    render(withApi(api, <TransferView />));
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Paste a fact page' }));
    await user.type(screen.getByLabelText(/The page’s text/), 'milk, eggs, bread');
    await user.click(screen.getByRole('button', { name: 'Read the page' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^This text cannot be read as a fact page: no film title found: .*\.$/,
    );
  });
});
