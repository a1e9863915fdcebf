import { createContext, useContext, type ReactNode } from 'react';
import type { Problem } from '../../../shared/contract';

/**
 * What the fields of the editor know about problems: the film schema's (by path) and the ones a
 * field found itself (text that is not yet a running time or an amount). A field shows its own
 * once it was left, or all of them after a save was tried.
 */
export type Validation = {
  problems: readonly Problem[];
  showAll: boolean;
  touched: ReadonlySet<string>;
  touch(path: string): void;
  /** A field's own problem with what was typed (null when the text reads fine). */
  reportLocal(path: string, message: string | null): void;
};

const quiet: Validation = {
  problems: [],
  showAll: false,
  touched: new Set(),
  touch: () => undefined,
  reportLocal: () => undefined,
};

const ValidationContext = createContext<Validation>(quiet);

export function ValidationProvider({ value, children }: { value: Validation; children: ReactNode }) {
  return <ValidationContext.Provider value={value}>{children}</ValidationContext.Provider>;
}

export function useValidation(): Validation {
  return useContext(ValidationContext);
}

const isWithin = (path: string, field: string) =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/**
 * The messages to show beside the field at `path` now. `nested` also claims problems inside it
 * (a money field owns `…worldwide.amount`); a group item claims only its own (`loans[1]`).
 * `always` shows them at once: for problems across fields, which no single field's leaving reveals.
 */
export function useFieldProblems(path: string, nested = false, always = false): string[] {
  const { problems, showAll, touched } = useValidation();
  if (!always && !showAll && !touched.has(path)) return [];
  return problems
    .filter((problem) => (nested ? isWithin(problem.path, path) : problem.path === path))
    .map((problem) => problem.message);
}
