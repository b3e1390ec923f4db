// When something happened, in the reader's locale; the raw text when it is not a date.
export function when(iso: string, timeStyle: 'short' | 'medium'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle });
}
