// The transport-neutral edge of the engine: every call from a window or the
// bridge passes here, so bad input must come back as a clear error, never reach
// the engine, and never throw.
import { describe, expect, it } from 'vitest';
import type { HostInfo, Snapshot } from '../../../../../src-shared/model';
import { createDispatcher } from '../../../../../src-main/engine/service/dispatcher';
import { openWorkspace } from '../../../../../src-main/engine/service/open-workspace';

const service = openWorkspace({ sysfsRoot: '/', modulesAlias: null, host: 'local' });
const dispatcher = createDispatcher(service);

describe('dispatcher', () => {
  it('answers a valid call with the engine’s value', async () => {
    const result = await dispatcher.call('getHost', []);
    expect(result.ok).toBe(true);
    expect((result as { value: HostInfo }).value.id).toBe('local');
  });

  it('refuses unknown methods, including prototype names', async () => {
    for (const method of ['deleteEverything', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await dispatcher.call(method, []);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses arguments that do not fit the schema, naming the problem', async () => {
    const cases: unknown[] = [
      [],
      [42],
      ['pci/0000:00:00.0', 'extra'],
      ['no-slash'],
      ['pci/../../etc/passwd'],
      ['../etc'],
      ['pci/..'],
      ['pci/0000:00:00.0\n'],
      ['x'.repeat(300)],
      'not an array',
      null,
    ];
    for (const args of cases) {
      const result = await dispatcher.call('getCandidates', args);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!result.ok) expect(result.error.detail).toMatch(/^getCandidates: /);
    }
  });

  it('turns engine failures into error data', async () => {
    const result = await dispatcher.call('getCandidates', ['pci/ffff:ff:1f.7']);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_DEVICE', title: 'No such device' } });
  });

  it('delivers snapshot events to subscribers until they unsubscribe', async () => {
    const seen: Snapshot[] = [];
    const unsubscribe = dispatcher.subscribe('onDidChangeSnapshot', (snapshot) => seen.push(snapshot));
    await dispatcher.call('refresh', []);
    unsubscribe();
    await dispatcher.call('refresh', []);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.devices.length).toBeGreaterThan(0);
  });
});
