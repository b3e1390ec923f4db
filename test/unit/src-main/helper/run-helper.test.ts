// One helper run from argv and stdin bytes to answer and exit code: 0 done,
// 1 refused, 2 bad request, 3 failed; every refusal with words that say why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHelper } from '../../../../src-main/helper/run-helper';
import { fakeModprobe, makeFakeRoot, testContext } from '../engine/ops/support/fake-root';
import type { FakeRoot } from '../engine/ops/support/fake-root';

let fake: FakeRoot;
beforeAll(() => {
  fake = makeFakeRoot();
});
afterAll(() => fake.remove());

function run(args: string[], body: string | Uint8Array) {
  const input = typeof body === 'string' ? Buffer.from(body) : body;
  return runHelper(args, input, testContext(fake.root, fakeModprobe(fake.root, [])));
}

const PROBE = JSON.stringify({ operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }] });

describe('runHelper', () => {
  it('exits 0 when done, 1 when refused, 3 when failed', () => {
    expect(run(['apply'], PROBE)).toMatchObject({ exitCode: 0, answer: { status: 'done' } });
    expect(run(['apply'], JSON.stringify({ operations: [{ kind: 'probe', device: 'pci/0000:09:00.0' }] })))
      .toMatchObject({ exitCode: 1, answer: { status: 'refused', error: { errno: 'ENODEV' } } });
    expect(run(['apply'], JSON.stringify({ operations: [{ kind: 'load-module', module: 'nosuch' }] })))
      .toMatchObject({ exitCode: 3, answer: { status: 'failed', error: { errno: 'ENOENT' } } });
  });

  it.each([
    [[], /exactly one argument/],
    [['apply', 'persist'], /exactly one argument/],
    [['APPLY'], /Unknown verb "APPLY"/],
    [['apply\n'], /Unknown verb "apply\\n"/],
    [['../apply'], /Unknown verb/],
    [['list'], /Unknown verb "list"/],
  ])('exits 2 for the arguments %j', (args, detail) => {
    const { answer, exitCode } = run(args, PROBE);
    expect(exitCode).toBe(2);
    expect(answer).toMatchObject({ status: 'bad-request', results: [], error: { errno: 'EINVAL', title: 'Bad request' } });
    expect(answer.error?.detail).toMatch(detail);
    expect(answer.error?.remedy).toMatch(/usage: bindery-helper VERB < request.json/);
  });

  it.each<[string, string | Uint8Array, RegExp]>([
    ['too large', `{"operations":[${' '.repeat(64 * 1024)}]}`, /larger than 64 KiB/],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /not UTF-8/],
    ['not JSON', '{"operations":', /not valid JSON: Expected a value at character 14/],
    ['a duplicate key', `{"operations":[],"operations":${PROBE.slice(14, -1)}}`, /Duplicate key "operations"/],
    ['an extra key', `{"operations":[{"kind":"probe","device":"pci/0000:03:00.0","path":"/etc/passwd"}]}`, /operations\.0: Unrecognized key: "path"/],
    ['a newline in a value', '{"operations":[{"kind":"probe","device":"pci/0000:03:00.0\\n"}]}', /operations\.0\.device: a device is named/],
    ['an empty list', '{"operations":[]}', /operations: Too small/],
  ])('exits 2 for a request that is %s, naming what is wrong', (_what, body, detail) => {
    const { answer, exitCode } = run(['apply'], body);
    expect(exitCode).toBe(2);
    expect(answer.error?.detail).toMatch(detail);
    expect(answer.error?.detail).toMatch(/Nothing was changed\.$/);
  });
});
