import { describe, expect, it } from 'vitest';
import { stateDir } from '../../../../../src-main/engine/state/state-dir';

describe('stateDir', () => {
  it('follows XDG_STATE_HOME, and ignores a relative one as the specification says', () => {
    expect(stateDir({ XDG_STATE_HOME: '/var/tmp/state', HOME: '/home/ada' })).toBe('/var/tmp/state/bindery');
    expect(stateDir({ XDG_STATE_HOME: 'relative/state', HOME: '/home/ada' })).toBe('/home/ada/.local/state/bindery');
    expect(stateDir({ HOME: '/home/ada' })).toBe('/home/ada/.local/state/bindery');
  });
});
