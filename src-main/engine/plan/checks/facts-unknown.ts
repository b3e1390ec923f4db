// facts-unknown: what the checks needed to know but the host could not tell
// (a captured tree knows nothing of its machine; only root sees which VFIO
// groups VMs hold). A warning, so an unchecked plan never looks checked.
import type { FactName } from '../context';
import { finding } from '../findings';
import { listing } from '../wording';
import type { SafetyCheck } from './moves';

const WORDS: Readonly<Record<FactName, string>> = {
  mounts: 'which filesystems are mounted',
  defaultRouteInterfaces: 'which interface carries the default route',
  activeDisplays: 'which display is in use',
  vfioGroupsInUse: 'which IOMMU groups a VM holds open',
  blacklistedModules: 'which modules are blacklisted',
  availableModules: 'which modules are installed',
};

export const factsUnknown: SafetyCheck = ({ ctx, draft }) => {
  const unknown = [...ctx.unknownFacts];
  if (unknown.length === 0) return [];
  const captured = ctx.snapshot.host.readOnly;
  return [finding('facts-unknown', 'warning', {
    title: 'Some safety checks could not look',
    detail: `Bindery could not tell ${listing(unknown.map((fact) => WORDS[fact]))}${captured ? ` on ${ctx.snapshot.host.label}, a captured sysfs tree` : ''}, `
      + 'so the checks that need it could not run.',
    remedy: captured
      ? 'A captured tree cannot be changed anyway; plan on the machine itself to have every check run.'
      : `Check ${unknown.length === 1 ? 'it' : 'them'} by hand before applying${unknown.includes('vfioGroupsInUse') ? ' (as root Bindery can see which groups VMs hold)' : ''}.`,
  }, draft.devices.map((d) => d.device), false)];
};
