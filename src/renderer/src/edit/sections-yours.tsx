import type { Watch } from '../../../shared/film-schema';
import { localToday } from './draft';
import { DateField, TextField } from './fields';
import { RepeatableGroup } from './repeatable-group';
import { EditSection, FieldRow, type SectionProps } from './section';
import { StarRating } from './star-rating';
import { TokenInput } from './token-input';

/** The collector's own: rating, the watched diary, tags, notes. */
export function YoursSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="yours" title="Your rating, diary and notes">
      <StarRating
        label="Your rating"
        path="userRating"
        value={draft.userRating}
        onChange={(userRating) => change({ userRating })}
      />
      <RepeatableGroup<Watch>
        label="Watched"
        path="watched"
        itemName="viewing"
        items={draft.watched}
        describe={(watch) => watch.date ?? 'undated'}
        newItem={() => ({ date: localToday(), note: null })}
        onChange={(watched) => change({ watched })}
        footer={
          <button
            type="button"
            onClick={() => change({ watched: [...draft.watched, { date: localToday(), note: null }] })}
          >
            Seen today
          </button>
        }
        renderItem={({ item, path, set }) => (
          <FieldRow>
            <DateField
              label="Date"
              path={`${path}.date`}
              value={item.date}
              onChange={(date) => set({ ...item, date })}
            />
            <TextField
              label="Note"
              path={`${path}.note`}
              value={item.note}
              onChange={(note) => set({ ...item, note })}
            />
          </FieldRow>
        )}
      />
      <TokenInput
        label="Tags"
        path="tags"
        kind="tag"
        values={draft.tags}
        placeholder="Collections like “Criterion”"
        onChange={(tags) => change({ tags })}
      />
      <TextField
        label="Notes"
        path="notes"
        multiline
        value={draft.notes}
        onChange={(notes) => change({ notes })}
      />
    </EditSection>
  );
}
