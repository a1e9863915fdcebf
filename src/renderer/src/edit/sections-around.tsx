import {
  providerKinds,
  type Bonus,
  type Faq,
  type Product,
  type Provider,
  type SimilarFilm,
  type Track,
} from '../../../shared/film-schema';
import { RequiredTextField, SelectField, TextField } from './fields';
import { FilmLinkPicker } from './film-link-picker';
import { YearInput } from './parsed-input';
import { RepeatableGroup } from './repeatable-group';
import { EditSection, FieldRow, type SectionProps } from './section';
import { TextListGroup } from './text-list-group';

const KIND_CHOICES = providerKinds.map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));

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
      <RepeatableGroup<Provider>
        label="Providers"
        path="whereToWatch.providers"
        itemName="provider"
        items={draft.whereToWatch?.providers ?? []}
        describe={(provider) => provider.name}
        newItem={() => ({ name: '', kind: null, url: null })}
        onChange={(providers) => set({ providers })}
        renderItem={({ item, path, set: setItem }) => (
          <FieldRow>
            <RequiredTextField
              label="Name"
              path={`${path}.name`}
              value={item.name}
              placeholder="Prime Video"
              onChange={(name) => setItem({ ...item, name })}
            />
            <SelectField
              label="Kind"
              path={`${path}.kind`}
              value={item.kind}
              emptyLabel="—"
              choices={KIND_CHOICES}
              onChange={(kind) => setItem({ ...item, kind })}
            />
            <TextField
              label="Address"
              path={`${path}.url`}
              type="url"
              value={item.url}
              placeholder="https://…"
              onChange={(url) => setItem({ ...item, url })}
            />
          </FieldRow>
        )}
      />
    </EditSection>
  );
}

/** Similar films: free title and year, or linked to a film of the library. */
export function SimilarSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="similar" title="Similar films">
      <RepeatableGroup<SimilarFilm>
        label="Similar films"
        path="similar"
        itemName="similar film"
        items={draft.similar}
        describe={(film) => film.title}
        newItem={() => ({ title: '', year: null, reason: null, filmId: null })}
        onChange={(similar) => change({ similar })}
        renderItem={({ item, path, set }) => (
          <>
            <FieldRow>
              <RequiredTextField
                label="Title"
                path={`${path}.title`}
                value={item.title}
                onChange={(title) => set({ ...item, title })}
              />
              <YearInput
                label="Year"
                path={`${path}.year`}
                value={item.year}
                onChange={(year) => set({ ...item, year })}
              />
            </FieldRow>
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
            <TextField
              label="Why"
              path={`${path}.reason`}
              multiline
              value={item.reason}
              onChange={(reason) => set({ ...item, reason })}
            />
          </>
        )}
      />
    </EditSection>
  );
}

/** Related products. */
export function ProductsSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="products" title="Related products">
      <RepeatableGroup<Product>
        label="Products"
        path="products"
        itemName="product"
        items={draft.products}
        describe={(product) => product.name}
        newItem={() => ({ name: '', description: null, url: null })}
        onChange={(products) => change({ products })}
        renderItem={({ item, path, set }) => (
          <>
            <FieldRow>
              <RequiredTextField
                label="Name"
                path={`${path}.name`}
                value={item.name}
                onChange={(name) => set({ ...item, name })}
              />
              <TextField
                label="Address"
                path={`${path}.url`}
                type="url"
                value={item.url}
                placeholder="https://…"
                onChange={(url) => set({ ...item, url })}
              />
            </FieldRow>
            <TextField
              label="Description"
              path={`${path}.description`}
              multiline
              value={item.description}
              onChange={(description) => set({ ...item, description })}
            />
          </>
        )}
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
      <RepeatableGroup<Track>
        label="Tracks"
        path="soundtrack.tracks"
        itemName="track"
        items={draft.soundtrack?.tracks ?? []}
        describe={(track) => track.title}
        newItem={() => ({ title: '', performer: null })}
        onChange={(tracks) => set({ tracks })}
        renderItem={({ item, path, set: setItem }) => (
          <FieldRow>
            <RequiredTextField
              label="Title"
              path={`${path}.title`}
              value={item.title}
              onChange={(title) => setItem({ ...item, title })}
            />
            <TextField
              label="Performed by"
              path={`${path}.performer`}
              value={item.performer}
              onChange={(performer) => setItem({ ...item, performer })}
            />
          </FieldRow>
        )}
      />
    </EditSection>
  );
}

/** FAQ: a missing question stays missing. */
export function FaqSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="faq" title="FAQ">
      <RepeatableGroup<Faq>
        label="Answers"
        path="faq"
        itemName="answer"
        items={draft.faq}
        describe={(faq) => faq.question ?? faq.answer}
        newItem={() => ({ question: null, answer: '' })}
        onChange={(faq) => change({ faq })}
        renderItem={({ item, path, set }) => (
          <>
            <TextField
              label="Question"
              path={`${path}.question`}
              value={item.question}
              placeholder="(only implied)"
              onChange={(question) => set({ ...item, question })}
            />
            <RequiredTextField
              label="Answer"
              path={`${path}.answer`}
              multiline
              value={item.answer}
              onChange={(answer) => set({ ...item, answer })}
            />
          </>
        )}
      />
    </EditSection>
  );
}

/** Bonus content, kept as given. */
export function BonusSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="bonus" title="Bonus content">
      <RepeatableGroup<Bonus>
        label="Bonus content"
        path="bonus"
        itemName="bonus item"
        items={draft.bonus}
        describe={(bonus) => bonus.title}
        newItem={() => ({ title: '', description: null, url: null })}
        onChange={(bonus) => change({ bonus })}
        renderItem={({ item, path, set }) => (
          <>
            <FieldRow>
              <RequiredTextField
                label="Title"
                path={`${path}.title`}
                value={item.title}
                onChange={(title) => set({ ...item, title })}
              />
              <TextField
                label="Address"
                path={`${path}.url`}
                type="url"
                value={item.url}
                placeholder="https://…"
                onChange={(url) => set({ ...item, url })}
              />
            </FieldRow>
            <TextField
              label="Description"
              path={`${path}.description`}
              multiline
              value={item.description}
              onChange={(description) => set({ ...item, description })}
            />
          </>
        )}
      />
    </EditSection>
  );
}
