// Which tree branches are open. Without a filter, branches follow their
// defaults (expandedByDefault) plus what the person toggled; while filtering,
// every branch holding a match opens, and toggles made then last only as long
// as that query, so clearing the filter brings the person's own tree back.
import { useCallback, useState } from 'react';
import { expandedByDefault } from '../model/tree-rows';

export interface TreeExpansion {
  readonly isExpanded: (key: string) => boolean;
  readonly setExpanded: (key: string, expanded: boolean) => void;
  /** Open these branches (a device's ancestors) so the device shows. */
  readonly reveal: (keys: readonly string[]) => void;
}

interface FilterToggles {
  readonly query: string;
  /** Branches closed while filtering with `query`. */
  readonly closed: ReadonlySet<string>;
}

export function useTreeExpansion(query: string): TreeExpansion {
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const [filterToggles, setFilterToggles] = useState<FilterToggles>({ query: '', closed: new Set() });
  const filtering = query.trim() !== '';

  const isExpanded = useCallback(
    (key: string) =>
      filtering
        ? !(filterToggles.query === query && filterToggles.closed.has(key))
        : expandedByDefault(key) !== toggled.has(key),
    [filtering, filterToggles, query, toggled],
  );

  const setExpanded = useCallback(
    (key: string, expanded: boolean) => {
      if (filtering) {
        setFilterToggles((previous) => {
          const closed = new Set(previous.query === query ? previous.closed : []);
          if (expanded) closed.delete(key);
          else closed.add(key);
          return { query, closed };
        });
        return;
      }
      setToggled((previous) => {
        const next = new Set(previous);
        if (expanded === expandedByDefault(key)) next.delete(key);
        else next.add(key);
        return next;
      });
    },
    [filtering, query],
  );

  const reveal = useCallback((keys: readonly string[]) => {
    setToggled((previous) => {
      const next = new Set(previous);
      for (const key of keys) {
        if (expandedByDefault(key)) next.delete(key);
        else next.add(key);
      }
      return next;
    });
    setFilterToggles((previous) => ({ query: previous.query, closed: new Set([...previous.closed].filter((k) => !keys.includes(k))) }));
  }, []);

  return { isExpanded, setExpanded, reveal };
}
