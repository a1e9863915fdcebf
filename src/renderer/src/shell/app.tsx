import { BackupsView } from '../backups/backups-view';
import { LibraryHealthNotice } from '../backups/library-health-notice';
import { BrowseView } from '../browse/browse-view';
import { FilmPage } from '../browse/film-page';
import { EditView } from '../edit/edit-view';
import { ToastHost } from '../edit/toasts';
import { TrashView } from '../edit/trash-view';
import { SettingsView } from '../settings/settings-view';
import { SheetView } from '../sheet/sheet-view';
import { useWindowFileDrop } from '../transfer/file-drop';
import { TransferView } from '../transfer/transfer-view';
import { useSavedTheme } from '../settings/theme';
import { useApi } from './api-context';
import { useMenuActions } from './menu-actions';
import { TopBar } from './top-bar';
import { useRoute, type Route } from './route';

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'browse':
      return <BrowseView />;
    case 'film':
      return <FilmPage id={route.id} />;
    case 'edit':
      return <EditView id={route.id} />;
    case 'sheet':
      return <SheetView ids={route.ids} />;
    case 'trash':
      return <TrashView />;
    case 'transfer':
      return <TransferView />;
    case 'settings':
      return <SettingsView />;
    case 'backups':
      return <BackupsView />;
  }
}

/** The window: a top bar and the current view. */
export function App() {
  const route = useRoute();
  const api = useApi();
  useSavedTheme(api);
  useMenuActions(api);
  useWindowFileDrop();
  return (
    <div className="app">
      <TopBar route={route} />
      <LibraryHealthNotice />
      <main className="app-main">
        <View route={route} />
      </main>
      <ToastHost />
    </div>
  );
}
