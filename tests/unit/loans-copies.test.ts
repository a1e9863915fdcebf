import { describe, expect, it } from 'vitest';
import { StaleFilmError } from '../../src/main/library/films';
import type { FilmInput } from '../../src/shared/film-schema';
import { isOverdue, openLoanIndex } from '../../src/shared/library-edits';
import { tempLibrary } from '../support/temp-library';

const copy = (medium: string) => ({ medium });
const withCopies: FilmInput = { title: 'The Work', copies: [copy('DVD'), copy('Blu-ray')] };

describe('lending and returning copies', () => {
  it('lends a copy, refuses a second open loan of it, and lends it again once returned', async () => {
    const library = await tempLibrary();
    const film = library.create(withCopies);
    const lent = library.lend(
      { filmId: film.id, copyIndex: 1, borrower: 'Ana', lentOn: '2025-01-05', dueOn: '2025-02-05' },
      film.updatedAt,
    );
    expect(lent.loans).toEqual([
      { copyIndex: 1, borrower: 'Ana', lentOn: '2025-01-05', dueOn: '2025-02-05', returnedOn: null },
    ]);
    expect(library.get(film.id)?.loans).toEqual(lent.loans);
    expect(() =>
      library.lend({ filmId: film.id, copyIndex: 1, borrower: 'Ben', lentOn: '2025-01-06' }, null),
    ).toThrow(
      'copy 2 (Blu-ray) of “The Work” is already lent to Ana since 2025-01-05; mark it returned first.',
    );
    // The other copy is free.
    library.lend({ filmId: film.id, copyIndex: 0, borrower: 'Ben', lentOn: '2025-01-06' }, null);

    const returned = library.returnLoan({ filmId: film.id, loanIndex: 0, returnedOn: '2025-01-20' }, null);
    expect(returned.loans[0]?.returnedOn).toBe('2025-01-20');
    expect(() =>
      library.returnLoan({ filmId: film.id, loanIndex: 0, returnedOn: '2025-01-21' }, null),
    ).toThrow(/already returned on 2025-01-20/);
    const again = library.lend(
      { filmId: film.id, copyIndex: 1, borrower: 'Cleo', lentOn: '2025-02-01' },
      null,
    );
    expect(again.loans.map((loan) => loan.borrower)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(openLoanIndex(again.loans, 1)).toBe(2);
  });

  it('refuses a copy the film does not have, dates out of order, and a stale version', async () => {
    const library = await tempLibrary();
    const film = library.create(withCopies);
    expect(() =>
      library.lend({ filmId: film.id, copyIndex: 2, borrower: 'Ana', lentOn: '2025-01-05' }, null),
    ).toThrow('“The Work” has no copy 3 (it has 2); add the copy first.');
    expect(() =>
      library.lend(
        { filmId: film.id, copyIndex: 0, borrower: 'Ana', lentOn: '2025-01-05', dueOn: '2025-01-01' },
        null,
      ),
    ).toThrow(/due date 2025-01-01 is before the loan date/);
    library.update({ ...film, notes: 'changed elsewhere' }, film.updatedAt);
    expect(() =>
      library.lend({ filmId: film.id, copyIndex: 0, borrower: 'Ana', lentOn: '2025-01-05' }, film.updatedAt),
    ).toThrow(StaleFilmError);
    expect(library.get(film.id)?.loans).toEqual([]);
  });

  it('the film schema refuses two open loans of one copy in a whole-film save', async () => {
    const library = await tempLibrary();
    const loan = { copyIndex: 0, borrower: 'Ana', lentOn: '2025-01-05' };
    expect(() => library.create({ ...withCopies, loans: [loan, { ...loan, borrower: 'Ben' }] })).toThrow(
      /already on loan/,
    );
  });

  it('counts a loan overdue only when its due date has passed and it is not returned', () => {
    const loan = {
      copyIndex: 0,
      borrower: 'Ana',
      lentOn: '2025-01-01',
      dueOn: '2025-01-10',
      returnedOn: null,
    };
    expect(isOverdue(loan, '2025-01-10')).toBe(false);
    expect(isOverdue(loan, '2025-01-11')).toBe(true);
    expect(isOverdue({ ...loan, returnedOn: '2025-01-12' }, '2025-02-01')).toBe(false);
    expect(isOverdue({ ...loan, dueOn: null }, '2099-01-01')).toBe(false);
  });

  it('browse shows an overdue loan and its filter finds it', async () => {
    const library = await tempLibrary();
    const film = library.create(withCopies);
    library.lend(
      { filmId: film.id, copyIndex: 0, borrower: 'Ana', lentOn: '2020-01-01', dueOn: '2020-02-01' },
      null,
    );
    expect(library.list({}).films[0]).toMatchObject({ onLoan: true, overdue: true });
    expect(library.list({ filter: { loan: 'overdue' } }).total).toBe(1);
    library.returnLoan({ filmId: film.id, loanIndex: 0, returnedOn: '2020-03-01' }, null);
    expect(library.list({}).films[0]).toMatchObject({ onLoan: false, overdue: false });
  });
});
