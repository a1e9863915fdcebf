import { useEffect, useState } from 'react';
import type { DialogsAvailable, FilmfolioApi } from '../../../shared/contract';
import { useApi } from '../shell/api-context';

const asked = new WeakMap<FilmfolioApi, Promise<DialogsAvailable>>();

const NONE: DialogsAvailable = { files: false, showInFolder: false };

/**
 * Which system dialogs main offers (the desktop app does; a browser-only run does not), asked once
 * per window. Null until known. Without them, files are picked or dropped and read in the window,
 * and an export asks for its path.
 */
export function useDialogs(): DialogsAvailable | null {
  const api = useApi();
  const [dialogs, setDialogs] = useState<DialogsAvailable | null>(null);
  useEffect(() => {
    let current = true;
    let answer = asked.get(api);
    if (!answer) {
      answer = api.dialog.available().catch(() => NONE);
      asked.set(api, answer);
    }
    void answer.then((available) => current && setDialogs(available));
    return () => {
      current = false;
    };
  }, [api]);
  return dialogs;
}
