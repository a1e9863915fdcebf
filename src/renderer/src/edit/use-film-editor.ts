import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, type Problem } from '../../../shared/contract';
import type { Film } from '../../../shared/film-schema';
import { useApi } from '../shell/api-context';
import { blankDraft, draftOf, sameValue, validateDraft, type FilmDraft } from './draft';
import type { PreparedPoster } from './poster-image';
import type { Validation } from './validation-context';

/**
 * The same list object while the problems stay the same, so the fields (which read them through
 * context) are not all drawn again on every keystroke.
 */
function useStableProblems(problems: Problem[]): Problem[] {
  const [kept, setKept] = useState(problems);
  if (!sameValue(kept, problems)) {
    setKept(problems);
    return problems;
  }
  return kept;
}

export type SaveOutcome = { ok: true; film: Film; created: boolean } | { ok: false };

/**
 * The state of one editing session: the stored film it started from (`baseline`), the draft, the
 * problems with it, and saving with the optimistic check. A save that finds the film changed
 * elsewhere keeps both sides: the draft stays, and `stale` holds the other version.
 * A new film may start from `initialDraft` (a pasted fact page) instead of an empty one.
 */
export function useFilmEditor(film: Film | null, initialDraft?: FilmDraft) {
  const api = useApi();
  const [baseline, setBaseline] = useState<Film | null>(film);
  const [draft, setDraft] = useState<FilmDraft>(() =>
    film ? draftOf(film) : (initialDraft ?? blankDraft()),
  );
  const draftRef = useRef(draft);
  const [localProblems, setLocalProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<Film | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const pendingThumbnail = useRef<{ poster: string; thumbnail: string } | null>(null);

  const listeners = useRef(new Set<() => void>());
  const replace = useCallback((next: FilmDraft) => {
    draftRef.current = next;
    setDraft(next);
    for (const listener of listeners.current) listener();
  }, []);
  const change = useCallback(
    (patch: Partial<FilmDraft>) => replace({ ...draftRef.current, ...patch }),
    [replace],
  );
  const setPoster = useCallback(
    (poster: PreparedPoster | null) => {
      pendingThumbnail.current = poster?.thumbnail
        ? { poster: poster.poster, thumbnail: poster.thumbnail }
        : null;
      change({ poster: poster?.poster ?? null });
    },
    [change],
  );

  const baseDraft = useMemo(() => (baseline ? draftOf(baseline) : blankDraft()), [baseline]);
  const dirty = !sameValue(draft, baseDraft);
  const schemaProblems = useMemo(() => validateDraft(draft), [draft]);
  const problems = useStableProblems([
    ...schemaProblems,
    ...[...localProblems].map(([path, message]) => ({ path, message })),
  ]);

  const touch = useCallback(
    (path: string) => setTouched((old) => (old.has(path) ? old : new Set(old).add(path))),
    [],
  );
  const reportLocal = useCallback((path: string, message: string | null) => {
    setLocalProblems((old) => {
      if ((old.get(path) ?? null) === message) return old;
      const next = new Map(old);
      if (message === null) next.delete(path);
      else next.set(path, message);
      return next;
    });
  }, []);
  const validation: Validation = useMemo(
    () => ({ problems, showAll, touched, touch, reportLocal }),
    [problems, showAll, touched, touch, reportLocal],
  );

  const storeThumbnail = (saved: Film) => {
    const pending = pendingThumbnail.current;
    if (!pending || saved.poster !== pending.poster) return;
    pendingThumbnail.current = null;
    // A missing thumbnail only means the grid shows the poster itself.
    api.posters.saveThumbnail(saved.id, pending.thumbnail).catch(() => undefined);
  };

  /** Saves the draft. `expectedUpdatedAt` overrides the optimistic check (to overwrite a newer version). */
  const save = async (expectedUpdatedAt?: string): Promise<SaveOutcome> => {
    if (problems.length > 0) {
      setShowAll(true);
      return { ok: false };
    }
    const sent = draftRef.current;
    setSaving(true);
    setFailure(null);
    try {
      const saved = baseline
        ? await api.films.update({ ...sent, id: baseline.id }, expectedUpdatedAt ?? baseline.updatedAt)
        : await api.films.create(sent);
      storeThumbnail(saved);
      setBaseline(saved);
      setStale(null);
      setShowAll(false);
      // What was typed while saving stays; otherwise the draft becomes the stored film.
      if (draftRef.current === sent) replace(draftOf(saved));
      return { ok: true, film: saved, created: baseline === null };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE') {
        setStale((error.details as { current: Film }).current);
      } else {
        setShowAll(true);
        setFailure(error instanceof Error ? error.message : String(error));
      }
      return { ok: false };
    } finally {
      setSaving(false);
    }
  };

  /** Drops the draft for the version saved elsewhere. */
  const loadStale = () => {
    if (!stale) return;
    setBaseline(stale);
    replace(draftOf(stale));
    setStale(null);
  };

  const history = useMemo(
    () => ({
      current: () => draftRef.current,
      restore: replace,
      subscribe: (listener: () => void) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [replace],
  );

  return {
    baseline,
    baseDraft,
    draft,
    change,
    setPoster,
    dirty,
    problems,
    validation,
    showAll,
    setShowAll,
    saving,
    stale,
    failure,
    save,
    loadStale,
    history,
  };
}

export type FilmEditorState = ReturnType<typeof useFilmEditor>;
