import { useEffect, useRef } from 'react';

/**
 * Keeps unsaved changes from being lost by leaving: a route change (the hash) is held back and
 * `onHeld` asked what to do; closing or reloading the window is stopped by `beforeunload`.
 * `leave(hash)` goes on once the person chose to (or after saving).
 */
export function useLeaveGuard(hasUnsavedChanges: boolean, onHeld: (targetHash: string) => void) {
  const unsaved = useRef(hasUnsavedChanges);
  const allowed = useRef(false);
  const held = useRef(onHeld);
  useEffect(() => {
    unsaved.current = hasUnsavedChanges;
    held.current = onHeld;
  });
  useEffect(() => {
    const onHashChange = (event: HashChangeEvent) => {
      if (allowed.current || !unsaved.current) return;
      // Capturing, so this runs before the shell's router follows the new hash.
      event.stopImmediatePropagation();
      const target = new URL(event.newURL).hash;
      window.history.replaceState(window.history.state, '', event.oldURL);
      held.current(target);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current || !unsaved.current) return;
      event.preventDefault();
      // Older engines (and Electron) look at returnValue rather than defaultPrevented.
      event.returnValue = '';
    };
    window.addEventListener('hashchange', onHashChange, { capture: true });
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('hashchange', onHashChange, { capture: true });
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
  return {
    /** Goes to `hash` without asking again. */
    leave(hash: string) {
      allowed.current = true;
      window.location.hash = hash;
    },
  };
}
