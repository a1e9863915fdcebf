import { navigate, type Route } from './route';

const TABS: { label: string; route: Route; active: (route: Route) => boolean }[] = [
  { label: 'Library', route: { view: 'browse' }, active: (r) => r.view === 'browse' || r.view === 'film' },
  { label: 'Import & export', route: { view: 'transfer' }, active: (r) => r.view === 'transfer' },
  { label: 'Trash', route: { view: 'trash' }, active: (r) => r.view === 'trash' },
];

export function TopBar({ route }: { route: Route }) {
  return (
    <header className="top-bar">
      <span className="brand" aria-label="Filmfolio">
        Filmfolio
      </span>
      <nav aria-label="Views">
        {TABS.map((tab) => (
          <button
            key={tab.label}
            type="button"
            className="tab"
            aria-current={tab.active(route) ? 'page' : undefined}
            onClick={() => navigate(tab.route)}
          >
            {tab.label}
          </button>
        ))}
      </nav>
      <button type="button" className="primary" onClick={() => navigate({ view: 'edit', id: null })}>
        New film
      </button>
      <button
        type="button"
        className="tab"
        aria-current={route.view === 'settings' ? 'page' : undefined}
        onClick={() => navigate({ view: 'settings' })}
      >
        Settings
      </button>
    </header>
  );
}
