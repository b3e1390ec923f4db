// The filter: type to narrow, Enter to open the first match, Down to move
// into the results, Escape to clear (a second Escape leaves), `/` or Ctrl+F
// from anywhere to come back.
import type { KeyboardEvent, RefObject } from 'react';
import { Icon } from '../../components/Icon';
import './filter-box.css';

interface FilterBoxProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Move focus to the results, on the first match; `open` also selects it. */
  readonly onLeave: (open: boolean) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}

export function FilterBox({ value, onChange, onLeave, inputRef }: FilterBoxProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (value) onChange('');
      else onLeave(false);
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      onLeave(event.key === 'Enter');
    }
  };
  return (
    <div className="filter-box">
      <Icon name="search" className="filter-icon" />
      <input
        ref={inputRef}
        type="search"
        aria-label="Filter devices"
        aria-keyshortcuts="/ Control+F"
        placeholder="Filter by name, address, driver, class, enp3s0…"
        title="Words must all match. Pin a word to a field: driver:vfio-pci, bus:usb, class:0300, vendor:10de, group:14, driver:none"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {value ? (
        <button type="button" className="icon-button filter-clear" aria-label="Clear filter" onClick={() => {
          onChange('');
          inputRef.current?.focus();
        }}>
          <Icon name="close" />
        </button>
      ) : (
        <kbd className="filter-hint" aria-hidden="true">/</kbd>
      )}
    </div>
  );
}
