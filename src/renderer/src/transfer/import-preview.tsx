import { useState } from 'react';
import type { DuplicateRule, ImportCounts, ImportPreviewSummary } from '../../../shared/transfer';
import { duplicateRules } from '../../../shared/transfer';
import { fileSize } from '../../../shared/file-size';
import { filmCount } from './film-count';
import type { ImportSession, ImportState } from './import-session';
import { RULE_LABELS } from './labels';
import {
  FindingList,
  problemsOf,
  SelectedFilm,
  UnplacedLines,
  warningsOf,
  type Selection,
} from './preview-details';
import { CountFilters, PreviewTable, rowsFor, type RowFilter } from './preview-table';
import { unplacedLinesOf } from './unplaced-lines';

type PreviewStates = Extract<ImportState, { step: 'preview' } | { step: 'writing' }>;

function SourceLine({ preview, name }: { preview: ImportPreviewSummary; name: string }) {
  const [source] = preview.sources;
  const kind = source?.kind === 'fact-page' ? 'a film fact page' : 'a Filmfolio library file';
  return (
    <p className="source-line">
      <strong>{name}</strong>
      {source ? (
        <span className="muted">
          {' '}
          · {fileSize(source.bytes)} · {kind} with {filmCount(source.films)}
        </span>
      ) : null}
    </p>
  );
}

/** The rule for films already in the library, for the whole import. */
function RuleChooser({
  rule,
  disabled,
  onRule,
}: {
  rule: DuplicateRule;
  disabled: boolean;
  onRule: (rule: DuplicateRule) => void;
}) {
  return (
    <fieldset className="rule-chooser" disabled={disabled}>
      <legend>When a film is already in your library</legend>
      {duplicateRules.map((choice) => (
        <label key={choice} className={choice === rule ? 'chosen' : undefined}>
          <input
            type="radio"
            name="duplicate-rule"
            value={choice}
            checked={choice === rule}
            onChange={() => onRule(choice)}
          />
          <strong>{RULE_LABELS[choice].label}</strong>{' '}
          <span className="muted">{RULE_LABELS[choice].detail}</span>
        </label>
      ))}
      <p className="muted rule-note">You can choose otherwise for single films in the table.</p>
    </fieldset>
  );
}

const written = (counts: ImportCounts) => counts.new + counts.updated + counts.keptBoth;

/** "This import adds 2 films and updates 1; 1 rejected film is left out." */
function outcomeSentence(counts: ImportCounts): string {
  const parts = [
    counts.new > 0 ? `adds ${filmCount(counts.new)}` : null,
    counts.updated > 0 ? `updates ${filmCount(counts.updated)}` : null,
    counts.keptBoth > 0 ? `adds ${filmCount(counts.keptBoth)} as other films` : null,
  ].filter((part): part is string => part !== null);
  const what = parts.length > 0 ? `This import ${parts.join(', ')}.` : 'This import writes nothing.';
  const left = counts.skipped + counts.unchanged;
  if (left === 0) return what;
  return left === 1
    ? `${what} 1 film already in your library stays as it is.`
    : `${what} ${filmCount(left)} already in your library stay as they are.`;
}

function ConfirmBar({ state, session }: { state: PreviewStates; session: ImportSession }) {
  const { counts } = state.preview;
  const { skipRejected } = state.choices;
  const writing = state.step === 'writing';
  const blocked =
    counts.rejected > 0 && !skipRejected
      ? `${filmCount(counts.rejected)} rejected: fix the file, or import the others without ${counts.rejected === 1 ? 'it' : 'them'}.`
      : written(counts) === 0
        ? 'Nothing to import: every film is already in your library or skipped.'
        : null;
  return (
    <div className="confirm-bar">
      <div className="confirm-text">
        <p>{outcomeSentence(counts)}</p>
        {counts.rejected > 0 ? (
          <label className="check">
            <input
              type="checkbox"
              checked={skipRejected}
              disabled={writing}
              onChange={(event) => void session.choose({ skipRejected: event.target.checked })}
            />
            Import the others without the{' '}
            {counts.rejected === 1 ? 'rejected film' : `${counts.rejected} rejected films`}
          </label>
        ) : null}
        {blocked ? (
          <p className="muted" id="import-blocked">
            {blocked}
          </p>
        ) : null}
        {state.step === 'preview' && state.message ? (
          <p role="alert" className="import-message">
            {state.message}
          </p>
        ) : null}
      </div>
      <button type="button" onClick={() => session.startOver()} disabled={writing}>
        Choose another file
      </button>
      <button
        type="button"
        className="primary"
        disabled={writing || blocked !== null || (state.step === 'preview' && state.updating)}
        aria-describedby={blocked ? 'import-blocked' : undefined}
        onClick={() => void session.confirm()}
      >
        Import {filmCount(written(counts))}
      </button>
    </div>
  );
}

/** The preview of an import: counts, the rule for duplicates, the films, their problems; and confirm. */
export function ImportPreview({ state, session }: { state: PreviewStates; session: ImportSession }) {
  const { preview, choices, source } = state;
  const [filter, setFilter] = useState<RowFilter>('all');
  const [selection, setSelection] = useState<Selection | null>(null);
  const writing = state.step === 'writing';
  const rows = rowsFor(filter, preview.films);
  const selectedRow = selection === null ? undefined : preview.films[selection.index];
  const factPage = preview.sources[0]?.kind === 'fact-page' ? preview.films[0] : undefined;
  const select = (next: Selection) => {
    setSelection(next);
    const row = preview.films[next.index];
    if (row && !rowsFor(filter, [row]).length) setFilter('all');
  };
  return (
    <div className="import-preview">
      <SourceLine preview={preview} name={source.name} />
      <CountFilters counts={preview.counts} rows={preview.films} filter={filter} onFilter={setFilter} />
      {preview.counts.duplicates > 0 ? (
        <RuleChooser
          rule={choices.rule}
          disabled={writing}
          onRule={(rule) => void session.choose({ rule })}
        />
      ) : null}
      <div className="preview-columns">
        <PreviewTable
          rows={rows}
          rule={choices.rule}
          overrides={choices.overrides}
          selected={selection?.index ?? null}
          disabled={writing}
          onSelect={(index) => select({ index, path: preview.films[index]?.problems[0]?.path ?? null })}
          onOverride={(index, rule) => void session.override(index, rule)}
        />
        <aside className="preview-side">
          {selectedRow ? (
            <SelectedFilm
              row={selectedRow}
              path={selection?.path ?? null}
              text={source.text}
              onSelectPath={(path) => select({ index: selectedRow.index, path })}
              onClose={() => setSelection(null)}
            />
          ) : null}
          <FindingList
            title="Problems"
            tone="problem"
            rows={preview.films}
            pick={problemsOf}
            onSelect={select}
          />
          <FindingList
            title="Warnings"
            tone="warning"
            rows={preview.films}
            pick={warningsOf}
            fileWide={preview.warnings}
            onSelect={select}
          />
          {factPage ? (
            <UnplacedLines
              lines={unplacedLinesOf(factPage)}
              keep={choices.keepUnplaced}
              disabled={writing}
              onKeep={(keepUnplaced) => void session.choose({ keepUnplaced })}
              onSelect={(line) => select({ index: factPage.index, path: `line ${line}` })}
            />
          ) : null}
        </aside>
      </div>
      <ConfirmBar state={state} session={session} />
    </div>
  );
}
