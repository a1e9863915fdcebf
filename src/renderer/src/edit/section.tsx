import type { ReactNode } from 'react';
import type { FilmDraft } from './draft';

/** What every section of the editor gets: the film being edited and a way to change it. */
export type SectionProps = {
  draft: FilmDraft;
  change: (patch: Partial<FilmDraft>) => void;
};

/**
 * Binds a field control to one field of the draft: its path (also its id, and where its problems
 * are found), its value and its change, so `<TextField label="Notes" {...field('notes')} />` is
 * the whole of a plain field.
 */
export function draftFields({ draft, change }: SectionProps) {
  return <K extends keyof FilmDraft & string>(key: K) => ({
    path: key,
    value: draft[key],
    onChange: (value: FilmDraft[K]) => change({ [key]: value } as Partial<FilmDraft>),
  });
}

/** One section of the editor, in the order of the seed fact page; the section list jumps to it. */
export function EditSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="edit-section" id={`section-${id}`} aria-labelledby={`section-${id}-title`}>
      <h2 id={`section-${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A row of short fields side by side. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="field-row">{children}</div>;
}
