import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { unwrapBridge } from '../../shared/contract';
import { ApiProvider } from './shell/api-context';
import { App } from './shell/app';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiProvider api={unwrapBridge(window.filmfolio)}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}
