// What a pane shows when there is nothing to list, with what to do about it.
import type { ReactNode } from 'react';
import { Icon } from './Icon';
import type { IconName } from './Icon';
import './empty-state.css';

export function EmptyState({ icon, title, children }: { readonly icon: IconName; readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="empty-state">
      <Icon name={icon} className="empty-state-icon" />
      <h2 className="empty-state-title">{title}</h2>
      {children && <div className="empty-state-body">{children}</div>}
    </div>
  );
}
