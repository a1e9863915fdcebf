import { useState } from 'react';
import { useApi } from '../shell/api-context';
import { navigate } from '../shell/route';

/** The library holds no film yet: how to get some in. */
export function EmptyLibrary({ onOpened }: { onOpened: () => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  return (
    <section className="empty-state">
      <h1>Your library is empty</h1>
      <p>Import a library file or a film fact page, add a film by hand, or start from the sample film.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => navigate({ view: 'transfer' })}>
          Import…
        </button>
        <button type="button" onClick={() => navigate({ view: 'edit', id: null })}>
          Add a film
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void api.library
              .openSample()
              .then(onOpened)
              .finally(() => setBusy(false));
          }}
        >
          Open the sample film
        </button>
      </div>
    </section>
  );
}

/** The search and filters leave no film: say so, and offer the way back. */
export function NoResults({ description, onClear }: { description: string; onClear: () => void }) {
  return (
    <section className="empty-state no-results" aria-live="polite">
      <h2>No films match</h2>
      <p>Nothing in the library matches {description}.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClear}>
          Clear search and filters
        </button>
      </div>
    </section>
  );
}
