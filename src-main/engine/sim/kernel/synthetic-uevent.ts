// Writing a `uevent` file (kernel-abi.md 7.3): "ACTION [UUID [KEY=VALUE...]]"
// synthesises an event with SYNTH_UUID and SYNTH_ARG_ keys, as
// kobject_synth_uevent() does; `udevadm trigger` replays coldplug this way.
import type { Errno } from '../errno';
import type { UeventAction } from './uevents';
import { UEVENT_ACTIONS } from './uevents';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function parseSyntheticUevent(text: string): { errno: Errno } | { action: UeventAction; keys: string[] } {
  let body = text;
  if (body.endsWith('\n') || body.endsWith('\0')) body = body.slice(0, -1);
  if (body === '') return { errno: 'EINVAL' };
  const space = body.indexOf(' ');
  const word = space < 0 ? body : body.slice(0, space);
  const action = UEVENT_ACTIONS.find((candidate) => candidate === word);
  if (!action) return { errno: 'EINVAL' };
  if (space < 0) return { action, keys: ['SYNTH_UUID=0'] };
  const [uuid = '', ...args] = body.slice(space + 1).split(' ');
  if (!UUID.test(uuid)) return { errno: 'EINVAL' };
  const keys = [`SYNTH_UUID=${uuid}`];
  for (const arg of args) {
    if (arg === '') continue;
    const eq = arg.indexOf('=');
    if (eq <= 0 || !/^[0-9A-Za-z]+$/.test(arg.slice(0, eq))) return { errno: 'EINVAL' };
    keys.push(`SYNTH_ARG_${arg}`);
  }
  return { action, keys };
}
