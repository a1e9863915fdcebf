import { BrowseView } from '../browse/browse-view';
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
      return <Placeholder title="Edit" detail="The film editor is on its way." />;
    case 'sheet':
      return <Placeholder title="Film sheet" detail="The printable sheet is on its way." />;
    case 'transfer':
      return <Placeholder title="Import and export" detail="JSON import and export are on their way." />;
  }
}

/** The window: a top bar and the current view. */
export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <TopBar route={route} />
      <main className="app-main">
        <View route={route} />
      </main>
    </div>
  );
}
