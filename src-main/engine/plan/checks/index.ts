// Every safety check, in the order their findings are listed within a
// severity. facts-unknown comes last: it reports what the others could not see.
import type { Finding, Goal } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { activeDisplay } from './active-display';
import { childDevices } from './child-devices';
import { defaultRoute } from './default-route';
import { factsUnknown } from './facts-unknown';
import { groupViability } from './group-viability';
import { iommuOff } from './iommu-off';
import { moduleBindsOthers } from './module-side-effects';
import { moduleChecks } from './modules';
import { mountedFilesystem } from './mounted-filesystem';
import type { SafetyCheck } from './moves';
import { movesOf } from './moves';
import { noIommuGroup } from './no-iommu-group';
import { bridgeToVfio, sriovPfWithVfs, vfioDenylisted } from './vfio-refusals';
import { vfioInUse } from './vfio-in-use';

const CHECKS: readonly SafetyCheck[] = [
  iommuOff, noIommuGroup, bridgeToVfio, vfioDenylisted, sriovPfWithVfs,
  mountedFilesystem, activeDisplay, defaultRoute, vfioInUse, groupViability,
  moduleChecks, childDevices, moduleBindsOthers,
  factsUnknown,
];

export function safetyFindings(ctx: PlanContext, goal: Goal, draft: Draft): Finding[] {
  const input = { ctx, goal, draft, moves: movesOf(ctx, draft) };
  return CHECKS.flatMap((check) => check(input));
}
