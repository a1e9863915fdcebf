import { useSyncExternalStore } from 'react';

/**
 * Short messages at the bottom of the window that outlive the view that raised them ("moved to
 * the trash — Undo" shows on browse after the editor closed). Any view may raise one.
 */
export type ToastAction = { label: string; run: () => void | Promise<void> };
export type Toast = { id: number; message: string; action?: ToastAction };

const SHOWN_FOR_MS = 12_000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function publish(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a message (with an optional action such as Undo) for a few seconds; answers its id. */
export function showToast(message: string, action?: ToastAction): number {
  const id = nextId++;
  publish([...toasts, { id, message, action }]);
  timers.set(
    id,
    setTimeout(() => dismissToast(id), SHOWN_FOR_MS),
  );
  return id;
}

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  publish(toasts.filter((toast) => toast.id !== id));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Where toasts appear; the shell renders one. */
export function ToastHost() {
  const shown = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {shown.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{toast.message}</span>
          {toast.action ? (
            <button
              type="button"
              onClick={() => {
                dismissToast(toast.id);
                void toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
