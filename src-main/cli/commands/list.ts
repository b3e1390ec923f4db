// `bindery list`: every device, optionally of one bus.
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { Snapshot } from '../../../src-shared/model';
import { deviceJson } from '../format/device-json';
import { classDeviceList, deviceTitle } from '../format/labels';
import { table } from '../format/table';

export function listDevices(snapshot: Snapshot, bus: string | null, json: boolean): string {
  if (bus !== null && !snapshot.buses.some((b) => b.name === bus)) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'No such bus', `There is no bus "${bus}" on ${snapshot.host.label}.`,
        `Buses here: ${snapshot.buses.map((b) => b.name).join(', ')}.`),
    );
  }
  const devices = snapshot.devices.filter((d) => bus === null || d.bus === bus);
  if (json) return JSON.stringify(devices.map(deviceJson), null, 2);
  if (devices.length === 0) return bus ? `No devices on bus ${bus}.` : 'No devices.';
  return table(
    ['BUS', 'DEVICE', 'DRIVER', 'GROUP', 'DESCRIPTION', 'ALSO KNOWN AS'],
    devices.map((d) => [
      d.bus,
      d.name,
      d.driver ?? '-',
      d.iommuGroup === null ? '-' : String(d.iommuGroup),
      deviceTitle(d),
      classDeviceList(d),
    ]),
  );
}
