// `bindery persist|unpersist|persisted`: devices kept on a driver across reboots.
import type { PersistenceState } from '../../../src-shared/plan';
import { table } from '../format/table';

export function persistedText(state: PersistenceState, json: boolean): string {
  if (json) return JSON.stringify(state, null, 2);
  if (!state.supported) return 'This host keeps nothing across reboots (a captured tree).';
  const lines: string[] = [];
  if (state.problem) lines.push(`The saved list cannot be read: ${state.problem}`, '');
  lines.push(state.devices.length === 0
    ? 'No device is kept on a driver across reboots.'
    : table(['DEVICE', 'DRIVER AT BOOT', 'PRESENT'], state.devices.map((d) => [d.device, d.driver, d.present ? 'yes' : 'no (not there, or another card)'])));
  if (state.driverctl.length > 0) {
    lines.push('', 'driverctl overrides (bindery persisted --import-driverctl keeps them with Bindery):',
      table(['DEVICE', 'DRIVER'], state.driverctl.map((d) => [d.device, d.driver])));
  }
  return lines.join('\n');
}
