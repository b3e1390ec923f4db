// Who made the device and what it is, with the IDs beside the names (lspci -nn),
// where it lives in sysfs, and the modalias that driver matching starts from.
import type { Device, DeviceId } from '../../../src-shared/model';
import { CopyButton } from '../../components/CopyButton';
import { DeviceLink } from '../../components/DeviceLink';
import { Facts } from '../../components/Facts';
import type { Fact } from '../../components/Facts';
import { Section } from '../../components/Section';
import { hex, nameWithId, pciClassCode } from '../../model/device-labels';

interface IdentitySectionProps {
  readonly device: Device;
  readonly parent: Device | null;
  readonly onSelect: (id: DeviceId) => void;
}

function pciFacts(device: Device): (Fact | null)[] {
  const pci = device.pci;
  if (!pci) return [];
  const pciClass = pciClassCode(device);
  const { names } = device;
  return [
    { label: 'Vendor', value: nameWithId(names.vendor, hex(pci.vendor)) },
    { label: 'Device', value: nameWithId(names.device, hex(pci.device)) },
    {
      label: 'Subsystem',
      value: `${[names.subsystemVendor, names.subsystemDevice].filter(Boolean).join(' ') || 'unknown'} [${hex(pci.subsystemVendor)}:${hex(pci.subsystemDevice)}]`,
    },
    { label: 'Class', value: nameWithId(names.class, pciClass?.code ?? null) },
    pciClass && (names.progIf || pciClass.progIf !== '00')
      ? { label: 'Prog. interface', value: nameWithId(names.progIf, pciClass.progIf) }
      : null,
    { label: 'Revision', value: <code>{hex(pci.revision)}</code> },
  ];
}

function usbFacts(device: Device): (Fact | null)[] {
  const usb = device.usb;
  if (!usb) return [];
  return [
    { label: 'Vendor', value: nameWithId(device.names.vendor ?? usb.manufacturer, usb.vendor) },
    { label: 'Product', value: nameWithId(device.names.device ?? usb.productName, usb.product) },
    usb.class ? { label: usb.isInterface ? 'Interface class' : 'Device class', value: nameWithId(device.names.class, usb.class) } : null,
    usb.speed ? { label: 'Speed', value: `${usb.speed} Mbit/s` } : null,
  ];
}

function otherFacts(device: Device): (Fact | null)[] {
  if (device.pci || device.usb) return [];
  const { names } = device;
  return [
    names.vendor ? { label: 'Vendor', value: names.vendor } : null,
    names.device ? { label: 'Device', value: names.device } : null,
    names.class ? { label: 'Class', value: names.class } : null,
  ];
}

export function IdentitySection({ device, parent, onSelect }: IdentitySectionProps) {
  return (
    <Section title="Identity">
      <Facts
        facts={[
          ...pciFacts(device),
          ...usbFacts(device),
          ...otherFacts(device),
          {
            label: 'Modalias',
            value: device.modalias ? (
              <span className="value-with-action">
                <code className="modalias">{device.modalias}</code>
                <CopyButton value={device.modalias} label="Copy modalias" />
              </span>
            ) : (
              <span className="muted">none: this device has no modalias, so no driver is matched to it by alias</span>
            ),
          },
          {
            label: 'Parent',
            value: device.parent ? (
              <DeviceLink id={device.parent} device={parent} onSelect={onSelect} />
            ) : (
              <span className="muted">none (top of its bus)</span>
            ),
          },
          {
            label: 'Sysfs path',
            value: (
              <span className="value-with-action">
                <code>{device.sysfsPath}</code>
                <CopyButton value={device.sysfsPath} label="Copy sysfs path" />
              </span>
            ),
          },
        ]}
      />
    </Section>
  );
}
