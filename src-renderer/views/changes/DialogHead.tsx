// The top of the change dialog: what the change is (the dialog's name) and
// where it stands. The title takes focus at every stage, so a screen reader
// hears the change again when the content under it is replaced.
import type { ReactNode, RefObject } from 'react';

interface DialogHeadProps {
  readonly titleId: string;
  readonly titleRef: RefObject<HTMLHeadingElement | null>;
  readonly title: string;
  readonly subtitle: ReactNode;
}

export function DialogHead({ titleId, titleRef, title, subtitle }: DialogHeadProps) {
  return (
    <div className="modal-head">
      <h2 id={titleId} ref={titleRef} className="modal-title" tabIndex={-1}>{title}</h2>
      <p className="modal-subtitle">{subtitle}</p>
    </div>
  );
}
