import { useState } from 'react';
import { useApi } from '../shell/api-context';
import { useMenuAction } from '../shell/menu-actions';
import { ExportPanel } from './export-panel';
import { useHandedFiles } from './file-drop';
import { ImportPanel } from './import-panel';
import { useImportSession } from './import-session';
import { PasteFactPage } from './paste-fact-page';
import './transfer.css';

type Tab = 'import' | 'export' | 'paste';

const TABS: { tab: Tab; label: string }[] = [
  { tab: 'import', label: 'Import' },
  { tab: 'export', label: 'Export' },
  { tab: 'paste', label: 'Paste a fact page' },
];

/** `#/transfer`: import a library file or fact page, export a library file, or paste a fact page. */
export function TransferView() {
  const api = useApi();
  const [state, session] = useImportSession();
  const [tab, setTab] = useState<Tab>('import');
  useHandedFiles((file) => {
    setTab('import');
    void session.previewFile(file);
  });
  useMenuAction('import', (message) => {
    setTab('import');
    if (message.path) {
      void session.previewPath(message.path);
      return;
    }
    // File › Import… means the system dialog, where there is one.
    void api.dialog
      .available()
      .then((dialogs) => (dialogs.files ? session.chooseWithDialog() : undefined))
      .catch(() => undefined);
  });
  useMenuAction('export', () => setTab('export'));
  return (
    <div className="transfer-view">
      <header className="transfer-header">
        <h1>Import &amp; export</h1>
        <div role="tablist" aria-label="Import and export" className="transfer-tabs">
          {TABS.map(({ tab: value, label }) => (
            <button
              key={value}
              type="button"
              role="tab"
              id={`transfer-tab-${value}`}
              aria-selected={tab === value}
              aria-controls="transfer-panel"
              className="tab"
              onClick={() => setTab(value)}
            >
              {label}
              {value === 'import' && (state.step === 'reading' || state.step === 'writing') ? ' …' : ''}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" id="transfer-panel" aria-labelledby={`transfer-tab-${tab}`}>
        {tab === 'import' ? <ImportPanel state={state} session={session} /> : null}
        {tab === 'export' ? <ExportPanel /> : null}
        {tab === 'paste' ? (
          <PasteFactPage
            onImport={(text) => {
              setTab('import');
              void session.previewText(text, 'Pasted fact page');
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
