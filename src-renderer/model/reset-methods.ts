// PCI reset methods (docs/kernel-abi.md 3.3) in words: a VM can only be given a
// device that can be reset between uses, and `bus` alone resets the neighbours too.
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  device_specific: 'a quirk written for this device',
  acpi: 'the firmware\'s _RST method',
  flr: 'function-level reset',
  af_flr: 'function-level reset (Advanced Features)',
  pm: 'power cycle through D3hot',
  bus: 'secondary bus reset: resets every device behind the same bridge',
  cxl_bus: 'CXL bus reset',
};

export function resetMethodDescription(method: string): string {
  return DESCRIPTIONS[method] ?? 'reset method';
}
