// A modal dialog on the native <dialog>: the rest of the window is inert
// while it is open, Tab cycles inside it, Escape asks to close it (unless the
// caller says it may not be dismissed now), and focus goes back to where it
// was when the dialog opened.
import { useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import './modal.css';

interface ModalProps {
  /** The element whose text names the dialog. */
  readonly labelledBy: string;
  readonly describedBy?: string;
  /** null while the dialog may not be dismissed (a change is being applied). */
  readonly onDismiss: (() => void) | null;
  /** What gets focus when the dialog opens; the dialog itself otherwise. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly className?: string;
  /** While true, assistive technology is told the content is changing. */
  readonly busy?: boolean;
  readonly children: ReactNode;
}

const TABBABLE = 'a[href], summary, button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest('[hidden], [inert]') && el.getClientRects().length > 0);
}

/** Where focus returns when the opener is gone (a banner that resolved, a menu that closed). */
function fallbackFocus(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.primary-panel:not([hidden]) [role="tree"], .primary-panel:not([hidden]) [role="grid"]');
}

export function Modal({ labelledBy, describedBy, onDismiss, initialFocus, className, busy, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    (initialFocus?.current ?? dialog).focus();
    return () => {
      dialog.close();
      const back = opener?.isConnected ? opener : fallbackFocus();
      back?.focus();
    };
    // Opening and closing follow mount and unmount only; later focus is the content's business.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // The dialog closes when its owner unmounts it, never by itself.
      event.preventDefault();
      event.stopPropagation();
      onDismiss?.();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const all = tabbables(ref.current);
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    // From the first control, or from the title or the dialog itself (focused but not tab stops), back wraps to the last.
    if (event.shiftKey && (active === first || !all.some((el) => el === active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-busy={busy || undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      // Escape's own close request: the owner decides (onKeyDown above).
      onCancel={(event) => event.preventDefault()}
    >
      {children}
    </dialog>
  );
}
