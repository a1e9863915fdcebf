import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Money } from '../../../shared/film-schema';
import {
  parseMoney,
  parseRating,
  parseRuntime,
  parseYear,
  type RatingValue,
  type ValueResult,
} from '../../../shared/fact-page/values';
import { sameValue } from './draft';
import { Field } from './fields';
import { useValidation } from './validation-context';

type ParsedInputProps<T> = {
  label: string;
  path: string;
  value: T | null;
  onChange: (value: T | null) => void;
  parse: (text: string) => ValueResult<T | null>;
  format: (value: T) => string;
  /** What the typed text was read as, shown under the field while typing. */
  describe: (value: T | null) => ReactNode;
  placeholder?: string;
  className?: string;
};

/**
 * A text field that reads what a person types ("1h 29min", "$1.2 million") into a value. Readable
 * text is committed at once and what it was read as is shown below; unreadable text keeps the last
 * good value and reports a problem (shown when the field is left), so Save waits for a fix.
 */
export function ParsedInput<T>(props: ParsedInputProps<T>) {
  const { value, onChange, parse, format, path } = props;
  const { reportLocal } = useValidation();
  const [text, setText] = useState(() => (value === null ? '' : format(value)));
  const [error, setError] = useState<string | null>(null);
  const committed = useRef<T | null>(value);
  const [shownValue, setShownValue] = useState(value);
  // A value changed from outside (reload, undo) replaces what was typed.
  if (!sameValue(value, shownValue)) {
    setShownValue(value);
    if (!sameValue(value, committed.current)) {
      committed.current = value;
      setText(value === null ? '' : format(value));
      setError(null);
    }
  }
  useEffect(() => reportLocal(path, error), [reportLocal, path, error]);
  useEffect(() => () => reportLocal(path, null), [reportLocal, path]);

  const type = (next: string) => {
    setText(next);
    const result = parse(next);
    setError(result.ok ? null : result.error);
    if (result.ok && !sameValue(result.value, committed.current)) {
      committed.current = result.value;
      onChange(result.value);
    }
  };
  return (
    <Field
      label={props.label}
      path={path}
      nested
      hint={error === null ? <output>{props.describe(value)}</output> : undefined}
    >
      {(control) => (
        <input
          {...control}
          className={props.className}
          aria-invalid={control['aria-invalid'] || error !== null}
          type="text"
          value={text}
          placeholder={props.placeholder}
          onChange={(event) => type(event.target.value)}
        />
      )}
    </Field>
  );
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** 20554 USD → "$20,554"; other currencies by code: "EUR 3,400,000". */
export function formatMoney(money: Money): string {
  return money.currency === 'USD'
    ? `$${grouped(money.amount)}`
    : `${money.currency} ${grouped(money.amount)}`;
}

/** 89 → "1h 29min"; 45 → "45 min"; 120 → "2h". */
export function formatRuntime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}min`;
}

/** {7.8, 10, 2700} → "7.8/10 (2,700 votes)"; {98, 100} → "98%". */
export function formatRatingValue(rating: RatingValue): string {
  const value = rating.scale === 100 ? `${rating.value}%` : `${rating.value}/${rating.scale}`;
  return rating.votes === null ? value : `${value} (${grouped(rating.votes)} votes)`;
}

type ValueFieldProps<T> = {
  label: string;
  path: string;
  value: T | null;
  onChange: (value: T | null) => void;
};

/** An amount of money: "$5,853", "$1.2 million", "€3,4 Mio."; empty is unknown, never 0. */
export function MoneyInput(props: ValueFieldProps<Money>) {
  return (
    <ParsedInput
      {...props}
      parse={parseMoney}
      format={formatMoney}
      placeholder="Unknown"
      className="money-input"
      describe={(money) => (money === null ? 'Unknown' : `= ${grouped(money.amount)} ${money.currency}`)}
    />
  );
}

/** A running time: "1h 29min", "89 min", "89", "1:29". */
export function RuntimeInput(props: ValueFieldProps<number>) {
  return (
    <ParsedInput
      {...props}
      parse={parseRuntime}
      format={formatRuntime}
      placeholder="e.g. 1h 29min"
      describe={(minutes) =>
        minutes === null
          ? 'Unknown'
          : `= ${minutes} minutes${minutes >= 60 ? ` (${formatRuntime(minutes)})` : ''}`
      }
    />
  );
}

/** A release or award year, 1870 to 2100. */
export function YearInput(props: ValueFieldProps<number>) {
  return (
    <ParsedInput
      {...props}
      parse={parseYear}
      format={String}
      placeholder="e.g. 2017"
      describe={(year) => (year === null ? 'Unknown' : '')}
    />
  );
}

/** A rating as a site prints it: "7.8/10 (2.7K votes)", "98%". */
export function RatingValueInput(
  props: ValueFieldProps<RatingValue> & { parse?: (text: string) => ValueResult<RatingValue | null> },
) {
  return (
    <ParsedInput
      {...props}
      parse={props.parse ?? parseRating}
      format={formatRatingValue}
      placeholder="e.g. 7.8/10 (2.7K votes)"
      describe={(rating) =>
        rating === null
          ? 'Write the rating'
          : `= ${rating.value} of ${rating.scale}${rating.votes === null ? '' : `, ${grouped(rating.votes)} votes`}`
      }
    />
  );
}
