import { useState } from 'react';
import { commonMedia, type Copy, type Loan } from '../../../shared/film-schema';
import { isOverdue, openLoanIndex } from '../../../shared/library-edits';
import { localToday } from './draft';
import { DateField, SelectField } from './fields';
import { RepeatableFields } from './repeatable-fields';
import type { IndexMap } from './repeatable-group';
import { EditSection, FieldRow, type SectionProps } from './section';
import { SuggestInput } from './suggest-input';

const copyLabel = (copy: Copy | undefined, index: number) =>
  `Copy ${index + 1}${copy ? ` · ${copy.medium || '?'}` : ''}`;

function LendForm({
  path,
  onLend,
  onCancel,
}: {
  path: string;
  onLend: (loan: Omit<Loan, 'copyIndex'>) => void;
  onCancel: () => void;
}) {
  const [borrower, setBorrower] = useState('');
  const [lentOn, setLentOn] = useState<string | null>(localToday());
  const [dueOn, setDueOn] = useState<string | null>(null);
  const reason =
    borrower.trim() === ''
      ? 'Who borrows it?'
      : lentOn === null
        ? 'When was it lent?'
        : dueOn !== null && dueOn < lentOn
          ? 'The due date is before the loan date.'
          : null;
  return (
    <div className="lend-form" role="group" aria-label="Lend this copy">
      <FieldRow>
        <SuggestInput
          label="Borrower *"
          path={`${path}.lend.borrower`}
          kind="borrower"
          value={borrower}
          onChange={setBorrower}
        />
        <DateField label="Lent on" path={`${path}.lend.lentOn`} value={lentOn} onChange={setLentOn} />
        <DateField label="Due on" path={`${path}.lend.dueOn`} value={dueOn} onChange={setDueOn} />
      </FieldRow>
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          disabled={reason !== null}
          onClick={() => lentOn && onLend({ borrower: borrower.trim(), lentOn, dueOn, returnedOn: null })}
        >
          Lend
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {reason ? <span className="muted">{reason}</span> : null}
      </div>
    </div>
  );
}

/** Whether a copy is out, with "Returned"; or "Lend…" when it is in. */
function LoanStatus({
  path,
  copyIndex,
  loans,
  setLoans,
}: {
  path: string;
  copyIndex: number;
  loans: readonly Loan[];
  setLoans: (loans: Loan[]) => void;
}) {
  const [lending, setLending] = useState(false);
  const openIndex = openLoanIndex(loans, copyIndex);
  const open = loans[openIndex];
  const today = localToday();
  if (open) {
    return (
      <p className={`loan-status${isOverdue(open, today) ? ' overdue' : ''}`}>
        On loan to <strong>{open.borrower}</strong> since {open.lentOn}
        {open.dueOn ? `, due ${open.dueOn}` : ''}
        {isOverdue(open, today) ? <span className="badge warn">Overdue</span> : null}{' '}
        <button
          type="button"
          onClick={() =>
            setLoans(loans.map((loan, i) => (i === openIndex ? { ...loan, returnedOn: today } : loan)))
          }
        >
          Returned
        </button>
      </p>
    );
  }
  if (lending) {
    return (
      <LendForm
        path={path}
        onCancel={() => setLending(false)}
        onLend={(loan) => {
          setLoans([...loans, { ...loan, copyIndex }]);
          setLending(false);
        }}
      />
    );
  }
  return (
    <p className="loan-status">
      <button type="button" onClick={() => setLending(true)}>
        Lend…
      </button>
    </p>
  );
}

/** Loans follow their copy when copies are reordered; a removed copy's loans keep their history. */
const remapLoans = (loans: readonly Loan[], map: IndexMap): Loan[] =>
  loans.map((loan) => (loan.copyIndex === null ? loan : { ...loan, copyIndex: map[loan.copyIndex] ?? null }));

/** The copies you own, each lendable, and the history of loans. */
export function CopiesSection({ draft, change }: SectionProps) {
  const today = localToday();
  const copyChoices = draft.copies.map((copy, index) => ({
    value: String(index),
    label: copyLabel(copy, index),
  }));
  const setLoans = (loans: Loan[]) => change({ loans });
  return (
    <EditSection id="copies" title="Copies & loans">
      <RepeatableFields<Copy>
        label="Copies"
        path="copies"
        itemName="copy"
        items={draft.copies}
        describe={(copy) => [copy.medium, copy.edition].filter(Boolean).join(', ')}
        newItem={() => ({
          medium: 'Blu-ray',
          edition: null,
          region: null,
          location: null,
          barcode: null,
          acquired: null,
          price: null,
        })}
        onChange={(copies, map) => change({ copies, loans: remapLoans(draft.loans, map) })}
        fields={[
          [
            {
              input: 'suggest',
              key: 'medium',
              label: 'Medium',
              required: true,
              kind: 'medium',
              fixedSuggestions: commonMedia,
            },
            { key: 'edition', label: 'Edition' },
            { key: 'region', label: 'Region' },
          ],
          [
            { input: 'suggest', key: 'location', label: 'Location', kind: 'location' },
            { key: 'barcode', label: 'Barcode' },
            { input: 'date', key: 'acquired', label: 'Acquired' },
            { input: 'money', key: 'price', label: 'Price' },
          ],
          {
            input: 'custom',
            name: 'loans',
            render: ({ path, index }) => (
              <LoanStatus path={path} copyIndex={index} loans={draft.loans} setLoans={setLoans} />
            ),
          },
        ]}
      />
      <RepeatableFields<Loan>
        label="Loans"
        path="loans"
        itemName="loan"
        items={draft.loans}
        describe={(loan) =>
          `${loan.borrower}${isOverdue(loan, today) ? ', overdue' : loan.returnedOn === null ? ', on loan' : ''}`
        }
        newItem={() => ({ copyIndex: null, borrower: '', lentOn: today, dueOn: null, returnedOn: null })}
        onChange={(loans) => setLoans(loans)}
        fields={[
          [
            {
              input: 'custom',
              name: 'copyIndex',
              // The copy is a number in the film, a choice's value in the field.
              render: ({ item, path, set }) => (
                <SelectField
                  label="Copy"
                  path={`${path}.copyIndex`}
                  value={item.copyIndex === null ? null : String(item.copyIndex)}
                  emptyLabel="No particular copy"
                  choices={copyChoices}
                  onChange={(copy) => set({ ...item, copyIndex: copy === null ? null : Number(copy) })}
                />
              ),
            },
            { input: 'suggest', key: 'borrower', label: 'Borrower', required: true, kind: 'borrower' },
          ],
          [
            { input: 'date', key: 'lentOn', label: 'Lent on', required: true },
            { input: 'date', key: 'dueOn', label: 'Due on' },
            { input: 'date', key: 'returnedOn', label: 'Returned on' },
          ],
          {
            input: 'custom',
            name: 'overdue',
            render: ({ item }) =>
              isOverdue(item, today) ? <span className="badge warn">Overdue</span> : null,
          },
        ]}
      />
    </EditSection>
  );
}
