import type { CastMember, Credit, Quote, Section } from '../../../shared/film-schema';
import { TextField } from './fields';
import { DESCRIPTION_FIELD, RepeatableFields, type ItemField } from './repeatable-fields';
import { draftFields, EditSection, type SectionProps } from './section';

/** Who a credit is: a name from the library's people, or a new one. */
const PERSON_FIELD = {
  input: 'suggest',
  key: 'person',
  label: 'Person',
  kind: 'person',
  required: true,
} satisfies ItemField<CastMember & Credit>;

function SectionsGroup({
  label,
  path,
  value,
  onChange,
}: {
  label: string;
  path: 'synopsis' | 'spoilers';
  value: readonly Section[];
  onChange: (items: Section[]) => void;
}) {
  return (
    <RepeatableFields<Section>
      label={label}
      path={path}
      itemName="part"
      items={value}
      describe={(part) => part.heading ?? part.body}
      newItem={() => ({ heading: null, body: '' })}
      onChange={onChange}
      fields={[
        { key: 'heading', label: 'Heading' },
        { key: 'body', label: 'Text', required: true, multiline: true },
      ]}
    />
  );
}

/** Plot summary (the quip), the detailed synopsis and the spoilers, each in its own parts. */
export function StorySection(props: SectionProps) {
  const field = draftFields(props);
  return (
    <EditSection id="story" title="Story">
      <TextField label="Plot summary – badly explained" multiline {...field('quip')} />
      <SectionsGroup label="Detailed plot synopsis" {...field('synopsis')} />
      <SectionsGroup label="Spoilers and ending explained" {...field('spoilers')} />
    </EditSection>
  );
}

/** Cast in billing order, and crew. One person record per name is the library's business. */
export function PeopleSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="people" title="Cast & crew">
      <RepeatableFields<CastMember>
        label="Cast"
        path="cast"
        itemName="cast member"
        items={draft.cast}
        describe={(member) => member.person}
        newItem={() => ({ person: '', character: null, description: null })}
        onChange={(cast) => change({ cast })}
        fields={[[PERSON_FIELD, { key: 'character', label: 'Character' }], DESCRIPTION_FIELD]}
      />
      <RepeatableFields<Credit>
        label="Crew"
        path="crew"
        itemName="crew credit"
        items={draft.crew}
        describe={(credit) => `${credit.person} (${credit.job})`}
        newItem={() => ({ person: '', job: '' })}
        onChange={(crew) => change({ crew })}
        fields={[[PERSON_FIELD, { key: 'job', label: 'Job', required: true, placeholder: 'Sound Design' }]]}
      />
    </EditSection>
  );
}

/** Memorable quotes; the speaker need not be in the cast. */
export function QuotesSection({ draft, change }: SectionProps) {
  return (
    <EditSection id="quotes" title="Memorable quotes">
      <RepeatableFields<Quote>
        label="Quotes"
        path="quotes"
        itemName="quote"
        items={draft.quotes}
        describe={(quote) => quote.speaker ?? quote.text}
        newItem={() => ({ speaker: null, text: '', context: null })}
        onChange={(quotes) => change({ quotes })}
        fields={[
          { input: 'suggest', key: 'speaker', label: 'Speaker', kind: 'person' },
          { key: 'text', label: 'Quote', required: true, multiline: true },
          { key: 'context', label: 'Context', multiline: true },
        ]}
      />
    </EditSection>
  );
}
