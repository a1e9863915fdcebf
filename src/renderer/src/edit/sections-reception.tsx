import {
  awardResults,
  type AudienceReaction,
  type Award,
  type CriticReview,
  type PersonalReview,
} from '../../../shared/film-schema';
import { TextField } from './fields';
import { MoneyInput } from './parsed-input';
import { ADDRESS_FIELD, RepeatableFields } from './repeatable-fields';
import { draftFields, EditSection, FieldRow, type SectionProps } from './section';
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
      <RepeatableFields<CriticReview>
        label="Professional reviews"
        path="criticReviews"
        itemName="review"
        items={draft.criticReviews}
        describe={(review) => review.outlet}
        newItem={() => ({ outlet: '', text: '', url: null, score: null })}
        onChange={(criticReviews) => change({ criticReviews })}
        fields={[
          [
            { key: 'outlet', label: 'Outlet', required: true },
            { key: 'score', label: 'Score', placeholder: '4/5' },
            ADDRESS_FIELD,
          ],
          { key: 'text', label: 'Review', required: true, multiline: true },
        ]}
      />
      <RepeatableFields<AudienceReaction>
        label="Audience reactions"
        path="audienceReactions"
        itemName="reaction"
        items={draft.audienceReactions}
        describe={(reaction) => reaction.headline}
        newItem={() => ({ headline: '', detail: null })}
        onChange={(audienceReactions) => change({ audienceReactions })}
        fields={[
          { key: 'headline', label: 'Headline', required: true, multiline: true },
          { key: 'detail', label: 'Detail', multiline: true },
        ]}
      />
      <TextField label="Overall consensus" multiline {...draftFields(props)('consensus')} />
      <RepeatableFields<Award>
        label="Awards"
        path="awards"
        itemName="award"
        items={draft.awards}
        describe={(award) => award.event}
        newItem={() => ({ event: '', category: null, year: null, result: 'won' })}
        onChange={(awards) => change({ awards })}
        fields={[
          [
            { key: 'event', label: 'Event', required: true },
            { key: 'category', label: 'Category' },
            { input: 'year', key: 'year', label: 'Year' },
            { input: 'select', key: 'result', label: 'Result', choices: RESULT_CHOICES },
          ],
        ]}
      />
    </EditSection>
  );
}
