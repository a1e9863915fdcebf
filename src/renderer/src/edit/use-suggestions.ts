import { useEffect, useState } from 'react';
import type { SuggestionKind } from '../../../shared/library-edits';
import { useApi } from '../shell/api-context';

const DELAY_MS = 120;

/**
 * Values of the library starting with `prefix`, asked a moment after typing stops. Suggestions
 * are a help, not a must: when the library cannot answer, there are simply none.
 */
export function useSuggestions(kind: SuggestionKind | undefined, prefix: string, enabled: boolean): string[] {
  const api = useApi();
  const [found, setFound] = useState<{ key: string; values: string[] }>({ key: '', values: [] });
  const key = `${kind ?? ''}\u0000${prefix}`;
  useEffect(() => {
    if (!kind || !enabled) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api.films
        .suggest({ kind, prefix, limit: 8 })
        .then((values) => {
          if (current) setFound({ key, values });
        })
        .catch(() => {
          if (current) setFound({ key, values: [] });
        });
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, kind, prefix, enabled, key]);
  return enabled && found.key === key ? found.values : [];
}
