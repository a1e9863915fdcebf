import { memo, type ComponentType } from 'react';
import type { FilmDraft } from './draft';
import type { SectionProps } from './section';
import { SECTIONS } from './section-list';

/**
 * A section drawn again only when one of its own fields (or another prop) changed: typing in the
 * notes then redraws one section, not the whole film.
 */
export function sectionOf<P extends SectionProps>(
  Section: ComponentType<P>,
  sectionId: string,
  alsoReads: readonly (keyof FilmDraft)[] = [],
) {
  const fields = [
    ...(SECTIONS.find((section) => section.id === sectionId)?.fields ?? []),
    ...alsoReads,
  ] as (keyof FilmDraft)[];
  if (fields.length === alsoReads.length) throw new Error(`No editor section is called ${sectionId}.`);
  return memo(Section, (before, after) => {
    for (const key of Object.keys(after) as (keyof P)[]) {
      if (key !== 'draft' && before[key] !== after[key]) return false;
    }
    return fields.every((field) => before.draft[field] === after.draft[field]);
  });
}
