import { useEffect } from 'react';
import type { FilmfolioApi } from '../../../shared/contract';
import type { Theme } from '../../../shared/settings';

/**
 * Light, dark, or the system's choice. `data-theme` on <html> overrides prefers-color-scheme
 * (styles.css); 'system' removes it. In Electron the main process also sets nativeTheme, so
 * menus, dialogs and the title bar follow.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies the saved theme once the window opens. */
export function useSavedTheme(api: FilmfolioApi): void {
  useEffect(() => {
    // A fake API without settings (UI tests) simply leaves the system theme.
    Promise.resolve()
      .then(() => api.settings.get())
      .then((settings) => applyTheme(settings.theme))
      .catch(() => undefined);
  }, [api]);
}
