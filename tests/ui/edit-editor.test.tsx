import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/shared/contract';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film, type FilmInput } from '../../src/shared/film-schema';
import { EditView } from '../../src/renderer/src/edit/edit-view';
import { fakeApi, withApi, type FakeApiParts } from './edit-fake-api';

const ID = '5713b0b1-e68f-479c-8000-000000000001';

function storedFilm(extra: Partial<FilmInput> = {}): Film {
  return completeFilm(
    filmInputSchema.parse({
      id: ID,
      title: 'The Work',
      year: 2017,
      runtimeMinutes: 89,
      genres: ['Documentary'],
      notes: 'Seen at the festival',
      copies: [{ medium: 'DVD' }, { medium: 'Blu-ray' }],
      loans: [{ copyIndex: 1, borrower: 'Ana', lentOn: '2025-01-05' }],
      addedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      ...extra,
    }),
  );
}

function openEditor(parts: FakeApiParts = {}, film = storedFilm()) {
  const api = fakeApi({
    ...parts,
    films: { get: () => Promise.resolve(film), suggest: () => Promise.resolve([]), ...parts.films },
  });
  render(withApi(api, <EditView id={film.id} />));
  return screen.findByRole('heading', { level: 1, name: film.title });
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });

beforeEach(() => {
  window.location.hash = `#/edit/${ID}`;
});
afterEach(cleanup);
vi.setConfig({ testTimeout: 60_000 });

describe('validation in the editor', () => {
  it('shows a problem beside the field once it is left, keeps Save disabled with the reason, and lists it on demand', async () => {
    const user = userEvent.setup();
    await openEditor();
    expect(saveButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('No changes to save')).toBeTruthy();
    const title = screen.getByLabelText('Title *');
    await user.clear(title);
    expect(screen.queryByText('must not be empty')).toBeNull();
    await user.tab();
    expect(screen.getByText('must not be empty')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(saveButton()).toHaveProperty('disabled', true);
    const reason = screen.getByRole('button', { name: '1 problem to fix before saving' });
    expect(saveButton().getAttribute('aria-describedby')).toBe(reason.id);
    await user.click(reason);
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('One problem keeps this film from being saved')).toBeTruthy();
    await user.click(within(summary).getByRole('button', { name: 'Title' }));
    expect(document.activeElement).toBe(title);
    await user.type(title, 'The Work');
    expect(saveButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('No changes to save')).toBeTruthy();
  });

  it('Ctrl+S with a problem shows the summary instead of saving', async () => {
    const user = userEvent.setup();
    const update = vi.fn();
    await openEditor({ films: { update } });
    await user.type(screen.getByLabelText('Runtime'), 'x');
    await user.keyboard('{Control>}s{/Control}');
    expect(update).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByText(/Runtime/)).toBeTruthy();
  });
});

describe('the unsaved-changes guard', () => {
  it('holds back a route change with unsaved changes, and lets it go when asked', async () => {
    const user = userEvent.setup();
    // The shell's router listens to the hash too; it must not see a change the guard held back.
    const router = vi.fn();
    await openEditor();
    // Hash changes made before this test (setup, beforeEach) arrive as queued events: let them pass first.
    await new Promise((settled) => setTimeout(settled, 50));
    window.addEventListener('hashchange', router);
    await user.type(screen.getByLabelText('Notes'), ' twice');
    window.location.hash = '#/';
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave “The Work” with unsaved changes?' });
    expect(window.location.hash).toBe(`#/edit/${ID}`);
    expect(router).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Seen at the festival twice');

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    window.location.hash = '#/trash';
    await user.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    await waitFor(() => expect(window.location.hash).toBe('#/trash'));
    expect(router).toHaveBeenCalledTimes(1);
    window.removeEventListener('hashchange', router);
  });

  it('lets the window close and routes change freely when nothing is unsaved', async () => {
    await openEditor();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    window.location.hash = '#/';
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('saving with the optimistic check', () => {
  it('sends the opened version; when the film changed elsewhere it says so, and overwrites only when asked', async () => {
    const user = userEvent.setup();
    const theirs = storedFilm({ notes: 'Changed in the CLI', updatedAt: '2026-01-03T00:00:00.000Z' });
    const mine = { notes: 'Seen at the festival, and again' };
    const update = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('STALE', 'changed elsewhere', { current: theirs }))
      .mockImplementationOnce((film: Film) =>
        Promise.resolve({ ...film, updatedAt: '2026-01-04T00:00:00.000Z' }),
      );
    await openEditor({ films: { update } });
    const notes = screen.getByLabelText('Notes');
    await user.clear(notes);
    await user.type(notes, mine.notes);
    await user.keyboard('{Control>}s{/Control}');
    expect(update).toHaveBeenCalledWith(
      expect.objectContaining({ id: ID, ...mine }),
      '2026-01-02T00:00:00.000Z',
    );
    const notice = await screen.findByRole('alert');
    expect(within(notice).getByText('“The Work” was changed elsewhere since you opened it')).toBeTruthy();
    expect(notice.textContent).toContain('changing Notes. Your unsaved changes: Notes.');
    expect((notes as HTMLTextAreaElement).value).toBe(mine.notes);

    await user.click(within(notice).getByRole('button', { name: 'Save mine over theirs' }));
    expect(update).toHaveBeenLastCalledWith(expect.objectContaining(mine), '2026-01-03T00:00:00.000Z');
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('loads the other version when asked, dropping the draft', async () => {
    const user = userEvent.setup();
    const theirs = storedFilm({ notes: 'Changed in the CLI', updatedAt: '2026-01-03T00:00:00.000Z' });
    const update = vi.fn().mockRejectedValue(new ApiError('STALE', 'changed elsewhere', { current: theirs }));
    await openEditor({ films: { update } });
    await user.type(screen.getByLabelText('Notes'), '!');
    await user.click(saveButton());
    await user.click(await screen.findByRole('button', { name: 'Load theirs, dropping mine' }));
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Changed in the CLI');
    expect(screen.getByText('All changes saved')).toBeTruthy();
  });
});

describe('copies and loans', () => {
  it('lends a copy and marks it returned; a loan follows its copy when copies are reordered', async () => {
    const user = userEvent.setup();
    const update = vi.fn((film: FilmInput & { id: string }) =>
      Promise.resolve(completeFilm(filmInputSchema.parse(film))),
    );
    await openEditor({ films: { update } });
    const copies = screen.getByRole('group', { name: /^Copies/ });
    expect(within(copies).getByText('Ana')).toBeTruthy();
    await user.click(within(copies).getByRole('button', { name: 'Lend…' }));
    await user.type(within(copies).getByLabelText('Borrower *'), 'Ben');
    await user.click(within(copies).getByRole('button', { name: 'Lend' }));
    expect(within(copies).getByText('Ben')).toBeTruthy();

    await user.click(within(copies).getByRole('button', { name: 'Move copy 2, Blu-ray up' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = filmInputSchema.parse(update.mock.calls[0]![0]);
    expect(saved.copies.map((copy) => copy.medium)).toEqual(['Blu-ray', 'DVD']);
    expect(saved.loans.map((loan) => [loan.borrower, loan.copyIndex])).toEqual([
      ['Ana', 0],
      ['Ben', 1],
    ]);
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeTruthy());
    const [returned] = within(copies).getAllByRole('button', { name: 'Returned' });
    await user.click(returned!);
    expect(within(copies).queryByText('Ana')).toBeNull();
  });
});
