import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { fieldId } from './labels';

type StarRatingProps = {
  label: string;
  path: string;
  /** 0 to 10 in halves; null when not rated. */
  value: number | null;
  onChange: (value: number | null) => void;
};

const STARS = 10;

/** The half-star a pointer is over: the left half of star 3 is 2.5, the right half 3. */
function pointedValue(event: MouseEvent<HTMLSpanElement>, star: number): number {
  const box = event.currentTarget.getBoundingClientRect();
  const leftHalf = box.width > 0 && event.clientX < box.left + box.width / 2;
  return leftHalf ? star - 0.5 : star;
}

const describe = (value: number | null) => (value === null ? 'Not rated' : `${value} of 10`);

function fill(star: number, value: number): 'full' | 'half' | 'empty' {
  if (value >= star) return 'full';
  return value >= star - 0.5 ? 'half' : 'empty';
}

/**
 * Your own rating as ten stars in halves (0–10 by 0.5). A slider to assistive technology: arrows
 * step by a half, Page Up/Down by one, Home/End to 0/10, Delete clears. Click a star's left half
 * for the half.
 */
export function StarRating({ label, path, value, onChange }: StarRatingProps) {
  const [preview, setPreview] = useState<number | null>(null);
  const shown = preview ?? value ?? 0;
  const set = (next: number) => onChange(Math.min(10, Math.max(0, Math.round(next * 2) / 2)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = value ?? 0;
    const steps: Record<string, () => void> = {
      ArrowRight: () => set(value === null ? 0.5 : current + 0.5),
      ArrowUp: () => set(value === null ? 0.5 : current + 0.5),
      ArrowLeft: () => set(current - 0.5),
      ArrowDown: () => set(current - 0.5),
      PageUp: () => set(current + 1),
      PageDown: () => set(current - 1),
      Home: () => set(0),
      End: () => set(10),
      Delete: () => onChange(null),
      Backspace: () => onChange(null),
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    step();
  };
  return (
    <div className="field star-field">
      <span className="field-label" id={`${fieldId(path)}-label`}>
        {label}
      </span>
      <div className="star-row">
        <div
          id={fieldId(path)}
          className="stars"
          role="slider"
          tabIndex={0}
          aria-labelledby={`${fieldId(path)}-label`}
          aria-valuemin={0}
          aria-valuemax={10}
          aria-valuenow={value ?? undefined}
          aria-valuetext={describe(value)}
          onKeyDown={onKeyDown}
          onMouseLeave={() => setPreview(null)}
        >
          {Array.from({ length: STARS }, (_, i) => i + 1).map((star) => (
            <span
              key={star}
              className={`star ${fill(star, shown)}`}
              data-star={star}
              aria-hidden="true"
              onMouseMove={(event) => setPreview(pointedValue(event, star))}
              onClick={(event) => set(pointedValue(event, star))}
            >
              ★
            </span>
          ))}
        </div>
        <span className="star-value">{describe(preview ?? value)}</span>
        {value !== null ? (
          <button type="button" className="link" onClick={() => onChange(null)}>
            Clear
          </button>
        ) : null}
      </div>
    </div>
  );
}
