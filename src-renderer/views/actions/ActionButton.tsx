// An action button that stays focusable when it does not apply, so the
// reason (its accessible description, and a tooltip) can be reached by keyboard.
import { useId } from 'react';
import type { ReactNode } from 'react';

interface ActionButtonProps {
  readonly unavailable: string | null;
  readonly primary?: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}

export function ActionButton({ unavailable, primary = false, onClick, children }: ActionButtonProps) {
  const reasonId = useId();
  const disabled = unavailable !== null;
  return (
    <>
      <button
        type="button"
        className={`button${primary ? ' button-primary' : ''}`}
        aria-disabled={disabled || undefined}
        aria-describedby={disabled ? reasonId : undefined}
        title={unavailable ?? undefined}
        onClick={() => !disabled && onClick()}
      >
        {children}
      </button>
      {disabled && <span id={reasonId} hidden>{unavailable}</span>}
    </>
  );
}
