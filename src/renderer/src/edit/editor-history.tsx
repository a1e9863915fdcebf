import { createContext, useContext, type ReactNode } from 'react';
import type { FilmDraft } from './draft';

/**
 * Lets a widget offer "Undo" for a destructive step (removing an item): it notes the film before
 * and after, and the undo stays on offer only while nothing else changed since.
 */
export type EditorHistory = {
  /** The film as it is right now (already including changes made in this event). */
  current(): FilmDraft | null;
  restore(draft: FilmDraft): void;
  /** Calls back on every change of the film (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
};

const EditorHistoryContext = createContext<EditorHistory>({
  current: () => null,
  restore: () => undefined,
  subscribe: () => () => undefined,
});

export function EditorHistoryProvider({ value, children }: { value: EditorHistory; children: ReactNode }) {
  return <EditorHistoryContext.Provider value={value}>{children}</EditorHistoryContext.Provider>;
}

export function useEditorHistory(): EditorHistory {
  return useContext(EditorHistoryContext);
}
