import { useEffect, useId, useRef, type ReactNode } from 'react';

export type DialogChoice = { label: string; onChoose: () => void; primary?: boolean; danger?: boolean };

/**
 * A small modal question with its choices, its first control focused; Escape is the last choice
 * (the safe one, like "Stay"). Focus stays inside while it is open.
 */
export function ConfirmDialog({
  title,
  children,
  choices,
}: {
  title: string;
  children?: ReactNode;
  choices: DialogChoice[];
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  const cancel = choices.at(-1);
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            cancel?.onChoose();
          }
          if (event.key !== 'Tab') return;
          const buttons = Array.from(
            box.current?.querySelectorAll<HTMLElement>('button, input, select, textarea') ?? [],
          );
          const first = buttons[0];
          const last = buttons.at(-1);
          if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last?.focus();
          } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first?.focus();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="dialog-actions">
          {choices.map((choice) => (
            <button
              key={choice.label}
              type="button"
              className={choice.primary ? 'primary' : choice.danger ? 'danger' : undefined}
              onClick={choice.onChoose}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
