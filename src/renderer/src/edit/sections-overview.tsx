import { useState } from 'react';
import { deriveSortTitle } from '../../../shared/film';
import type { Rating } from '../../../shared/film-schema';
import { parseRating } from '../../../shared/fact-page/values';
import { sameValue } from './draft';
import { RequiredTextField, TextField } from './fields';
import { RatingValueInput, RuntimeInput, YearInput } from './parsed-input';
import type { PreparedPoster } from './poster-image';
import { PosterPicker } from './poster-picker';
import { RepeatableFields } from './repeatable-fields';
import { RepeatableGroup } from './repeatable-group';
import { draftFields, EditSection, FieldRow, type SectionProps } from './section';
import { TokenInput } from './token-input';
import { useValidation } from './validation-context';

/** A rating must be written; an empty box is not "unknown" here. */
const requiredRating = (text: string) => {
  const result = parseRating(text);
  return result.ok && result.value === null
    ? { ok: false as const, error: 'write the rating, like “7.8/10 (2.7K votes)” or “98%”' }
    : result;
};

function RatingsGroup({ draft, change }: SectionProps) {
  return (
    <RepeatableFields<Rating>
      label="Ratings"
      path="ratings"
      itemName="rating"
      items={draft.ratings}
      describe={(rating) => rating.source}
      newItem={() => ({ source: '', value: 0, scale: 10, votes: null })}
      onChange={(ratings) => change({ ratings })}
      fields={[
        [
          { key: 'source', label: 'Source', required: true, placeholder: 'IMDb' },
          { input: 'custom', name: 'value', render: (props) => <RatingInput {...props} /> },
        ],
      ]}
    />
  );
}

function RatingInput({ path, item, set }: { path: string; item: Rating; set: (rating: Rating) => void }) {
  const { value, scale, votes } = item;
  return (
    <RatingValueInputRequired
      path={`${path}.value`}
      value={{ value, scale, votes }}
      onChange={(rating) => (rating ? set({ ...item, ...rating }) : undefined)}
    />
  );
}

function RatingValueInputRequired(props: {
  path: string;
  value: { value: number; scale: number; votes: number | null };
  onChange: (value: { value: number; scale: number; votes: number | null } | null) => void;
}) {
  return (
    <RatingValueInput
      label="Rating *"
      path={props.path}
      value={props.value}
      onChange={props.onChange}
      parse={requiredRating}
    />
  );
}

type IdPair = { source: string; value: string };
const pairsOf = (ids: Record<string, string>): IdPair[] =>
  Object.entries(ids).map(([source, value]) => ({ source, value }));

/** External ids are a map; edited as pairs, kept here while a source is being typed or repeated. */
function ExternalIdsGroup({ draft, change }: SectionProps) {
  const [pairs, setPairs] = useState(() => pairsOf(draft.externalIds));
  const [shown, setShown] = useState(draft.externalIds);
  const { reportLocal } = useValidation();
  const mapOf = (list: IdPair[]) =>
    Object.fromEntries(list.filter((p) => p.source.trim() !== '').map((p) => [p.source.trim(), p.value]));
  if (!sameValue(shown, draft.externalIds)) {
    setShown(draft.externalIds);
    if (!sameValue(mapOf(pairs), draft.externalIds)) setPairs(pairsOf(draft.externalIds));
  }
  const update = (next: IdPair[]) => {
    setPairs(next);
    const sources = next.map((pair) => pair.source.trim());
    const repeated = sources.find((source, index) => source !== '' && sources.indexOf(source) !== index);
    const unnamed = next.some((pair) => pair.source.trim() === '' && pair.value.trim() !== '');
    reportLocal(
      'externalIds',
      repeated
        ? `“${repeated}” is named twice; keep one`
        : unnamed
          ? 'every id needs a source, like imdb'
          : null,
    );
    change({ externalIds: mapOf(next) });
  };
  return (
    <RepeatableGroup<IdPair>
      label="External ids"
      path="externalIds"
      itemName="id"
      items={pairs}
      describe={(pair) => pair.source}
      newItem={() => ({ source: '', value: '' })}
      onChange={update}
      renderItem={({ item, set }) => (
        <FieldRow>
          <TextField
            label="Source"
            path={`externalIds.${item.source}.source`}
            value={item.source}
            placeholder="imdb"
            onChange={(source) => set({ ...item, source: source ?? '' })}
          />
          <TextField
            label="Id"
            path={`externalIds.${item.source}`}
            value={item.value}
            placeholder="tt6205996"
            onChange={(value) => set({ ...item, value: value ?? '' })}
          />
        </FieldRow>
      )}
    />
  );
}

/** Quick overview: poster, titles, year, runtime, genres, directors, trailer, ratings, ids. */
export function OverviewSection(props: SectionProps & { onPoster: (poster: PreparedPoster | null) => void }) {
  const { draft, change } = props;
  const field = draftFields(props);
  const trailer = (patch: { label?: string | null; url?: string | null }) => {
    const next = { label: draft.trailer?.label ?? '', url: draft.trailer?.url ?? null, ...patch };
    change({
      trailer:
        (next.label ?? '') === '' && next.url === null ? null : { label: next.label ?? '', url: next.url },
    });
  };
  return (
    <EditSection id="overview" title="Quick overview">
      <div className="overview-grid">
        <PosterPicker path="poster" title={draft.title} value={draft.poster} onChange={props.onPoster} />
        <div className="overview-fields">
          <RequiredTextField label="Title" {...field('title')} />
          <FieldRow>
            <TextField label="Original title" {...field('originalTitle')} />
            <TextField
              label="Sort title"
              {...field('sortTitle')}
              placeholder={deriveSortTitle(draft.title) || 'From the title'}
              hint="Empty: from the title"
            />
          </FieldRow>
          <FieldRow>
            <YearInput label="Year" {...field('year')} />
            <RuntimeInput label="Runtime" {...field('runtimeMinutes')} />
          </FieldRow>
          <TokenInput label="Genres" kind="genre" {...field('genres')} />
          <TokenInput
            label="Directors"
            kind="person"
            placeholder="Names in credit order"
            {...field('directors')}
          />
          <FieldRow>
            <TextField
              label="Trailer label"
              path="trailer.label"
              value={draft.trailer?.label ?? null}
              placeholder="Trailer"
              onChange={(label) => trailer({ label })}
            />
            <TextField
              label="Trailer address"
              path="trailer.url"
              type="url"
              value={draft.trailer?.url ?? null}
              placeholder="https://…"
              onChange={(url) => trailer({ url })}
            />
          </FieldRow>
        </div>
      </div>
      <RatingsGroup {...props} />
      <ExternalIdsGroup {...props} />
    </EditSection>
  );
}
