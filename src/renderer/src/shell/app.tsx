import { BrowseView } from '../browse/browse-view';
import { EditView } from '../edit/edit-view';
import { ToastHost } from '../edit/toasts';
import { TrashView } from '../edit/trash-view';
import { SettingsView } from '../settings/settings-view';
import { SheetView } from '../sheet/sheet-view';
import { useSavedTheme } from '../settings/theme';
import { useApi } from './api-context';
import { useMenuActions } from './menu-actions';
import { Placeholder } from './placeholder';
import { TopBar } from './top-bar';
import { useRoute, type Route } from './route';

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'browse':
      return <BrowseView />;
    case 'film':
      return <Placeholder title="Film" detail="The film's detail page comes with browse." />;
    case 'edit':
      return <EditView id={route.id} />;
    case 'sheet':
      return <SheetView ids={route.ids} />;
    case 'trash':
      return <TrashView />;
    case 'transfer':
      return <Placeholder title="Import and export" detail="JSON import and export are on their way." />;
    case 'settings':
      return <SettingsView />;
  }
}

/** The window: a top bar and the current view. */
export function App() {
  const route = useRoute();
  const api = useApi();
  useSavedTheme(api);
  useMenuActions(api);
  return (
    <div className="app">
      <TopBar route={route} />
      <main className="app-main">
        <View route={route} />
      </main>
      <ToastHost />
    </div>
  );
}
