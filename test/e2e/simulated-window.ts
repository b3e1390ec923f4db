// What the demo-mode end-to-end files share: one simulation served by the
// bridge to one Chromium for the whole file, with its state in a folder of its
// own; a fresh page for each test (seen through a BridgeTap when asked), which
// must log no errors; and the CLI on the same saved simulation, as a user in a
// terminal would change it behind the window's back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { BridgeTap } from './bridge-tap';
import type { RunningBridge } from './harness.mjs';
import { REPO, launchChromium, openBindery, startBridge } from './harness.mjs';

export interface SimulatedWindow {
  /** XDG_STATE_HOME of the bridge and the CLI. */
  readonly state: string;
  readonly browser: Browser;
  readonly url: string;
  /** This test's page. */
  readonly page: Page;
  /** This test's tap on the page's WebSocket (with `tap: true`). */
  readonly tap: BridgeTap;
  cli(...args: string[]): string;
  /** Runs a sysfs script on the saved simulation (`bindery sim run`). */
  simRun(lines: readonly string[]): string;
}

export interface SimulatedWindowOptions {
  readonly tap?: boolean;
  /** Runs before each test's page opens (to reset the simulation, say). */
  readonly beforeOpen?: () => void;
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} is only there inside a test`);
  return value;
}

/** Registers the file's hooks; call it at the top of a test file. */
export function simulatedWindow(scenario: string, options: SimulatedWindowOptions = {}): SimulatedWindow {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `bindery-e2e-${scenario}-`));
  let bridge: RunningBridge | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  let errors: string[] = [];
  let tap: BridgeTap | null = null;

  const cli = (...args: string[]): string =>
    execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli', 'cli.cjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: state },
    });

  beforeAll(async () => {
    bridge = await startBridge({ demo: scenario, stateDir: state });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    fs.rmSync(state, { recursive: true, force: true });
  });
  beforeEach(async () => {
    options.beforeOpen?.();
    const watching = options.tap ? new BridgeTap() : null;
    tap = watching;
    ({ page, errors } = await openBindery(required(browser, 'The browser'), required(bridge, 'The bridge').url,
      watching ? { prepare: (p) => watching.attach(p) } : {}));
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await page?.close();
  });

  return {
    state,
    get browser() { return required(browser, 'The browser'); },
    get url() { return required(bridge, 'The bridge').url; },
    get page() { return required(page, 'The page'); },
    get tap() { return required(tap, 'The tap (simulatedWindow(..., { tap: true }))'); },
    cli,
    simRun(lines) {
      const script = path.join(state, 'change.sysfs');
      fs.writeFileSync(script, `${lines.join('\n')}\n`);
      return cli('sim', 'run', scenario, script);
    },
  };
}
