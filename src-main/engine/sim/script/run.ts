// Runs sysfs scripts on a simulated machine: one result line per step, the
// step as written, ` => `, then the result, exactly as the real-kernel runner
// prints them (shared/docs/kernel-vm/README.md).
import path from 'node:path';
import type { SimResult } from '../errno';
import type { SimMachine } from '../machine';
import type { PortInfo } from '../kernel/devlink';
import type { Step, StepError } from './steps';
import { parseStep } from './steps';

const outcome = (result: SimResult<unknown>): string => (result.ok ? 'ok' : `err ${result.errno}`);

/**
 * iproute2's line for a port: devlink puts the port number of a physical port,
 * and `splittable` for every port (devlink_nl_port_attrs_put()); iproute2
 * prints them after the flavour's numbers and before the function. The only
 * physical ports here are netdevsim's, numbered from 1 (port_number = index + 1).
 */
function describePort(info: PortInfo): string {
  const parts = [`${info.handle}:`, 'type eth'];
  if (info.netdev !== null) parts.push(`netdev ${info.netdev}`);
  parts.push(`flavour ${info.flavour}`);
  if (info.flavour === 'pcisf') parts.push(`controller 0 pfnum ${info.pfnum} sfnum ${info.sfnum}`);
  if (info.flavour === 'physical') parts.push(`port ${Number(info.handle.slice(info.handle.lastIndexOf('/') + 1)) + 1}`);
  parts.push('splittable false');
  if (info.flavour === 'pcisf') parts.push(`function: hw_addr ${info.hwAddr} state ${info.state} opstate ${info.opstate}`);
  return parts.join(' ');
}

/** `modprobe -q` of every device's modalias on the bus, in `ls` order, as the test VM's init does. */
function coldplug(machine: SimMachine, bus: string): string {
  const devices = machine.list(`/sys/bus/${bus}/devices`);
  if (!devices.ok) return outcome(devices);
  for (const name of devices.value) {
    const modalias = machine.read(`/sys/bus/${bus}/devices/${name}/modalias`);
    if (modalias.ok) machine.modprobe(modalias.value.trimEnd());
  }
  return 'ok';
}

export function runStep(machine: SimMachine, step: Step): string {
  switch (step.verb) {
    case 'write': case 'printf':
      return outcome(machine.write(step.path, step.data));
    case 'read': {
      const content = machine.read(step.path);
      return content.ok ? (content.value.split('\n', 1)[0] ?? '').trimEnd() : outcome(content);
    }
    case 'link': {
      const target = machine.readLink(step.path);
      return target.ok ? path.posix.basename(target.value) : outcome(target);
    }
    case 'ls': {
      const names = machine.list(step.path);
      return names.ok ? names.value.join(' ') : outcome(names);
    }
    case 'exists':
      return machine.exists(step.path) ? 'yes' : 'no';
    case 'modprobe':
      return outcome(machine.modprobe(step.module, step.params));
    case 'coldplug':
      return coldplug(machine, step.bus);
    case 'settle':
      machine.settle();
      return 'ok';
    case 'vdpa-add':
      return outcome(machine.vdpaDevAdd({
        name: step.name, mgmtdev: step.mgmtdev,
        ...(step.mac === undefined ? {} : { mac: step.mac }),
        ...(step.mtu === undefined ? {} : { mtu: step.mtu }),
        ...(step.maxVqp === undefined ? {} : { maxVqp: step.maxVqp }),
      }));
    case 'vdpa-del':
      return outcome(machine.vdpaDevDel(step.name));
    case 'eswitch':
      return outcome(machine.devlinkEswitchSet(step.device, step.mode));
    case 'param-set':
      return outcome(machine.devlinkParamSet(step.device, step.name, step.value, step.cmode));
    case 'reload':
      return outcome(machine.devlinkReload(step.device));
    case 'port-add': {
      const { flavour, pfnum, sfnum, controller, index } = step;
      const port = machine.devlinkPortAdd(step.device, { flavour, pfnum, sfnum, controller, index });
      return port.ok ? `ok ${port.value}` : outcome(port);
    }
    case 'port-function':
      return outcome(machine.devlinkPortFunctionSet(step.port, {
        ...(step.hwAddr === undefined ? {} : { hwAddr: step.hwAddr }),
        ...(step.state === undefined ? {} : { state: step.state }),
      }));
    case 'port-del':
      return outcome(machine.devlinkPortDel(step.port));
    case 'port-show': {
      const info = machine.devlinkPortShow(step.port);
      return info.ok ? describePort(info.value) : outcome(info);
    }
    case 'vfio-open':
      return outcome(machine.vfioGroupOpen(step.group));
    case 'vfio-close':
      return outcome(machine.vfioGroupClose(step.group));
  }
}

export function isStepError(step: Step | StepError): step is StepError {
  return 'error' in step;
}

/** The result of one script line; null for blank and `#` lines. */
export function runLine(machine: SimMachine, line: string): string | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const step = parseStep(line);
  if (isStepError(step)) return step.usage ? 'err EINVAL' : `bad step: ${step.error}`;
  return runStep(machine, step);
}

/** Every step's line: `<step as written> => <result>`. */
export function runScript(machine: SimMachine, text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const result = runLine(machine, line);
    if (result !== null) out.push(`${line} => ${result}`);
  }
  return out;
}
