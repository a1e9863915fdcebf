import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { fieldId } from './labels';
import { POSTER_TYPES, PosterError, preparePoster, type PreparedPoster } from './poster-image';
import { useFieldProblems } from './validation-context';

type PosterPickerProps = {
  path: string;
  title: string;
  value: string | null;
  onChange: (poster: PreparedPoster | null) => void;
};

function imageIn(items: DataTransferItemList | undefined, files: FileList | undefined): File | null {
  for (const file of Array.from(files ?? [])) if (file.type.startsWith('image/')) return file;
  for (const item of Array.from(items ?? [])) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return files?.[0] ?? null;
}

/** The poster: choose a file, drop or paste an image; shown, and removable. */
export function PosterPicker({ path, title, value, onChange }: PosterPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [over, setOver] = useState(false);
  const problems = useFieldProblems(path);

  const take = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const prepared = await preparePoster(file);
      onChange(prepared);
      setMessage({ text: prepared.note, error: false });
    } catch (error) {
      const text =
        error instanceof PosterError ? error.message : `The image could not be used: ${String(error)}`;
      setMessage({ text, error: true });
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void take(imageIn(event.dataTransfer.items, event.dataTransfer.files));
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const file = imageIn(event.clipboardData.items, event.clipboardData.files);
    if (!file) return;
    event.preventDefault();
    void take(file);
  };
  return (
    <div className="poster-picker">
      <div
        id={fieldId(path)}
        className={`poster-drop${over ? ' over' : ''}`}
        tabIndex={0}
        role="group"
        aria-label="Poster: drop or paste an image here"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onPaste={onPaste}
      >
        {value ? (
          <img src={value} alt={`Poster of ${title || 'this film'}`} />
        ) : (
          <span className="poster-empty">
            {busy ? 'Reading the image…' : 'No poster. Drop or paste an image here.'}
          </span>
        )}
      </div>
      <div className="poster-actions">
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {value ? 'Replace…' : 'Choose image…'}
        </button>
        {value ? (
          <button type="button" disabled={busy} onClick={() => onChange(null)}>
            Remove
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        hidden
        accept={POSTER_TYPES.join(',')}
        aria-label="Poster image file"
        onChange={(event) => {
          void take(event.target.files?.[0] ?? null);
          event.target.value = '';
        }}
      />
      {message ? (
        <p className={message.error ? 'field-error' : 'field-hint'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {problems.length > 0 ? <p className="field-error">{problems.join('; ')}</p> : null}
    </div>
  );
}
