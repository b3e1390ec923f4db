// The one place that calls TanStack Virtual, so every long list (10,000 devices
// and more) renders only the rows in view.
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

export interface VirtualRowsOptions {
  readonly count: number;
  readonly scrollRef: RefObject<HTMLElement | null>;
  /** Fixed rows give exact sizes; variable ones are measured after render. */
  readonly estimateSize: (index: number) => number;
  readonly getItemKey?: (index: number) => string | number;
  readonly overscan?: number;
}

export function useVirtualRows({ count, scrollRef, estimateSize, getItemKey, overscan = 12 }: VirtualRowsOptions) {
  // The React Compiler is not used here; this lint rule only warns that it would skip this hook.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize, getItemKey, overscan });
}
