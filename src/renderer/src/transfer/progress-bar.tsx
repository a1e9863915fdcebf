import type { TransferProgress } from '../../../shared/transfer';
import { fileSize } from '../../../shared/file-size';
import { phaseLabel } from './labels';

/** "12.3 MB of 40.0 MB" while reading bytes; "1,200 of 3,000 films" while checking or writing. */
function amount(progress: TransferProgress): string {
  if (progress.total <= 0) return '';
  if (progress.phase === 'reading') return `${fileSize(progress.done)} of ${fileSize(progress.total)}`;
  return `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} films`;
}

type ProgressBarProps = {
  /** What is going on, e.g. "Importing with-rejected-film.json". */
  title: string;
  progress: TransferProgress | null;
  onCancel: () => void;
  cancelling: boolean;
};

/** A long job's bar, its phase and amount in words, and Cancel. */
export function ProgressBar({ title, progress, onCancel, cancelling }: ProgressBarProps) {
  const known = progress !== null && progress.total > 0;
  return (
    <div className="job-progress" role="group" aria-label={title}>
      <div className="job-progress-text">
        <strong>{title}</strong>
        <span className="muted" aria-live="polite">
          {cancelling
            ? 'Cancelling…'
            : progress
              ? `${phaseLabel(progress.phase)}… ${amount(progress)}`
              : 'Starting…'}
        </span>
      </div>
      <progress
        aria-label={`${title}: progress`}
        max={known ? progress.total : undefined}
        value={known ? progress.done : undefined}
      />
      <button type="button" onClick={onCancel} disabled={cancelling}>
        Cancel
      </button>
    </div>
  );
}
