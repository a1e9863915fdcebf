import { memo, useId, useState, type ReactNode } from 'react';
import type { FacetCount, Facets, FilmFilter, RatingCount } from '../../../shared/browse';
import { useSuggestions } from '../edit/use-suggestions';
import { formatCount } from './numbers';

type FilterPanelProps = {
  facets: Facets | null;
  filter: FilmFilter;
  onChange: (change: Partial<FilmFilter>) => void;
};

const count = formatCount;
const SHOWN = 8;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="filter-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** One choosable value with its count; pressed when chosen. */
function Choice({
  label,
  n,
  chosen,
  onClick,
}: {
  label: string;
  n: number | null;
  chosen: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="facet-choice"
      aria-pressed={chosen}
      aria-label={n === null ? label : `${label} (${count(n)})`}
      onClick={onClick}
    >
      <span className="facet-label">{label}</span>
      {n === null ? null : <span className="facet-count">{count(n)}</span>}
    </button>
  );
}

/** A list of values with counts: the most common first, chosen ones always shown, the rest on request. */
function FacetList({
  counts,
  chosen,
  onToggle,
}: {
  counts: readonly FacetCount[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
}) {
  const [all, setAll] = useState(false);
  const missing = chosen
    .filter((value) => !counts.some((c) => c.value === value))
    .map((value) => ({ value, count: 0 }));
  const listed = [...missing, ...counts];
  const shown = all ? listed : listed.filter((c, i) => i < SHOWN || chosen.includes(c.value));
  return (
    <div className="facet-list">
      {shown.map((c) => (
        <Choice
          key={c.value}
          label={c.value}
          n={c.count}
          chosen={chosen.includes(c.value)}
          onClick={() => onToggle(c.value)}
        />
      ))}
      {listed.length > SHOWN ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${listed.length}`}
        </button>
      ) : null}
    </div>
  );
}

const toggled = (list: readonly string[], value: string) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** Two year fields; a typed year applies on Enter or when the field is left. */
function YearRange({ filter, onChange }: Pick<FilterPanelProps, 'filter' | 'onChange'>) {
  const field = (which: 'yearFrom' | 'yearTo', label: string) => (
    <label className="year-field">
      <span>{label}</span>
      <input
        key={`${which}:${filter[which] ?? ''}`}
        type="number"
        inputMode="numeric"
        min={1870}
        max={2100}
        defaultValue={filter[which] ?? ''}
        placeholder={which === 'yearFrom' ? '1870' : '2100'}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
        onBlur={(event) => {
          const year = event.currentTarget.value === '' ? null : Number(event.currentTarget.value);
          const valid = year === null || (Number.isInteger(year) && year >= 1870 && year <= 2100);
          if (valid && year !== filter[which]) onChange({ [which]: year });
        }}
      />
    </label>
  );
  return (
    <div className="year-range">
      {field('yearFrom', 'From')}
      {field('yearTo', 'to')}
    </div>
  );
}

function Decades({ facets, filter, onChange }: FilterPanelProps) {
  const decades = facets?.decades ?? [];
  return (
    <div className="facet-chips">
      {decades.map((decade) => {
        const from = Number.parseInt(decade.value, 10);
        const chosen = filter.yearFrom === from && filter.yearTo === from + 9;
        return (
          <Choice
            key={decade.value}
            label={decade.value}
            n={decade.count}
            chosen={chosen}
            onClick={() =>
              onChange(chosen ? { yearFrom: null, yearTo: null } : { yearFrom: from, yearTo: from + 9 })
            }
          />
        );
      })}
    </div>
  );
}

/** Own ratings grouped as a collector reads them. */
const RATING_BANDS: { label: string; from: number; to: number }[] = [
  { label: '★ 9–10', from: 9, to: 10 },
  { label: '★ 7–8½', from: 7, to: 8.5 },
  { label: '★ 5–6½', from: 5, to: 6.5 },
  { label: '★ 0–4½', from: 0, to: 4.5 },
];

function bandCount(ratings: readonly RatingCount[], from: number, to: number): number {
  return ratings.reduce(
    (sum, r) => (r.rating !== null && r.rating >= from && r.rating <= to ? sum + r.count : sum),
    0,
  );
}

function Ratings({ facets, filter, onChange }: FilterPanelProps) {
  const ratings = facets?.ratings ?? [];
  return (
    <div className="facet-list">
      {RATING_BANDS.map((band) => {
        const chosen = filter.ratingFrom === band.from && filter.ratingTo === band.to;
        return (
          <Choice
            key={band.label}
            label={band.label}
            n={bandCount(ratings, band.from, band.to)}
            chosen={chosen}
            onClick={() =>
              onChange(
                chosen ? { ratingFrom: null, ratingTo: null } : { ratingFrom: band.from, ratingTo: band.to },
              )
            }
          />
        );
      })}
    </div>
  );
}

/** Any name, with suggestions from the library: "everything with this person". */
function PersonField({ filter, onChange }: Pick<FilterPanelProps, 'filter' | 'onChange'>) {
  const [text, setText] = useState(filter.person ?? '');
  const [editing, setEditing] = useState(false);
  const suggestions = useSuggestions('person', text.trim(), editing && text.trim().length > 0);
  const listId = useId();
  const apply = (name: string) => {
    const person = name.trim() === '' ? null : name.trim();
    if (person !== filter.person) onChange({ person });
  };
  return (
    <div className="person-field">
      <input
        type="search"
        aria-label="Person in cast or crew"
        placeholder="Actor, director, crew…"
        list={listId}
        value={editing ? text : (filter.person ?? '')}
        onFocus={() => {
          setText(filter.person ?? '');
          setEditing(true);
        }}
        onChange={(event) => {
          setText(event.currentTarget.value);
          if (suggestions.includes(event.currentTarget.value)) apply(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply(text);
          event.stopPropagation();
        }}
        onBlur={() => {
          apply(text);
          setEditing(false);
        }}
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}

/**
 * The filters, each value with how many films it would leave: genres and tags combine (all of
 * them), the others choose one value. Counts follow the current search and filters. Memoised: it
 * renders again when its counts or the filter change, not at every key typed in the search.
 */
export const FilterPanel = memo(function FilterPanel(props: FilterPanelProps) {
  const { facets, filter, onChange } = props;
  const seen = facets?.seen;
  return (
    <aside className="filter-panel" aria-label="Filters" aria-busy={facets === null}>
      <Section title="Genre">
        <FacetList
          counts={facets?.genres ?? []}
          chosen={filter.genres}
          onToggle={(genre) => onChange({ genres: toggled(filter.genres, genre) })}
        />
      </Section>
      <Section title="Decade and year">
        <Decades {...props} />
        <YearRange filter={filter} onChange={onChange} />
      </Section>
      <Section title="Seen">
        <div className="facet-chips">
          <Choice
            label="Seen"
            n={seen?.seen ?? null}
            chosen={filter.seen === true}
            onClick={() => onChange({ seen: filter.seen === true ? null : true })}
          />
          <Choice
            label="Not yet"
            n={seen?.unseen ?? null}
            chosen={filter.seen === false}
            onClick={() => onChange({ seen: filter.seen === false ? null : false })}
          />
        </div>
      </Section>
      <Section title="My rating">
        <Ratings {...props} />
      </Section>
      <Section title="Director">
        <FacetList
          counts={facets?.directors ?? []}
          chosen={filter.director ? [filter.director] : []}
          onToggle={(name) => onChange({ director: filter.director === name ? null : name })}
        />
      </Section>
      <Section title="Person">
        <PersonField filter={filter} onChange={onChange} />
      </Section>
      <Section title="Medium">
        <FacetList
          counts={facets?.media ?? []}
          chosen={filter.medium ? [filter.medium] : []}
          onToggle={(medium) => onChange({ medium: filter.medium === medium ? null : medium })}
        />
      </Section>
      {(facets?.tags.length ?? 0) > 0 || filter.tags.length > 0 ? (
        <Section title="Tag">
          <FacetList
            counts={facets?.tags ?? []}
            chosen={filter.tags}
            onToggle={(tag) => onChange({ tags: toggled(filter.tags, tag) })}
          />
        </Section>
      ) : null}
      <Section title="Loans">
        <div className="facet-chips">
          <Choice
            label="On loan"
            n={facets?.onLoan ?? null}
            chosen={filter.loan === 'on-loan'}
            onClick={() => onChange({ loan: filter.loan === 'on-loan' ? null : 'on-loan' })}
          />
          <Choice
            label="Overdue"
            n={facets?.overdue ?? null}
            chosen={filter.loan === 'overdue'}
            onClick={() => onChange({ loan: filter.loan === 'overdue' ? null : 'overdue' })}
          />
        </div>
      </Section>
    </aside>
  );
});
