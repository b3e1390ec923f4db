// A titled part of the details panel; the heading names the region for
// assistive technology and for people skimming.
import { useId } from 'react';
import type { ReactNode } from 'react';
import './section.css';

interface SectionProps {
  readonly title: string;
  /** Short facts beside the heading (a count, a source). */
  readonly aside?: ReactNode;
  readonly children: ReactNode;
}

export function Section({ title, aside, children }: SectionProps) {
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} className="section-title">{title}</h3>
        {aside && <div className="section-aside">{aside}</div>}
      </div>
      {children}
    </section>
  );
}
