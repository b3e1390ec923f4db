// Builds a plan's steps and follows the state they leave each device in.
// Every step says what must hold before it, what holds after it, and what
// undoes it; a device is moved as unbind, then override, then bind or probe,
// so that running the inverses in reverse walks the same path back.
import type { Device, DeviceId } from '../../../src-shared/model';
import type { Check, DriverState, Operation, Step } from '../../../src-shared/plan';
import type { PlanContext } from './context';
import type { DriverChoice } from './driver-choice';
import { vfMayProbe } from './driver-choice';
import { listing } from './wording';

/** Whether registering `choice`'s driver binds the device by itself (driver_attach on module load). */
function takesOnLoad(ctx: PlanContext, device: Device, state: DriverState, choice: DriverChoice): boolean {
  if (state.driver !== null || !ctx.busAutoprobe(device.bus) || !vfMayProbe(ctx, device, state.override)) return false;
  return state.override === choice.driver || (state.override === null && choice.matchesById === true);
}

export class StepBuilder {
  private readonly list: Step[] = [];
  private readonly states = new Map<DeviceId, DriverState>();
  private readonly watched = new Map<DeviceId, Device>();
  /** Modules this plan loads, by the driver that needed them. */
  private readonly loaded = new Map<string, string>();

  constructor(private readonly ctx: PlanContext) {}

  /** A device of the plan: module loads are checked for binding it by themselves. */
  watch(device: Device): void {
    this.watched.set(device.id, device);
  }

  state(device: Device): DriverState {
    return this.states.get(device.id) ?? { driver: device.driver, override: device.driverOverride };
  }

  get steps(): readonly Step[] {
    return this.list;
  }

  private push(operation: Operation, description: string, preconditions: Check[], expect: Check[], inverse: Operation | null): void {
    this.list.push({ index: this.list.length, operation, description, preconditions, expect, inverse });
  }

  private set(device: Device, change: Partial<DriverState>): void {
    this.states.set(device.id, { ...this.state(device), ...change });
  }

  /** `modprobe` of the driver's module unless it is there already; notes which plan devices its driver takes at once. */
  load(choice: DriverChoice): void {
    const module = choice.module;
    if (choice.registered || module === null || [...this.loaded.values()].includes(module)) return;
    this.loaded.set(choice.driver, module);
    const taken = [...this.watched.values()].filter((device) => takesOnLoad(this.ctx, device, this.state(device), choice));
    const expect: Check[] = [
      { kind: 'module-loaded', module },
      ...taken.map((device): Check => ({ kind: 'driver', device: device.id, driver: choice.driver })),
    ];
    const binds = taken.length > 0 ? `; ${choice.driver} takes ${listing(taken.map((d) => d.name))} as it registers` : '';
    this.push({ kind: 'load-module', module }, `Load module ${module}${binds}`, [], expect, null);
    for (const device of taken) this.set(device, { driver: choice.driver });
  }

  private loadedCheck(driver: string): Check[] {
    const module = this.loaded.get(driver);
    return module === undefined ? [] : [{ kind: 'module-loaded', module }];
  }

  unbind(device: Device): void {
    const { driver } = this.state(device);
    if (driver === null) return;
    this.push(
      { kind: 'unbind', device: device.id, driver },
      `Unbind ${device.name} from ${driver}`,
      [{ kind: 'driver', device: device.id, driver }],
      [{ kind: 'driver', device: device.id, driver: null }],
      { kind: 'bind', device: device.id, driver },
    );
    this.set(device, { driver: null });
  }

  /** `why` ends the description, for an override that is not the one the device ends with. */
  setOverride(device: Device, driver: string | null, why = ''): void {
    const { override } = this.state(device);
    if (override === driver) return;
    this.push(
      { kind: 'set-override', device: device.id, driver },
      driver === null ? `Clear the driver override of ${device.name} (${override})${why}` : `Set the driver override of ${device.name} to ${driver}${why}`,
      [{ kind: 'override', device: device.id, driver: override }],
      [{ kind: 'override', device: device.id, driver }],
      { kind: 'set-override', device: device.id, driver: override },
    );
    this.set(device, { override: driver });
  }

  /** drivers_probe: the driver the override names takes the device (PCI forces the match). */
  probe(device: Device, driver: string): void {
    this.push(
      { kind: 'probe', device: device.id },
      `Probe ${device.name}, so that ${driver} takes it`,
      [{ kind: 'driver', device: device.id, driver: null }, { kind: 'override', device: device.id, driver }, ...this.loadedCheck(driver)],
      [{ kind: 'driver', device: device.id, driver }],
      { kind: 'unbind', device: device.id, driver },
    );
    this.set(device, { driver });
  }

  bind(device: Device, driver: string): void {
    this.push(
      { kind: 'bind', device: device.id, driver },
      `Bind ${device.name} to ${driver}`,
      [{ kind: 'driver', device: device.id, driver: null }, { kind: 'override', device: device.id, driver: this.state(device).override },
        ...this.loadedCheck(driver)],
      [{ kind: 'driver', device: device.id, driver }],
      { kind: 'unbind', device: device.id, driver },
    );
    this.set(device, { driver });
  }

  /**
   * Moves a device to `to` with the fewest steps: unbind (if it must leave
   * its driver), set the override, then probe (when the override names the
   * new driver) or bind. Load the driver's module first with `load`. A
   * device whose override would keep its own driver from binding it again
   * first gets an override naming that driver, so every inverse works.
   */
  moveTo(device: Device, to: DriverState): void {
    const from = this.state(device);
    if (from.driver !== null && from.driver !== to.driver) {
      // The unbind's inverse binds it back, which only matches while the override allows it (kernel-abi.md 1.4, 3.5).
      const blocked = from.override === null ? !vfMayProbe(this.ctx, device, null) : from.override !== from.driver;
      if (device.supportsOverride && blocked) this.setOverride(device, from.driver, `, so that ${from.driver} can take it back if the plan is undone`);
      this.unbind(device);
    }
    if (device.supportsOverride) this.setOverride(device, to.override);
    if (to.driver === null || this.state(device).driver === to.driver) return;
    if (this.state(device).override === to.driver) this.probe(device, to.driver);
    else this.bind(device, to.driver);
  }
}
