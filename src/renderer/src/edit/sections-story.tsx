import type { CastMember, Credit, Quote, Section } from '../../../shared/film-schema';
import { optionalText } from './draft';
import { RequiredTextField, TextField } from './fields';
import { RepeatableGroup } from './repeatable-group';
import { EditSection, FieldRow, type SectionProps } from './section';
import { SuggestInput } from './suggest-input';

function SectionsGroup({
  label,
  path,
  items,
  onChange,
}: {
  label: string;
  path: 'synopsis' | 'spoilers';
  items: readonly Section[];
  onChange: (items: Section[]) => void;
}) {
  return (
    <RepeatableGroup<Section>
      label={label}
      path={path}
      itemName="part"
      items={items}
      describe={(part) => part.heading ?? part.body}
      newItem={() => ({ heading: null, body: '' })}
      onChange={onChange}
      renderItem={({ item, path: itemPath, set }) => (
        <>
          <TextField
            label="Heading"
            path={`${itemPath}.heading`}
            value={item.heading}
            onChange={(heading) => set({ ...item, heading })}
          />
          <RequiredTextField
            label="Text"
            path={`${itemPath}.body`}
            multiline
            value={item.body}
            onChange={(body) => set({ ...item, body })}
          />
        </>
      )}
    />
  );
}

/** Plot summary (the quip), the detailed synopsis and the spoilers, each in its own parts. */
export function StorySection({ draft, change }: SectionProps) {
  return (
    <EditSection id="story" title="Story">
      <TextField
        label="Plot summary – badly explained"
        path="quip"
        multiline
        value={draft.quip}
        onChange={(quip) => change({ quip })}
      />
      <SectionsGroup
        label="Detailed plot synopsis"
        path="synopsis"
        items={draft.synopsis}
        onChange={(synopsis) => change({ synopsis })}
      />
      <SectionsGroup
        label="Spoilers and ending explained"
        path="spoilers"
        items={draft.spoilers}
        onChange={(spoilers) => change({ spoilers })}
      />
    </EditSection>
  );
}

/** Cast in billing order, and crew. One person record per name is the library's business. */
export function PeopleSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="people" title="Cast & crew">
      <RepeatableGroup<CastMember>
        label="Cast"
        path="cast"
        itemName="cast member"
        items={draft.cast}
        describe={(member) => member.person}
        newItem={() => ({ person: '', character: null, description: null })}
        onChange={(cast) => change({ cast })}
        renderItem={({ item, path, set }) => (
          <>
            <FieldRow>
              <SuggestInput
                label="Person *"
                path={`${path}.person`}
                kind="person"
                value={item.person}
                onChange={(person) => set({ ...item, person })}
              />
              <TextField
                label="Character"
                path={`${path}.character`}
                value={item.character}
                onChange={(character) => set({ ...item, character })}
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
      <RepeatableGroup<Credit>
        label="Crew"
        path="crew"
        itemName="crew credit"
        items={draft.crew}
        describe={(credit) => `${credit.person} (${credit.job})`}
        newItem={() => ({ person: '', job: '' })}
        onChange={(crew) => change({ crew })}
        renderItem={({ item, path, set }) => (
          <FieldRow>
            <SuggestInput
              label="Person *"
              path={`${path}.person`}
              kind="person"
              value={item.person}
              onChange={(person) => set({ ...item, person })}
            />
            <RequiredTextField
              label="Job"
              path={`${path}.job`}
              value={item.job}
              placeholder="Sound Design"
              onChange={(job) => set({ ...item, job })}
            />
          </FieldRow>
        )}
      />
    </EditSection>
  );
}

/** Memorable quotes; the speaker need not be in the cast. */
export function QuotesSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="quotes" title="Memorable quotes">
      <RepeatableGroup<Quote>
        label="Quotes"
        path="quotes"
        itemName="quote"
        items={draft.quotes}
        describe={(quote) => quote.speaker ?? quote.text}
        newItem={() => ({ speaker: null, text: '', context: null })}
        onChange={(quotes) => change({ quotes })}
        renderItem={({ item, path, set }) => (
          <>
            <SuggestInput
              label="Speaker"
              path={`${path}.speaker`}
              kind="person"
              value={item.speaker ?? ''}
              onChange={(speaker) => set({ ...item, speaker: optionalText(speaker) })}
            />
            <RequiredTextField
              label="Quote"
              path={`${path}.text`}
              multiline
              value={item.text}
              onChange={(text) => set({ ...item, text })}
            />
            <TextField
              label="Context"
              path={`${path}.context`}
              multiline
              value={item.context}
              onChange={(context) => set({ ...item, context })}
            />
          </>
        )}
      />
    </EditSection>
  );
}
