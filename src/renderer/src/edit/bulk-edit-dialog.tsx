import { useState } from 'react';
import { commonMedia } from '../../../shared/film-schema';
import type { BulkEditResult } from '../../../shared/library-edits';
import { useApi } from '../shell/api-context';
import { ConfirmDialog } from './confirm-dialog';
import { TextField } from './fields';
import { SuggestInput } from './suggest-input';
import { TokenInput } from './token-input';
import './edit.css';

type BulkEditDialogProps = {
  /** The films chosen in browse. */
  filmIds: readonly string[];
  onClose: () => void;
  /** The edit was applied; browse reloads its list. */
  onDone: (result: BulkEditResult) => void;
};

type Seen = 'keep' | 'seen' | 'unseen';

const films = (count: number) => (count === 1 ? 'one film' : `${count.toLocaleString()} films`);

/**
 * Bulk edit of a browse selection: add or remove tags and genres, set medium, location and seen.
 * Browse opens it with the chosen ids; unseen (which clears diaries) asks once more.
 */
export function BulkEditDialog({ filmIds, onClose, onDone }: BulkEditDialogProps) {
  const api = useApi();
  const [addTags, setAddTags] = useState<string[]>([]);
  const [removeTags, setRemoveTags] = useState<string[]>([]);
  const [addGenres, setAddGenres] = useState<string[]>([]);
  const [removeGenres, setRemoveGenres] = useState<string[]>([]);
  const [medium, setMedium] = useState('');
  const [location, setLocation] = useState<string | null>(null);
  const [seen, setSeen] = useState<Seen>('keep');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkEditResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmUnseen, setConfirmUnseen] = useState(false);
  const nothing =
    [addTags, removeTags, addGenres, removeGenres].every((list) => list.length === 0) &&
    medium.trim() === '' &&
    location === null &&
    seen === 'keep';

  const apply = async () => {
    setConfirmUnseen(false);
    setBusy(true);
    setFailure(null);
    try {
      const done = await api.films.bulkEdit({
        filmIds: [...filmIds],
        addTags,
        removeTags,
        addGenres,
        removeGenres,
        medium: medium.trim() === '' ? null : medium.trim(),
        location,
        seen: seen === 'keep' ? null : seen === 'seen',
      });
      setResult(done);
      onDone(done);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <ConfirmDialog title="Bulk edit done" choices={[{ label: 'Close', primary: true, onChoose: onClose }]}>
        <p>
          Changed {films(result.changed)}
          {result.unchanged > 0 ? `; ${films(result.unchanged)} already as asked` : ''}.
        </p>
        {result.notApplied.length > 0 ? (
          <ul className="not-applied">
            {result.notApplied.map((item) => (
              <li key={`${item.id}:${item.reason}`}>
                “{item.title}”: not applied, {item.reason}.
              </li>
            ))}
          </ul>
        ) : null}
      </ConfirmDialog>
    );
  }
  if (confirmUnseen) {
    return (
      <ConfirmDialog
        title={`Clear the watched diary of ${films(filmIds.length)}?`}
        choices={[
          { label: 'Clear and apply', danger: true, onChoose: () => void apply() },
          { label: 'Back', onChoose: () => setConfirmUnseen(false) },
        ]}
      >
        <p>“Not seen” removes every viewing (dates and notes) from these films.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={`Edit ${films(filmIds.length)}`}
      choices={[
        {
          label: busy ? 'Applying…' : 'Apply',
          primary: true,
          onChoose: () =>
            nothing || busy ? undefined : seen === 'unseen' ? setConfirmUnseen(true) : void apply(),
        },
        { label: 'Cancel', onChoose: onClose },
      ]}
    >
      <div className="bulk-edit">
        <TokenInput label="Add tags" path="bulk.addTags" kind="tag" value={addTags} onChange={setAddTags} />
        <TokenInput
          label="Remove tags"
          path="bulk.removeTags"
          kind="tag"
          value={removeTags}
          onChange={setRemoveTags}
        />
        <TokenInput
          label="Add genres"
          path="bulk.addGenres"
          kind="genre"
          value={addGenres}
          onChange={setAddGenres}
        />
        <TokenInput
          label="Remove genres"
          path="bulk.removeGenres"
          kind="genre"
          value={removeGenres}
          onChange={setRemoveGenres}
        />
        <div className="field-row">
          <SuggestInput
            label="Set medium of every copy"
            path="bulk.medium"
            kind="medium"
            fixedSuggestions={commonMedia}
            value={medium}
            placeholder="Leave as it is"
            onChange={setMedium}
          />
          <TextField
            label="Set location of every copy"
            path="bulk.location"
            value={location}
            placeholder="Leave as it is"
            onChange={setLocation}
          />
        </div>
        <fieldset className="seen-choice">
          <legend>Seen</legend>
          {(
            [
              ['keep', 'Leave as it is'],
              ['seen', 'Seen (adds an undated viewing where there is none)'],
              ['unseen', 'Not seen (clears the diary)'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="bulk-seen"
                value={value}
                checked={seen === value}
                onChange={() => setSeen(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {nothing ? <p className="muted">Choose something to change.</p> : null}
        {failure ? (
          <p className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
