// Uevents as the kernel broadcasts them (kernel-abi.md 7.2): the header
// fields, then caller keys, then the kobject's own keys, then SEQNUM, with a
// global sequence number that also counts events nobody listens to.

export type UeventAction = 'add' | 'remove' | 'change' | 'move' | 'online' | 'offline' | 'bind' | 'unbind';

export const UEVENT_ACTIONS: readonly UeventAction[] = ['add', 'remove', 'change', 'move', 'online', 'offline', 'bind', 'unbind'];

export interface Uevent {
  readonly action: UeventAction;
  /** Below /sys, without the `/sys` prefix: `/devices/pci0000:00/0000:00:02.0`. */
  readonly devpath: string;
  readonly subsystem: string;
  readonly seqnum: number;
  /** Every `KEY=VALUE` in the kernel's order, `ACTION=` first and `SEQNUM=` last. */
  readonly env: readonly string[];
}

export type UeventListener = (event: Uevent) => void;

/** What an event is about: where it lives, its subsystem, and its own keys (read lazily). */
export interface UeventSource {
  readonly devpath: string;
  readonly subsystem: string;
  readonly keys: () => readonly string[];
}

export class UeventBus {
  private readonly listeners = new Set<UeventListener>();
  /** Internal observers (udev) that need only the action and the keys. */
  private readonly observers = new Set<UeventListener>();

  constructor(private readonly counter: { seqnum: number }) {}

  subscribe(listener: UeventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  observe(observer: UeventListener): void {
    this.observers.add(observer);
  }

  emit(action: UeventAction, source: UeventSource, callerKeys: readonly string[] = []): void {
    this.counter.seqnum += 1;
    const seqnum = this.counter.seqnum;
    if (this.listeners.size === 0 && this.observers.size === 0) return;
    let keys = source.keys();
    // zap_modalias_env(): an unbind must not make udev load the module again.
    if (action === 'unbind') keys = keys.filter((key) => !key.startsWith('MODALIAS='));
    const event: Uevent = {
      action,
      devpath: source.devpath,
      subsystem: source.subsystem,
      seqnum,
      env: [
        `ACTION=${action}`, `DEVPATH=${source.devpath}`, `SUBSYSTEM=${source.subsystem}`,
        ...callerKeys, ...keys, `SEQNUM=${seqnum}`,
      ],
    };
    for (const observer of this.observers) observer(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // A listener's bug must not leave the kernel half way through a change.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
