// Keys that work wherever focus is: `/` and Ctrl+F go to the filter, F5 and
// Ctrl+R read the host again (instead of reloading the page); not while a
// dialog or menu is open.
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  readonly focusFilter: () => void;
  readonly refresh: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog or a menu has the keyboard to itself (but a reload must not drop it).
      const inside = event.target instanceof Element && event.target.closest('dialog, [role="menu"]') !== null;
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!inside && ((ctrl && key === 'f') || (event.key === '/' && !ctrl && !event.altKey && !isTyping(event.target)))) {
        event.preventDefault();
        latest.current.focusFilter();
      } else if (event.key === 'F5' || (ctrl && key === 'r' && !event.shiftKey)) {
        event.preventDefault();
        if (!inside) latest.current.refresh();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
