import type { Watch } from '../../../shared/film-schema';
import { localToday } from './draft';
import { TextField } from './fields';
import { RepeatableFields } from './repeatable-fields';
import { draftFields, EditSection, type SectionProps } from './section';
import { StarRating } from './star-rating';
import { TokenInput } from './token-input';

/** The collector's own: rating, the watched diary, tags, notes. */
export function YoursSection(props: SectionProps) {
  const { draft, change } = props;
  const field = draftFields(props);
  return (
    <EditSection id="yours" title="Your rating, diary and notes">
      <StarRating label="Your rating" {...field('userRating')} />
      <RepeatableFields<Watch>
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
        fields={[
          [
            { input: 'date', key: 'date', label: 'Date' },
            { key: 'note', label: 'Note' },
          ],
        ]}
      />
      <TokenInput label="Tags" kind="tag" placeholder="Collections like “Criterion”" {...field('tags')} />
      <TextField label="Notes" multiline {...field('notes')} />
    </EditSection>
  );
}
