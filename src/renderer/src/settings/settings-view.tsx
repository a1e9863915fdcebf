import { useCallback, useEffect, useState } from 'react';
import type { LibraryInfo } from '../../../shared/contract';
import {
  BACKUPS_KEPT_RANGE,
  DUPLICATE_RULES,
  PAPER_SIZES,
  THEMES,
  type DuplicateRule,
  type PaperSize,
  type RecentLibrary,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../../shared/settings';
import { useApi } from '../shell/api-context';
import { LibrarySection } from './library-section';
import { applyTheme } from './theme';
import './settings.css';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const PAPER_LABELS: Record<PaperSize, string> = { A4: 'A4 (210 × 297 mm)', Letter: 'US Letter (8½ × 11 in)' };
const DUPLICATE_LABELS: Record<DuplicateRule, string> = {
  skip: 'Skip it: keep the library’s film as it is',
  replace: 'Replace it with the imported film',
  merge: 'Merge: fill its empty fields and add new list entries',
  'keep-both': 'Keep both, as two films',
};

type Loaded = { settings: Settings; library: LibraryInfo; recent: RecentLibrary[] };
type Status = { kind: 'idle' } | { kind: 'saved'; what: string } | { kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Loads what the settings view shows; `reload` after the library changed. */
function useSettingsData() {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([api.settings.get(), api.library.info(), api.library.recent()])
      .then(([settings, library, recent]) => setLoaded({ settings, library, recent }))
      .catch((error: unknown) => setFailure(messageOf(error)));
  }, [api]);
  useEffect(reload, [reload]);
  return { loaded, failure, reload, setLoaded };
}

/** The settings: where the library is, how it looks, how sheets print, what imports do, backups kept. */
export function SettingsView() {
  const api = useApi();
  const { loaded, failure, reload, setLoaded } = useSettingsData();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  /** Shows the change at once, then keeps what main saved (or goes back, saying why, when it refused). */
  const change = (patch: SettingsPatch, what: string) => {
    const before = loaded?.settings;
    const show = (settings: Settings) => {
      applyTheme(settings.theme);
      setLoaded((current) => (current ? { ...current, settings } : current));
    };
    if (before) show({ ...before, ...patch });
    api.settings
      .set(patch)
      .then((settings) => {
        show(settings);
        setStatus({ kind: 'saved', what });
      })
      .catch((error: unknown) => {
        if (before) show(before);
        setStatus({ kind: 'failed', message: messageOf(error) });
      });
  };

  if (failure) return <p role="alert">The settings could not be read: {failure}</p>;
  if (!loaded) return <p className="muted">Reading the settings…</p>;
  const { settings } = loaded;
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <LibrarySection library={loaded.library} recent={loaded.recent} onChanged={reload} />
      <ChoiceGroup
        legend="Appearance"
        name="theme"
        options={THEMES}
        labels={THEME_LABELS}
        value={settings.theme}
        onChange={(theme) => change({ theme }, 'Theme')}
      />
      <ChoiceGroup
        legend="Paper for printed sheets"
        name="paper"
        options={PAPER_SIZES}
        labels={PAPER_LABELS}
        value={settings.paperSize}
        onChange={(paperSize) => change({ paperSize }, 'Paper size')}
      />
      <fieldset>
        <legend>Imports</legend>
        <label className="settings-field">
          <span>When an imported film is already in the library</span>
          <select
            value={settings.duplicateRule}
            onChange={(event) =>
              change({ duplicateRule: event.target.value as DuplicateRule }, 'Import rule')
            }
          >
            {DUPLICATE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {DUPLICATE_LABELS[rule]}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">Each import still lets you choose film by film before anything is written.</p>
      </fieldset>
      <BackupsField
        kept={settings.backupsKept}
        onChange={(backupsKept) => change({ backupsKept }, 'Backups kept')}
      />
      <p className="settings-status" role="status">
        {status.kind === 'saved' ? `${status.what} saved.` : ''}
      </p>
      {status.kind === 'failed' ? <p role="alert">Not saved: {status.message}</p> : null}
    </section>
  );
}

function ChoiceGroup<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="settings-choices">
        {props.options.map((option) => (
          <label key={option} className="settings-choice">
            <input
              type="radio"
              name={props.name}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            {props.labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A number field that saves only a whole number in range, and says what is allowed otherwise. */
function BackupsField({ kept, onChange }: { kept: number; onChange: (kept: number) => void }) {
  const [text, setText] = useState(String(kept));
  useEffect(() => setText(String(kept)), [kept]);
  const value = Number(text);
  const valid = Number.isInteger(value) && value >= BACKUPS_KEPT_RANGE.min && value <= BACKUPS_KEPT_RANGE.max;
  const commit = () => {
    if (valid && value !== kept) onChange(value);
  };
  return (
    <fieldset>
      <legend>Backups</legend>
      <label className="settings-field">
        <span>Backups of the library to keep</span>
        <input
          type="number"
          inputMode="numeric"
          min={BACKUPS_KEPT_RANGE.min}
          max={BACKUPS_KEPT_RANGE.max}
          value={text}
          aria-invalid={!valid}
          aria-describedby="backups-help"
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      </label>
      <p id="backups-help" className={valid ? 'muted' : 'settings-error'}>
        {valid
          ? 'Filmfolio keeps this many backups of the library file; when there are more, the oldest go first.'
          : `Enter a whole number from ${BACKUPS_KEPT_RANGE.min} to ${BACKUPS_KEPT_RANGE.max}.`}
      </p>
    </fieldset>
  );
}
