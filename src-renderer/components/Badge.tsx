// A small label with a meaning colour: kinds of driver, bus, binding state.
import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger' | 'vfio' | 'muted';

export function Badge({ tone = 'neutral', title, children }: { readonly tone?: BadgeTone; readonly title?: string; readonly children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
