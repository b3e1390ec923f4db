// Copies a value (a modalias, an address) and confirms it in place.
import { useEffect, useState } from 'react';
import { Icon } from './Icon';

export function CopyButton({ value, label }: { readonly value: string; readonly label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    void navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <button type="button" className="icon-button" aria-label={label} title={copied ? 'Copied' : label} onClick={copy}>
      <Icon name={copied ? 'check' : 'copy'} />
      <span className="visually-hidden" aria-live="polite">{copied ? 'Copied' : ''}</span>
    </button>
  );
}
