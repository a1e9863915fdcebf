import { navigate } from '../shell/route';
import type { FilmDraft } from './draft';

/**
 * A new film made elsewhere (a pasted fact page) handed to the editor, which opens it at
 * `#/edit/new` unsaved: nothing is in the library until the person presses Save.
 */
export type NewFilmDraft = {
  draft: FilmDraft;
  /** Shown above the editor: where the film came from and what to check. */
  notice: string;
};

let waiting: (NewFilmDraft & { key: number }) | null = null;
let handedOver = 0;

/** Opens the editor on `draft` as a new, unsaved film. */
export function openNewFilmDraft(draft: NewFilmDraft): void {
  handedOver += 1;
  waiting = { ...draft, key: handedOver };
  navigate({ view: 'edit', id: null });
}

/** The draft waiting for the editor, if any; `key` tells one hand-over from the next. */
export function waitingNewFilmDraft(): (NewFilmDraft & { key: number }) | null {
  return waiting;
}

/** The editor has taken the draft: a later `#/edit/new` starts blank. */
export function clearNewFilmDraft(): void {
  waiting = null;
}
