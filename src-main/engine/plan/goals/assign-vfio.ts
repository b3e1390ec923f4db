// assign-vfio: hand devices to VFIO with their whole IOMMU groups and the
// functions of their cards that cannot stay behind. Each moving device gets
// the most specific VFIO driver through driver_override, never a new_id rule
// (which would grab every identical card).
import type { Device } from '../../../../src-shared/model';
import type { Finding, PlannedDevice } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import type { VfioChoice } from '../driver-choice';
import { vfioChoice } from '../driver-choice';
import { isBridge, isVfioDevice } from '../driver-kinds';
import { finding } from '../findings';
import type { Member } from '../group-expansion';
import { bridgeStays, expandTargets } from '../group-expansion';
import { StepBuilder } from '../step-builder';
import { withCompanions } from '../summary';
import { listing, named } from '../wording';
import { targetDevices } from './targets';

function notPci(ctx: PlanContext, member: Member): Finding {
  const { device } = member;
  let owner = ctx.find(device.parent ?? '');
  while (owner && owner.bus !== 'pci') owner = ctx.find(owner.parent ?? '');
  const text = member.role === 'target'
    ? `VFIO takes whole PCI functions; ${device.name} is a device on the ${device.bus} bus.`
    : `${device.name}, a device on the ${device.bus} bus, is in the IOMMU group, and Bindery has no VFIO driver for it.`;
  return finding('no-vfio-driver', 'refuse', {
    title: 'No VFIO driver for this device',
    detail: text,
    remedy: owner ? `Assign the PCI device it belongs to, ${named(owner)}.` : 'Pick a PCI device.',
  }, [device], false);
}

function noAliases(ctx: PlanContext, guessed: readonly Device[]): Finding {
  return finding('no-modules-alias', 'warning', {
    title: 'No modules.alias to choose a VFIO driver from',
    detail: `${ctx.aliases.source.message ?? 'The alias database is empty.'} Without it Bindery cannot tell whether a VFIO `
      + `variant driver fits ${listing(guessed.map((d) => d.name))}, so it uses the generic vfio-pci, which works for any PCI function.`,
    remedy: 'Pass --modules-alias with the modules.alias of the running kernel to let Bindery look for variant drivers.',
  }, guessed, false);
}

export function planAssignVfio(ctx: PlanContext, ids: readonly string[]): Draft {
  const targets = targetDevices(ctx, ids, 'Assigning to VFIO');
  const members = expandTargets(ctx, targets, () => true);
  const steps = new StepBuilder(ctx);
  const findings: Finding[] = [];
  const moves: { member: Member; choice: VfioChoice }[] = [];
  const staying = new Map<Member, string>();
  for (const member of members) {
    const { device } = member;
    if (isBridge(device) && member.role !== 'target') staying.set(member, bridgeStays(device));
    else if (isVfioDevice(device)) staying.set(member, `Already on ${device.driver}, a VFIO driver: nothing to do.`);
    else {
      const choice = vfioChoice(ctx, device);
      if (choice === null) {
        findings.push(notPci(ctx, member));
        staying.set(member, 'Bindery has no VFIO driver for it.');
      } else moves.push({ member, choice });
    }
  }
  const guessed = moves.filter((m) => m.choice.guessed).map((m) => m.member.device);
  if (guessed.length > 0) findings.push(noAliases(ctx, guessed));
  // Modules first: a failed load then leaves every device as it was.
  for (const { member } of moves) steps.watch(member.device);
  for (const { choice } of moves) steps.load(choice);
  for (const { member, choice } of moves) steps.moveTo(member.device, { driver: choice.driver, override: choice.driver });

  const devices = members.map((member): PlannedDevice => {
    const stays = staying.get(member);
    if (stays !== undefined) return planned(member.device, member.role === 'target' ? 'target' : 'stays', stays, steps);
    const choice = moves.find((m) => m.member === member)?.choice;
    return planned(member.device, member.role, `${member.reason} ${choice?.why ?? ''}`.trim(), steps);
  });
  const moving = new Set(moves.map((m) => m.member.device.id));
  return { summary: `Assign ${withCompanions(members, moving)} to VFIO`, devices, steps: steps.steps, findings };
}
