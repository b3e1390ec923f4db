import type { Browser, Page } from 'playwright-core';

export const REPO: string;
export const BRIDGE: string;
export const FIXTURE_TREE: string;
export const FIXTURE_ALIAS: string;
export const RESULTS: string;
export const CHROMIUM_ARGS: readonly string[];

export interface RunningBridge {
  /** `http://127.0.0.1:PORT/#token=...`, as the bridge prints it. */
  readonly url: string;
  stop(): Promise<void>;
}

export function startBridge(options?: {
  sysfsRoot?: string | null;
  modulesAlias?: string | null;
  /** A scenario to show first (`--demo`). */
  demo?: string | null;
  /** XDG_STATE_HOME for the bridge, where simulations keep their state. */
  stateDir?: string | null;
}): Promise<RunningBridge>;
export function launchChromium(): Promise<Browser>;
export function openBindery(
  browser: Browser,
  url: string,
  options?: {
    width?: number; height?: number; colorScheme?: 'light' | 'dark';
    prepare?: ((page: Page) => Promise<void>) | null;
    timeoutMs?: number | null;
  },
): Promise<{ page: Page; errors: string[] }>;
export function saveScreenshot(page: Page, name: string): Promise<string>;
