// The handle between the list and the details: drag it, or focus it and use
// the arrow keys (WAI-ARIA window splitter).
import type { KeyboardEvent, PointerEvent } from 'react';
import './splitter.css';

interface SplitterProps {
  readonly label: string;
  /** Share of the container given to the first pane, in percent. */
  readonly percent: number;
  readonly min: number;
  readonly max: number;
  readonly onChange: (percent: number) => void;
}

export function Splitter({ label, percent, min, max, onChange }: SplitterProps) {
  const clamp = (value: number) => Math.min(max, Math.max(min, value));
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const container = event.currentTarget.parentElement;
    if (!container) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const bounds = container.getBoundingClientRect();
    const move = (e: globalThis.PointerEvent) => onChange(clamp(((e.clientX - bounds.left) / bounds.width) * 100));
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 : 2;
    const next =
      event.key === 'ArrowLeft' ? percent - step
        : event.key === 'ArrowRight' ? percent + step
          : event.key === 'Home' ? min
            : event.key === 'End' ? max
              : null;
    if (next === null) return;
    event.preventDefault();
    onChange(clamp(next));
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(percent)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
