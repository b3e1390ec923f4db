// How candidate drivers are named on screen.
import type { CandidateKind } from '../../src-shared/candidates';

export const KIND_LABELS: Readonly<Record<CandidateKind, string>> = {
  driver: 'host driver',
  'vfio-variant': 'VFIO variant',
  'vfio-generic': 'VFIO generic',
};

export const KIND_DESCRIPTIONS: Readonly<Record<CandidateKind, string>> = {
  driver: 'A driver that uses the device on this host.',
  'vfio-variant': 'A device-specific VFIO driver: hands the device to a VM with extra support (migration, quirks).',
  'vfio-generic': 'The generic vfio-pci driver: hands any PCI device to a VM.',
};
