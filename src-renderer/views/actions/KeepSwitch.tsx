// "Keep after reboot": a switch bound to what the engine says is kept. It
// changes nothing on the devices now; the boot-time restore applies it.
import { useId } from 'react';
import type { KeepToggle } from '../../model/device-actions';
import { KEEP_LABEL } from '../../model/device-actions';

interface KeepSwitchProps {
  readonly keep: KeepToggle;
  readonly busy: boolean;
  readonly onChange: (keep: boolean) => void;
}

export function KeepSwitch({ keep, busy, onChange }: KeepSwitchProps) {
  const noteId = useId();
  const unavailable = busy ? 'Saving…' : keep.unavailable;
  const note = unavailable ?? keep.note ?? 'Off: the next boot leaves it to the kernel.';
  return (
    <div className="keep">
      <button
        type="button"
        role="switch"
        className="keep-switch"
        aria-checked={keep.checked}
        aria-disabled={unavailable !== null || undefined}
        aria-describedby={noteId}
        onClick={() => unavailable === null && onChange(!keep.checked)}
      >
        <span className="keep-track" aria-hidden="true"><span className="keep-thumb" /></span>
        <span className="keep-label">{KEEP_LABEL}</span>
      </button>
      <span id={noteId} className="keep-note">{note}</span>
    </div>
  );
}
