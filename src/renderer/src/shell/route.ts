import { useEffect, useState } from 'react';

/** The views of the app, addressed by the location hash so reloads and screenshots land on a view. */
export type Route =
  | { view: 'browse' }
  | { view: 'film'; id: string }
  | { view: 'edit'; id: string | null }
  | { view: 'sheet'; ids: string[] }
  | { view: 'transfer' }
  | { view: 'trash' }
  | { view: 'settings' }
  | { view: 'backups' };

export function parseRoute(hash: string): Route {
  const [view = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const id = rest[0] ? decodeURIComponent(rest[0]) : null;
  if (view === 'film' && id) return { view: 'film', id };
  if (view === 'edit') return { view: 'edit', id: id === 'new' ? null : id };
  if (view === 'sheet' && id) return { view: 'sheet', ids: id.split(',') };
  if (view === 'transfer') return { view: 'transfer' };
  if (view === 'trash') return { view: 'trash' };
  if (view === 'settings') return { view: 'settings' };
  if (view === 'backups') return { view: 'backups' };
  return { view: 'browse' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'browse':
      return '#/';
    case 'film':
      return `#/film/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/edit/${route.id === null ? 'new' : encodeURIComponent(route.id)}`;
    case 'sheet':
      return `#/sheet/${route.ids.map(encodeURIComponent).join(',')}`;
    case 'transfer':
      return '#/transfer';
    case 'trash':
      return '#/trash';
    case 'settings':
      return '#/settings';
    case 'backups':
      return '#/backups';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** The current route, following the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
