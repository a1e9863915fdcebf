import { forwardRef } from 'react';
import type { Problem } from '../../../shared/contract';
import type { Film } from '../../../shared/film-schema';
import { changedFields, draftOf, type FilmDraft } from './draft';
import { fieldId, parentPath, pathLabel } from './labels';

/** Puts the keyboard on the field a problem is about (or the nearest thing around it). */
export function jumpToField(path: string): void {
  for (let at = path; ; at = parentPath(at)) {
    const element = document.getElementById(fieldId(at));
    if (element) {
      element.scrollIntoView?.({ block: 'center' });
      element.focus({ preventScroll: true });
      return;
    }
    if (at === '') return;
  }
}

/** The problems that keep the film from being saved, each a way to the field. */
export const ProblemSummary = forwardRef<HTMLDivElement, { problems: readonly Problem[] }>(
  function ProblemSummary({ problems }, ref) {
    return (
      <div className="problem-summary" role="alert" ref={ref} tabIndex={-1}>
        <h2>
          {problems.length === 1 ? 'One problem keeps' : `${problems.length} problems keep`} this film from
          being saved
        </h2>
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              <button type="button" className="link" onClick={() => jumpToField(problem.path)}>
                {pathLabel(problem.path)}
              </button>
              : {problem.message}
            </li>
          ))}
        </ul>
      </div>
    );
  },
);

const fieldList = (fields: string[]) =>
  fields.length === 0 ? 'nothing' : fields.map((field) => pathLabel(field)).join(', ');

/**
 * The film was changed elsewhere since it was opened: says what changed on each side and lets the
 * person choose; neither side is dropped without being asked.
 */
export function StaleNotice(props: {
  current: Film;
  base: FilmDraft;
  draft: FilmDraft;
  saving: boolean;
  onOverwrite: () => void;
  onLoadTheirs: () => void;
}) {
  const theirs = changedFields(props.base, draftOf(props.current));
  const mine = changedFields(props.base, props.draft);
  const when = new Date(props.current.updatedAt).toLocaleString();
  return (
    <div className="stale-notice" role="alert">
      <h2>“{props.current.title}” was changed elsewhere since you opened it</h2>
      <p>
        Saved elsewhere at {when}, changing {fieldList(theirs)}. Your unsaved changes: {fieldList(mine)}.
        Nothing was saved yet.
      </p>
      <div className="row-actions">
        <button type="button" className="danger" disabled={props.saving} onClick={props.onOverwrite}>
          Save mine over theirs
        </button>
        <button type="button" disabled={props.saving} onClick={props.onLoadTheirs}>
          Load theirs, dropping mine
        </button>
      </div>
    </div>
  );
}
