import { useEffect, useState } from 'react';
import type { TransferProgress } from '../../../shared/transfer';
import { useApi } from '../shell/api-context';

/** Often enough for a bar that moves smoothly, rarely enough to cost main nothing. */
const POLL_MS = 200;

/** A new id for a long job, so the window can ask main how far it is and cancel it. */
export function newJobId(): string {
  return crypto.randomUUID();
}

/** How far the job with this id has got, asked of main every moment while `jobId` is set. */
export function useJobProgress(jobId: string | null): TransferProgress | null {
  const api = useApi();
  const [progress, setProgress] = useState<{ jobId: string; progress: TransferProgress } | null>(null);
  useEffect(() => {
    if (jobId === null) return undefined;
    let current = true;
    const ask = () =>
      api.transfer
        .progress(jobId)
        .then((answer) => current && answer && setProgress({ jobId, progress: answer }))
        // A missed answer only means the bar waits for the next one.
        .catch(() => undefined);
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, jobId]);
  return progress?.jobId === jobId ? progress.progress : null;
}
