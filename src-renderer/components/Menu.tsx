// A context menu after the WAI-ARIA menu pattern: it opens at a point with
// focus on its first usable item; arrows, Home and End move, Enter or Space
// chooses, Escape or Tab closes, and focus returns to where it was. Items that
// do not apply stay, marked disabled, with the reason as their description.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Icon } from './Icon';
import './menu.css';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  /** Why it cannot be chosen now; null when it can. */
  readonly unavailable: string | null;
  /** Makes it a checkbox item. */
  readonly checked?: boolean;
  readonly separatorBefore?: boolean;
}

export interface MenuPoint {
  readonly x: number;
  readonly y: number;
}

interface MenuProps {
  readonly label: string;
  readonly at: MenuPoint;
  readonly items: readonly MenuItem[];
  readonly onChoose: (id: string) => void;
  readonly onClose: () => void;
}

const MARGIN = 8;

export function Menu({ label, at, items, onChoose, onClose }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [place, setPlace] = useState<MenuPoint>(at);
  const first = Math.max(0, items.findIndex((item) => item.unavailable === null));

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Kept inside the window, so a menu opened near an edge is whole.
    const { width, height } = menu.getBoundingClientRect();
    setPlace({
      x: Math.max(MARGIN, Math.min(at.x, window.innerWidth - width - MARGIN)),
      y: Math.max(MARGIN, Math.min(at.y, window.innerHeight - height - MARGIN)),
    });
    menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')[first]?.focus();
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !menu.contains(event.target)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
      if (opener?.isConnected) opener.focus();
    };
  }, [at, first, onClose]);

  const focusItem = (index: number) => ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')[index]?.focus();
  const choose = (item: MenuItem) => {
    if (item.unavailable !== null) return;
    onClose();
    onChoose(item.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const index = elements.findIndex((el) => el === document.activeElement);
    const count = elements.length;
    const target =
      event.key === 'ArrowDown' ? (index + 1) % count
        : event.key === 'ArrowUp' ? (index - 1 + count) % count
          : event.key === 'Home' ? 0
            : event.key === 'End' ? count - 1
              : null;
    if (target !== null && count > 0) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const item = items[index];
      if (item) choose(item);
    }
  };

  return (
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={label}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => {
        const labelId = `${idPrefix}-${item.id}`;
        const reasonId = `${labelId}-why`;
        const disabled = item.unavailable !== null;
        return (
          <div key={item.id} role="none" className={item.separatorBefore ? 'menu-group' : undefined}>
            <div
              role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.checked}
              aria-labelledby={labelId}
              aria-disabled={disabled || undefined}
              aria-describedby={disabled ? reasonId : undefined}
              tabIndex={-1}
              className="menu-item"
              onClick={() => choose(item)}
            >
              <span className="menu-check" aria-hidden="true">{item.checked && <Icon name="check" />}</span>
              <span className="menu-text">
                <span id={labelId} className="menu-label">{item.label}</span>
                {disabled && <span id={reasonId} className="menu-reason">{item.unavailable}</span>}
              </span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
