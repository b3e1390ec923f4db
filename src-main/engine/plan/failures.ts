// The only errors the planner throws: goals that make no sense on this host.
// Everything else (unsafe, impossible) is a finding in the plan.
import { BinderyFailure, bindery } from '../../../src-shared/errors';

export function badInput(title: string, detail: string, remedy: string | null = null): BinderyFailure {
  return new BinderyFailure(bindery('BAD_INPUT', title, detail, remedy));
}

export function unknownDevice(id: string, hostLabel: string): BinderyFailure {
  return new BinderyFailure(
    bindery('UNKNOWN_DEVICE', 'No such device', `There is no device "${id}" on ${hostLabel}.`,
      'Run "bindery list" to see the devices, and name one as BUS/NAME (pci/0000:01:00.0).'),
  );
}
