// A scenario's facts must hold on the machine it boots into: a mounted
// `/dev/...` is one of its block devices (a partition that does not exist is
// an error), the default route leaves by interfaces it has, the display is
// one of its DRM cards. Names come from the booted kernel and udev, so this
// runs after the boot steps.
import type { SimMachine } from '../machine';
import type { HostFacts } from '../kernel/state';

export function factsProblems(machine: SimMachine, facts: HostFacts): string[] {
  const problems: string[] = [];
  facts.mounts.forEach((mount, i) => {
    if (!mount.source.startsWith('/dev/')) return;
    const name = mount.source.slice('/dev/'.length);
    if (name.includes('/') || !machine.exists(`/sys/class/block/${name}`)) {
      problems.push(`facts.mounts[${i}].source: ${mount.source} is not a block device of the booted machine`);
    }
  });
  facts.defaultRoute.forEach((iface, i) => {
    if (!machine.exists(`/sys/class/net/${iface}`)) problems.push(`facts.defaultRoute[${i}]: the booted machine has no interface ${iface}`);
  });
  if (facts.display !== null && !machine.exists(`/sys/class/drm/${facts.display}`)) {
    problems.push(`facts.display: the booted machine has no DRM card ${facts.display}`);
  }
  return problems;
}
