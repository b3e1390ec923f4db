// A boxed message with a tone: a warning about the host, an error from the engine, a hint.
import type { ReactNode } from 'react';
import { Icon } from './Icon';
import type { IconName } from './Icon';
import './notice.css';

export type NoticeTone = 'info' | 'warn' | 'danger' | 'ok';

const ICONS: Readonly<Record<NoticeTone, IconName>> = { info: 'info', warn: 'warning', danger: 'error', ok: 'check' };

export interface NoticeProps {
  readonly tone: NoticeTone;
  readonly title: ReactNode;
  readonly children?: ReactNode;
  /** `alert` for what just went wrong; none for standing explanations. */
  readonly role?: 'alert' | 'status';
  readonly className?: string;
}

export function Notice({ tone, title, children, role, className }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}${className ? ` ${className}` : ''}`} role={role}>
      <Icon name={ICONS[tone]} className="notice-icon" />
      <div className="notice-body">
        <div className="notice-title">{title}</div>
        {children}
      </div>
    </div>
  );
}
