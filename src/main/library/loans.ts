import type Database from 'better-sqlite3';
import type { Film } from '../../shared/film-schema';
import {
  lendSchema,
  openLoanIndex,
  returnSchema,
  type LendRequest,
  type ReturnRequest,
} from '../../shared/library-edits';
import { FilmNotFoundError, getFilm, updateFilm } from './films';

type Sqlite = Database.Database;

/** A loan that cannot be made or closed as asked; the message says why and what to do. */
export class LoanError extends Error {
  readonly code = 'FAILED';
}

function filmOrThrow(sqlite: Sqlite, id: string): Film {
  const film = getFilm(sqlite, id);
  if (!film) throw new FilmNotFoundError(id);
  return film;
}

const copyName = (film: Film, index: number) => {
  const copy = film.copies[index];
  return `copy ${index + 1}${copy ? ` (${copy.medium})` : ''} of “${film.title}”`;
};

/**
 * Lends a copy: adds an open loan at the end of the film's loans. At most one open loan per copy.
 * `expectedUpdatedAt` is the optimistic check of updateFilm (null skips it).
 */
export function lendCopy(
  sqlite: Sqlite,
  input: LendRequest,
  expectedUpdatedAt: string | null,
  now = new Date().toISOString(),
): Film {
  const request = lendSchema.parse(input);
  return sqlite.transaction(() => {
    const film = filmOrThrow(sqlite, request.filmId);
    const { copyIndex } = request;
    if (copyIndex >= film.copies.length) {
      throw new LoanError(
        `“${film.title}” has no copy ${copyIndex + 1} (it has ${film.copies.length}); add the copy first.`,
      );
    }
    const open = film.loans[openLoanIndex(film.loans, copyIndex)];
    if (open) {
      throw new LoanError(
        `${copyName(film, copyIndex)} is already lent to ${open.borrower} since ${open.lentOn}; mark it returned first.`,
      );
    }
    if (request.dueOn !== null && request.dueOn < request.lentOn) {
      throw new LoanError(`The due date ${request.dueOn} is before the loan date ${request.lentOn}.`);
    }
    const { filmId: _filmId, ...lent } = request;
    const loan = { ...lent, returnedOn: null };
    return updateFilm(sqlite, { ...film, loans: [...film.loans, loan] }, expectedUpdatedAt, now);
  })();
}

/** Marks a loan returned on the given date. */
export function returnLoan(
  sqlite: Sqlite,
  input: ReturnRequest,
  expectedUpdatedAt: string | null,
  now = new Date().toISOString(),
): Film {
  const request = returnSchema.parse(input);
  return sqlite.transaction(() => {
    const film = filmOrThrow(sqlite, request.filmId);
    const loan = film.loans[request.loanIndex];
    if (!loan) {
      throw new LoanError(
        `“${film.title}” has no loan ${request.loanIndex + 1}; reload the film and try again.`,
      );
    }
    if (loan.returnedOn !== null) {
      throw new LoanError(
        `The loan to ${loan.borrower} of “${film.title}” was already returned on ${loan.returnedOn}.`,
      );
    }
    if (request.returnedOn < loan.lentOn) {
      throw new LoanError(`The return date ${request.returnedOn} is before the loan date ${loan.lentOn}.`);
    }
    const loans = film.loans.map((item, index) =>
      index === request.loanIndex ? { ...item, returnedOn: request.returnedOn } : item,
    );
    return updateFilm(sqlite, { ...film, loans }, expectedUpdatedAt, now);
  })();
}
