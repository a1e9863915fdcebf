import type { Copy, Film, Loan } from '../../../shared/film-schema';
import { formatDate, formatMoney, formatNumber } from '../../../shared/format';
import { joinPresent, Paragraphs, SheetPart, SheetSection } from './sheet-parts';

/** 7.5 → "★★★★★★★½☆☆": ten stars in halves, readable in black and white. */
export function ratingStars(rating: number): string {
  const clamped = Number.isFinite(rating) ? Math.min(10, Math.max(0, rating)) : 0;
  const whole = Math.floor(clamped);
  const half = clamped - whole >= 0.5;
  return '★'.repeat(whole) + (half ? '½' : '') + '☆'.repeat(10 - whole - (half ? 1 : 0));
}

function copyLabel(copy: Copy | undefined, index: number): string {
  return copy ? `Copy ${index + 1} (${copy.medium})` : `Copy ${index + 1}`;
}

function CopiesTable({ film, locale }: { film: Film; locale: string | undefined }) {
  return (
    <SheetPart title="Copies">
      <table className="sheet-table sheet-copies">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Medium</th>
            <th scope="col">Edition, region</th>
            <th scope="col">Shelf</th>
            <th scope="col">Barcode</th>
            <th scope="col">Acquired</th>
          </tr>
        </thead>
        <tbody>
          {film.copies.map((copy, index) => (
            <tr key={index}>
              <td>{index + 1}</td>
              <td>{copy.medium}</td>
              <td>{joinPresent([copy.edition, copy.region])}</td>
              <td>{copy.location ?? ''}</td>
              <td>{copy.barcode ?? ''}</td>
              <td>
                {joinPresent(
                  [
                    copy.acquired ? formatDate(copy.acquired, locale) : null,
                    copy.price ? formatMoney(copy.price, locale) : null,
                  ],
                  ' · ',
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SheetPart>
  );
}

function loanState(loan: Loan, locale: string | undefined): string {
  if (loan.returnedOn) return `returned ${formatDate(loan.returnedOn, locale)}`;
  return loan.dueOn ? `on loan, due ${formatDate(loan.dueOn, locale)}` : 'on loan';
}

function LoansList({ film, locale }: { film: Film; locale: string | undefined }) {
  return (
    <SheetPart title="Loans">
      <ul className="sheet-list sheet-loans">
        {film.loans.map((loan, index) => (
          <li key={index} className="sheet-entry">
            <span className="sheet-name">{loan.borrower}</span>
            <span className="sheet-detail-inline">
              {' — '}
              {joinPresent(
                [
                  loan.copyIndex === null ? null : copyLabel(film.copies[loan.copyIndex], loan.copyIndex),
                  `lent ${formatDate(loan.lentOn, locale)}`,
                  loanState(loan, locale),
                ],
                ', ',
              )}
            </span>
          </li>
        ))}
      </ul>
    </SheetPart>
  );
}

function WatchedList({ film, locale }: { film: Film; locale: string | undefined }) {
  return (
    <SheetPart title="Watched">
      <ul className="sheet-list sheet-watched">
        {film.watched.map((watch, index) => (
          <li key={index} className="sheet-entry">
            {watch.date ? formatDate(watch.date, locale) : 'Date not noted'}
            {watch.note ? <span className="sheet-detail-inline"> — {watch.note}</span> : null}
          </li>
        ))}
      </ul>
    </SheetPart>
  );
}

function hasCollectorData(film: Film): boolean {
  return (
    film.userRating !== null ||
    film.copies.length > 0 ||
    film.loans.length > 0 ||
    film.watched.length > 0 ||
    film.tags.length > 0 ||
    !!film.notes
  );
}

/** The collector's own: my rating, copies, loans, when it was watched, tags and notes. */
export function CollectionSection({ film, locale }: { film: Film; locale: string | undefined }) {
  if (!hasCollectorData(film)) return null;
  return (
    <SheetSection title="In my collection" name="collection">
      {film.userRating !== null || film.tags.length > 0 ? (
        <dl className="sheet-facts sheet-own">
          {film.userRating !== null ? (
            <div className="sheet-fact">
              <dt>My rating</dt>
              <dd>
                <span className="sheet-stars" aria-hidden="true">
                  {ratingStars(film.userRating)}
                </span>{' '}
                {formatNumber(film.userRating, locale)}/10
              </dd>
            </div>
          ) : null}
          {film.tags.length > 0 ? (
            <div className="sheet-fact">
              <dt>Tags</dt>
              <dd>{film.tags.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {film.copies.length > 0 ? <CopiesTable film={film} locale={locale} /> : null}
      {film.loans.length > 0 ? <LoansList film={film} locale={locale} /> : null}
      {film.watched.length > 0 ? <WatchedList film={film} locale={locale} /> : null}
      {film.notes ? (
        <SheetPart title="Notes">
          <Paragraphs text={film.notes} />
        </SheetPart>
      ) : null}
    </SheetSection>
  );
}
