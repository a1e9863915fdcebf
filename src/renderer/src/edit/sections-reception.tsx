import {
  awardResults,
  type AudienceReaction,
  type Award,
  type CriticReview,
  type PersonalReview,
} from '../../../shared/film-schema';
import { RequiredTextField, SelectField, TextField } from './fields';
import { MoneyInput, YearInput } from './parsed-input';
import { RepeatableGroup } from './repeatable-group';
import { EditSection, FieldRow, type SectionProps } from './section';
import { TextListGroup } from './text-list-group';

/** Budget and grosses: "$1.2 million" is read as 1,200,000 USD; empty is unknown, never 0. */
export function BoxOfficeSection({ draft, change }: SectionProps) {
  const set = (patch: Partial<SectionProps['draft']['boxOffice']>) =>
    change({ boxOffice: { ...draft.boxOffice, ...patch } });
  return (
    <EditSection id="money" title="Box office">
      <FieldRow>
        <MoneyInput
          label="Budget"
          path="boxOffice.budget"
          value={draft.boxOffice.budget}
          onChange={(budget) => set({ budget })}
        />
        <MoneyInput
          label="Domestic gross"
          path="boxOffice.domestic"
          value={draft.boxOffice.domestic}
          onChange={(domestic) => set({ domestic })}
        />
        <MoneyInput
          label="Worldwide gross"
          path="boxOffice.worldwide"
          value={draft.boxOffice.worldwide}
          onChange={(worldwide) => set({ worldwide })}
        />
      </FieldRow>
    </EditSection>
  );
}

const RESULT_CHOICES = awardResults.map((value) => ({ value, label: value === 'won' ? 'Won' : 'Nominated' }));

function PersonalReviewFields({ draft, change }: SectionProps) {
  const review = draft.personalReview;
  const set = (patch: Partial<PersonalReview>) => {
    const next = { text: null, audience: [], contentWarnings: [], ...review, ...patch };
    const empty = next.text === null && next.audience.length === 0 && next.contentWarnings.length === 0;
    change({ personalReview: empty ? null : next });
  };
  return (
    <div className="subsection">
      <h3>Personal review</h3>
      <TextField
        label="Your review"
        path="personalReview.text"
        multiline
        value={review?.text ?? null}
        onChange={(text) => set({ text })}
      />
      <TextListGroup
        label="Who would enjoy"
        path="personalReview.audience"
        itemName="audience"
        items={review?.audience ?? []}
        onChange={(audience) => set({ audience })}
      />
      <TextListGroup
        label="Content warnings"
        path="personalReview.contentWarnings"
        itemName="warning"
        items={review?.contentWarnings ?? []}
        onChange={(contentWarnings) => set({ contentWarnings })}
      />
    </div>
  );
}

/** The personal review, critics, audience reactions, consensus and awards. */
export function ReviewsSection(props: SectionProps) {
  const { draft, change } = props;
  return (
    <EditSection id="reviews" title="Reviews">
      <PersonalReviewFields {...props} />
      <RepeatableGroup<CriticReview>
        label="Professional reviews"
        path="criticReviews"
        itemName="review"
        items={draft.criticReviews}
        describe={(review) => review.outlet}
        newItem={() => ({ outlet: '', text: '', url: null, score: null })}
        onChange={(criticReviews) => change({ criticReviews })}
        renderItem={({ item, path, set }) => (
          <>
            <FieldRow>
              <RequiredTextField
                label="Outlet"
                path={`${path}.outlet`}
                value={item.outlet}
                onChange={(outlet) => set({ ...item, outlet })}
              />
              <TextField
                label="Score"
                path={`${path}.score`}
                value={item.score}
                placeholder="4/5"
                onChange={(score) => set({ ...item, score })}
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
            <RequiredTextField
              label="Review"
              path={`${path}.text`}
              multiline
              value={item.text}
              onChange={(text) => set({ ...item, text })}
            />
          </>
        )}
      />
      <RepeatableGroup<AudienceReaction>
        label="Audience reactions"
        path="audienceReactions"
        itemName="reaction"
        items={draft.audienceReactions}
        describe={(reaction) => reaction.headline}
        newItem={() => ({ headline: '', detail: null })}
        onChange={(audienceReactions) => change({ audienceReactions })}
        renderItem={({ item, path, set }) => (
          <>
            <RequiredTextField
              label="Headline"
              path={`${path}.headline`}
              multiline
              value={item.headline}
              onChange={(headline) => set({ ...item, headline })}
            />
            <TextField
              label="Detail"
              path={`${path}.detail`}
              multiline
              value={item.detail}
              onChange={(detail) => set({ ...item, detail })}
            />
          </>
        )}
      />
      <TextField
        label="Overall consensus"
        path="consensus"
        multiline
        value={draft.consensus}
        onChange={(consensus) => change({ consensus })}
      />
      <RepeatableGroup<Award>
        label="Awards"
        path="awards"
        itemName="award"
        items={draft.awards}
        describe={(award) => award.event}
        newItem={() => ({ event: '', category: null, year: null, result: 'won' })}
        onChange={(awards) => change({ awards })}
        renderItem={({ item, path, set }) => (
          <FieldRow>
            <RequiredTextField
              label="Event"
              path={`${path}.event`}
              value={item.event}
              onChange={(event) => set({ ...item, event })}
            />
            <TextField
              label="Category"
              path={`${path}.category`}
              value={item.category}
              onChange={(category) => set({ ...item, category })}
            />
            <YearInput
              label="Year"
              path={`${path}.year`}
              value={item.year}
              onChange={(year) => set({ ...item, year })}
            />
            <SelectField
              label="Result"
              path={`${path}.result`}
              value={item.result}
              choices={RESULT_CHOICES}
              onChange={(result) => set({ ...item, result: result ?? 'won' })}
            />
          </FieldRow>
        )}
      />
    </EditSection>
  );
}
