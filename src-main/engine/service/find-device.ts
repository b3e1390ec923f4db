// Finds the device a person means: `bus/name`, a bare name, or a PCI address
// without its domain (`00:02.0`, as lspci prints it).
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { Device, Snapshot } from '../../../src-shared/model';

const SHORT_PCI = /^[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/i;

export function findDevice(snapshot: Snapshot, query: string): Device {
  const wanted = query.trim();
  const exact = snapshot.devices.find((d) => d.id === wanted);
  if (exact) return exact;
  const name = SHORT_PCI.test(wanted) ? `0000:${wanted.toLowerCase()}` : wanted;
  const named = snapshot.devices.filter((d) => d.name === name || (d.bus === 'pci' && d.name === name.toLowerCase()));
  if (named.length === 1) return named[0] as Device;
  if (named.length > 1) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'Which device?', `"${wanted}" names ${named.length} devices: ${named.map((d) => d.id).join(', ')}.`,
        'Write BUS/NAME to pick one.'),
    );
  }
  const buses = [...new Set(snapshot.devices.map((d) => d.bus))].join(', ');
  throw new BinderyFailure(
    bindery('UNKNOWN_DEVICE', 'No such device', `There is no device "${wanted}" on ${snapshot.host.label}.`,
      `Run "bindery list" to see the devices (buses here: ${buses || 'none'}).`),
  );
}
