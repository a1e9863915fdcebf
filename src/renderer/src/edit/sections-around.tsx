import {
  providerKinds,
  type Bonus,
  type Faq,
  type Product,
  type Provider,
  type SimilarFilm,
  type Track,
} from '../../../shared/film-schema';
import { TextField } from './fields';
import { FilmLinkPicker } from './film-link-picker';
import { ADDRESS_FIELD, DESCRIPTION_FIELD, RepeatableFields } from './repeatable-fields';
import { EditSection, type SectionProps } from './section';
import { TextListGroup } from './text-list-group';

const KIND_CHOICES = providerKinds.map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));

/** A required title, as similar films, tracks and bonus content have. */
const TITLE_FIELD = { key: 'title', label: 'Title', required: true } as const;

/** Behind the scenes: trivia in order. */
export function BehindSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="behind" title="Behind the scenes">
      <TextListGroup
        label="Trivia"
        path="trivia"
        itemName="trivia item"
        items={draft.trivia}
        onChange={(trivia) => change({ trivia })}
      />
    </EditSection>
  );
}

/** How to watch: a note and the providers. Empty altogether means none. */
export function WatchSection({ draft, change }: SectionProps) {
  const set = (patch: { note?: string | null; providers?: Provider[] }) => {
    const next = { note: null, providers: [], ...draft.whereToWatch, ...patch };
    change({ whereToWatch: next.note === null && next.providers.length === 0 ? null : next });
  };
  return (
    <EditSection id="watch" title="How to watch">
      <TextField
        label="Note"
        path="whereToWatch.note"
        multiline
        value={draft.whereToWatch?.note ?? null}
        onChange={(note) => set({ note })}
      />
      <RepeatableFields<Provider>
        label="Providers"
        path="whereToWatch.providers"
        itemName="provider"
        items={draft.whereToWatch?.providers ?? []}
        describe={(provider) => provider.name}
        newItem={() => ({ name: '', kind: null, url: null })}
        onChange={(providers) => set({ providers })}
        fields={[
          [
            { key: 'name', label: 'Name', required: true, placeholder: 'Prime Video' },
            { input: 'select', key: 'kind', label: 'Kind', emptyLabel: '—', choices: KIND_CHOICES },
            ADDRESS_FIELD,
          ],
        ]}
      />
    </EditSection>
  );
}

/** Similar films: free title and year, or linked to a film of the library. */
export function SimilarSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="similar" title="Similar films">
      <RepeatableFields<SimilarFilm>
        label="Similar films"
        path="similar"
        itemName="similar film"
        items={draft.similar}
        describe={(film) => film.title}
        newItem={() => ({ title: '', year: null, reason: null, filmId: null })}
        onChange={(similar) => change({ similar })}
        fields={[
          [TITLE_FIELD, { input: 'year', key: 'year', label: 'Year' }],
          {
            input: 'custom',
            name: 'filmId',
            render: ({ item, set }) => (
              <FilmLinkPicker
                similar={item}
                ownId={draft.id}
                onLink={(film) =>
                  set(
                    film
                      ? { ...item, title: film.title, year: film.year, filmId: film.id }
                      : { ...item, filmId: null },
                  )
                }
              />
            ),
          },
          { key: 'reason', label: 'Why', multiline: true },
        ]}
      />
    </EditSection>
  );
}

/** Related products. */
export function ProductsSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="products" title="Related products">
      <RepeatableFields<Product>
        label="Products"
        path="products"
        itemName="product"
        items={draft.products}
        describe={(product) => product.name}
        newItem={() => ({ name: '', description: null, url: null })}
        onChange={(products) => change({ products })}
        fields={[[{ key: 'name', label: 'Name', required: true }, ADDRESS_FIELD], DESCRIPTION_FIELD]}
      />
    </EditSection>
  );
}

/** Soundtrack: a note and the tracks. Empty altogether means none. */
export function SoundtrackSection({ draft, change }: SectionProps) {
  const set = (patch: { note?: string | null; tracks?: Track[] }) => {
    const next = { note: null, tracks: [], ...draft.soundtrack, ...patch };
    change({ soundtrack: next.note === null && next.tracks.length === 0 ? null : next });
  };
  return (
    <EditSection id="soundtrack" title="Soundtrack">
      <TextField
        label="Note"
        path="soundtrack.note"
        multiline
        value={draft.soundtrack?.note ?? null}
        onChange={(note) => set({ note })}
      />
      <RepeatableFields<Track>
        label="Tracks"
        path="soundtrack.tracks"
        itemName="track"
        items={draft.soundtrack?.tracks ?? []}
        describe={(track) => track.title}
        newItem={() => ({ title: '', performer: null })}
        onChange={(tracks) => set({ tracks })}
        fields={[[TITLE_FIELD, { key: 'performer', label: 'Performed by' }]]}
      />
    </EditSection>
  );
}

/** FAQ: a missing question stays missing. */
export function FaqSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="faq" title="FAQ">
      <RepeatableFields<Faq>
        label="Answers"
        path="faq"
        itemName="answer"
        items={draft.faq}
        describe={(faq) => faq.question ?? faq.answer}
        newItem={() => ({ question: null, answer: '' })}
        onChange={(faq) => change({ faq })}
        fields={[
          { key: 'question', label: 'Question', placeholder: '(only implied)' },
          { key: 'answer', label: 'Answer', required: true, multiline: true },
        ]}
      />
    </EditSection>
  );
}

/** Bonus content, kept as given. */
export function BonusSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="bonus" title="Bonus content">
      <RepeatableFields<Bonus>
        label="Bonus content"
        path="bonus"
        itemName="bonus item"
        items={draft.bonus}
        describe={(bonus) => bonus.title}
        newItem={() => ({ title: '', description: null, url: null })}
        onChange={(bonus) => change({ bonus })}
        fields={[[TITLE_FIELD, ADDRESS_FIELD], DESCRIPTION_FIELD]}
      />
    </EditSection>
  );
}
