import { useEffect, useRef } from 'react';
import { navigate, parseRoute } from '../shell/route';

/**
 * A library file or fact page dropped anywhere on the window goes to the import view. A browser
 * File has no path, so the import reads its text in the window. Drops a view handles itself (a
 * poster on the editor) are left alone: React's handlers run first and mark the event handled.
 */

/** The files worth leaving the current view for; on the import view any file is tried (by content). */
const IMPORTABLE = /\.(json|txt|md|markdown)$/i;

let handed: File | null = null;
const takers = new Set<(file: File) => void>();

/** Gives a file to the import view, now if it is showing, or when it opens. */
export function handOverFile(file: File): void {
  const [taker] = takers;
  if (taker) taker(file);
  else handed = file;
}

/** Lets the import view take files handed over: the one waiting when it opens, then each new one. */
export function useHandedFiles(take: (file: File) => void): void {
  const latest = useRef(take);
  useEffect(() => {
    latest.current = take;
  });
  useEffect(() => {
    const taker = (file: File) => latest.current(file);
    takers.add(taker);
    if (handed) {
      const file = handed;
      handed = null;
      taker(file);
    }
    return () => void takers.delete(taker);
  }, []);
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** Listens for files dropped on the window for as long as the app is open. */
export function useWindowFileDrop(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return;
      // Without this the drop would not happen; and Chromium must not open the file as a page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      const onImportView = parseRoute(window.location.hash).view === 'transfer';
      if (!file || !(onImportView || IMPORTABLE.test(file.name))) return;
      handOverFile(file);
      if (!onImportView) navigate({ view: 'transfer' });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
