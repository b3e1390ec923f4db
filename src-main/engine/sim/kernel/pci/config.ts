// What lspci reads besides the attributes: the first 64 bytes of config
// space (IDs, class, revision, header type, subsystem or bus numbers), and
// `resource` with no resources assigned.
import type { PciHardware } from '../state';

const CONFIG_SIZE = 64;

export function configBytes(hw: PciHardware): Uint8Array {
  const config = Buffer.alloc(CONFIG_SIZE);
  config.writeUInt16LE(hw.ids.vendor, 0x00);
  config.writeUInt16LE(hw.ids.device, 0x02);
  config.writeUInt8(hw.ids.revision, 0x08);
  config.writeUIntLE(hw.ids.classCode, 0x09, 3);
  config.writeUInt8(hw.headerType, 0x0e);
  if (hw.bridge) {
    config.writeUInt8(hw.bus, 0x18);
    config.writeUInt8(hw.bridge.secondary, 0x19);
    config.writeUInt8(hw.bridge.subordinate, 0x1a);
  } else {
    config.writeUInt16LE(hw.ids.subsystemVendor, 0x2c);
    config.writeUInt16LE(hw.ids.subsystemDevice, 0x2e);
  }
  return new Uint8Array(config);
}

const EMPTY_RESOURCE = '0x0000000000000000 0x0000000000000000 0x0000000000000000\n';

/** Six BARs, the ROM and the bridge windows: 13 lines for an endpoint, 17 for a bridge. */
export function resourceText(hw: PciHardware): string {
  return EMPTY_RESOURCE.repeat(hw.bridge ? 17 : 13);
}
