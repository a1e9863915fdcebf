import { useEffect, useState } from 'react';
import type { Problem } from '../../../shared/contract';

/** The editor's sections in the order of a fact page, and the fields each holds. */
export const SECTIONS: { id: string; title: string; fields: string[] }[] = [
  {
    id: 'overview',
    title: 'Quick overview',
    fields: [
      'poster',
      'title',
      'originalTitle',
      'sortTitle',
      'year',
      'runtimeMinutes',
      'genres',
      'directors',
      'trailer',
      'ratings',
      'externalIds',
    ],
  },
  { id: 'story', title: 'Story', fields: ['quip', 'synopsis', 'spoilers'] },
  { id: 'people', title: 'Cast & crew', fields: ['cast', 'crew'] },
  { id: 'quotes', title: 'Memorable quotes', fields: ['quotes'] },
  { id: 'money', title: 'Box office', fields: ['boxOffice'] },
  {
    id: 'reviews',
    title: 'Reviews',
    fields: ['personalReview', 'criticReviews', 'audienceReactions', 'consensus', 'awards'],
  },
  { id: 'behind', title: 'Behind the scenes', fields: ['trivia'] },
  { id: 'watch', title: 'How to watch', fields: ['whereToWatch'] },
  { id: 'similar', title: 'Similar films', fields: ['similar'] },
  { id: 'products', title: 'Related products', fields: ['products'] },
  { id: 'soundtrack', title: 'Soundtrack', fields: ['soundtrack'] },
  { id: 'faq', title: 'FAQ', fields: ['faq'] },
  { id: 'bonus', title: 'Bonus content', fields: ['bonus'] },
  { id: 'yours', title: 'Your rating & notes', fields: ['userRating', 'watched', 'tags', 'notes'] },
  { id: 'copies', title: 'Copies & loans', fields: ['copies', 'loans'] },
];

const topField = (path: string) => /^[^.[]*/.exec(path)?.[0] ?? '';

/** Which section a problem's path falls in. */
export function sectionOf(path: string): string | undefined {
  const field = topField(path);
  return SECTIONS.find((section) => section.fields.includes(field))?.id;
}

/** Scrolls a section into view and puts the keyboard on its heading. */
export function jumpToSection(id: string): void {
  const heading = document.getElementById(`section-${id}-title`);
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** Follows which section is in view, where the window can tell. */
function useSectionInView(): string {
  const [current, setCurrent] = useState(SECTIONS[0]!.id);
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries
          .filter((entry) => entry.isIntersecting)
          .sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
        const first = visible[0]?.target.id.replace(/^section-/, '');
        if (first) setCurrent(first);
      },
      { rootMargin: '-15% 0px -70% 0px' },
    );
    for (const section of SECTIONS) {
      const element = document.getElementById(`section-${section.id}`);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, []);
  return current;
}

/** The list of sections to jump between, each with its count of problems shown. */
export function SectionList({
  problems,
  showProblems,
}: {
  problems: readonly Problem[];
  showProblems: boolean;
}) {
  const current = useSectionInView();
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const id = sectionOf(problem.path);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return (
    <nav className="section-list" aria-label="Sections">
      <ol>
        {SECTIONS.map((section) => {
          const count = showProblems ? (counts.get(section.id) ?? 0) : 0;
          return (
            <li key={section.id}>
              <button
                type="button"
                aria-current={current === section.id ? 'location' : undefined}
                onClick={() => jumpToSection(section.id)}
              >
                {section.title}
                {count > 0 ? (
                  <span className="badge warn" aria-label={`${count} problem${count === 1 ? '' : 's'}`}>
                    {count}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
