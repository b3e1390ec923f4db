// The machine's context: the root is `/` whatever the environment says; the
// environment only names who asked, and only with plain numbers.
import { describe, expect, it } from 'vitest';
import { requester, systemContext } from '../../../../../../src-main/engine/ops/privileged/context';

describe('systemContext', () => {
  it('acts on / whatever the environment holds', () => {
    const env = { BINDERY_ROOT: '/tmp/x', SYSFS_ROOT: '/tmp/x', ROOT: '/tmp/x', PKEXEC_UID: '1000' };
    expect(systemContext(env)).toMatchObject({ root: '/', who: 'uid 1000 via pkexec' });
  });

  it('names the requester from pkexec, then sudo, then the process', () => {
    expect(requester({ PKEXEC_UID: '1000', SUDO_UID: '1001' }, 0)).toBe('uid 1000 via pkexec');
    expect(requester({ SUDO_UID: '1001' }, 0)).toBe('uid 1001 via sudo');
    expect(requester({}, 0)).toBe('uid 0');
    expect(requester({ PKEXEC_UID: '1000\nforged line', SUDO_UID: '-1' }, 0)).toBe('uid 0');
  });
});
