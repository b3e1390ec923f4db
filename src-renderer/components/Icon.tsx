// The few glyphs the UI needs, drawn inline so the CSP needs no image source
// and they take the text colour. Decorative: labels come from their controls.
const PATHS = {
  chevron: 'M6 4l4 4-4 4',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5V5h-2.5',
  copy: 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7',
  check: 'M3.5 8.5l3 3 6-7',
  warning: 'M8 2.5l6 11H2zM8 7v3M8 12v.01',
  error: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM6 6l4 4M10 6l-4 4',
  info: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM8 7.5v3.5M8 5v.01',
  search: 'M7 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM10 10l3.5 3.5',
  tree: 'M3 3h4M5 3v9h4M5 7.5h4M11 7.5h2M11 12h2',
  list: 'M3 4h10M3 8h10M3 12h10',
  close: 'M4 4l8 8M12 4l-8 8',
  shield: 'M8 2l5 2v4c0 3-2.2 5.2-5 6-2.8-.8-5-3-5-6V4z',
  plug: 'M6 2v3M10 2v3M4.5 5h7v2.5a3.5 3.5 0 0 1-7 0zM8 11v3',
  link: 'M7 9l2-2M6 6.5L4.5 8a2 2 0 0 0 3 3L9 9.5M10 9.5L11.5 8a2 2 0 0 0-3-3L7 6.5',
  undo: 'M4.5 6.5h6a3 3 0 0 1 0 6H7M6.5 4L4 6.5 6.5 9',
  arrow: 'M3 8h10M9.5 4.5L13 8l-3.5 3.5',
  circle: 'M8 3.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z',
  spinner: 'M8 2.5a5.5 5.5 0 1 0 5.5 5.5',
  skip: 'M4 8h8',
  history: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.5H5M8 5v3l2 1.5',
  lock: 'M4.5 7.5h7v6h-7zM6 7.5V5.5a2 2 0 0 1 4 0v2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { readonly name: IconName; readonly className?: string }) {
  return (
    <svg className={`icon${className ? ` ${className}` : ''}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
