// return-to-host: give devices on VFIO back to the host, with the rest of
// their groups and cards that are on VFIO too: unbind from the VFIO driver,
// clear the override, bind the driver they had (remembered) or the best
// installed host driver.
import type { Device } from '../../../../src-shared/model';
import type { DriverState, Finding, PlannedDevice } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import type { DriverChoice } from '../driver-choice';
import { hostChoice, vfMayProbe } from '../driver-choice';
import { isVfioDriver } from '../../../../src-shared/driver-kinds';
import { isBridge, isVfioDevice } from '../driver-kinds';
import { finding } from '../findings';
import type { Member } from '../group-expansion';
import { bridgeStays, expandTargets } from '../group-expansion';
import { StepBuilder } from '../step-builder';
import { withCompanions } from '../summary';
import { listing } from '../wording';
import { targetDevices } from './targets';

/** On a VFIO driver, or held for one by its override while unbound. */
export function heldForVfio(device: Device): boolean {
  return device.bus === 'pci' && (isVfioDevice(device) || (device.driver === null && isVfioDriver(device.driverOverride)));
}

/** Why nothing will drive the device once it leaves VFIO: refused, but a person may force it to be left unbound. */
export function noHostDriver(ctx: PlanContext, device: Device, notInstalled: readonly string[]): Finding {
  const noAliases = ctx.aliases.source.status !== 'ok';
  const why = noAliases
    ? `Bindery has no modules.alias to find a host driver for it (${ctx.aliases.source.message ?? 'it is empty'}), and no history says which driver it had.`
    : notInstalled.length > 0
      ? `The drivers that match it are not installed here (${listing(notInstalled)}), and no history says which driver it had.`
      : 'No host driver lists it in its ID table, and no history says which driver it had.';
  return finding(noAliases ? 'no-modules-alias' : 'no-host-driver', 'refuse', {
    title: 'No host driver to return it to',
    detail: `${device.name}: ${why} Forced, it is left without a driver and without an override.`,
    remedy: notInstalled.length > 0
      ? `Install ${listing(notInstalled)} for this kernel, or bind it to a driver you name (bindery apply bind ${device.id} DRIVER).`
      : `Bind it to a driver you name (bindery apply bind ${device.id} DRIVER).`,
  }, [device], true);
}

/** The state to return a device to: the override stays only where the driver would not match without it. */
export function hostState(ctx: PlanContext, device: Device, choice: DriverChoice): DriverState {
  const forced = choice.matchesById === false || !vfMayProbe(ctx, device, null);
  return { driver: choice.driver, override: forced && device.supportsOverride ? choice.driver : null };
}

export function planReturnToHost(ctx: PlanContext, ids: readonly string[]): Draft {
  const targets = targetDevices(ctx, ids, 'Returning to the host');
  const members = expandTargets(ctx, targets, (device) => heldForVfio(device));
  const steps = new StepBuilder(ctx);
  const findings: Finding[] = [];
  const moves: { member: Member; choice: DriverChoice | null }[] = [];
  const staying = new Map<Member, string>();
  for (const member of members) {
    const { device } = member;
    if (isBridge(device)) staying.set(member, bridgeStays(device));
    else if (!heldForVfio(device)) staying.set(member, `Not on VFIO (${device.driver ?? 'no driver'}): it stays as it is.`);
    else {
      const { choice, notInstalled } = hostChoice(ctx, device);
      if (choice === null) findings.push(noHostDriver(ctx, device, notInstalled));
      moves.push({ member, choice });
    }
  }
  for (const { member } of moves) steps.watch(member.device);
  for (const { choice } of moves) if (choice) steps.load(choice);
  for (const { member, choice } of moves) {
    steps.moveTo(member.device, choice ? hostState(ctx, member.device, choice) : { driver: null, override: null });
  }

  const devices = members.map((member): PlannedDevice => {
    const stays = staying.get(member);
    if (stays !== undefined) return planned(member.device, member.role === 'target' ? 'target' : 'stays', stays, steps);
    const choice = moves.find((m) => m.member === member)?.choice;
    const back = choice ? `Back to ${choice.why}` : 'No host driver: it is left without one.';
    return planned(member.device, member.role, member.role === 'target' ? back : `${member.reason} ${back}`, steps);
  });
  const moving = new Set(moves.map((m) => m.member.device.id));
  return { summary: `Return ${withCompanions(members, moving)} to the host`, devices, steps: steps.steps, findings };
}
