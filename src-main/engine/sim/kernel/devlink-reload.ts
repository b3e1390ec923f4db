// devlink parameters and reload (kernel-abi.md 6.2 step 6): a driverinit
// value waits for `devlink dev reload`, which re-creates what the driver
// made from it: mlx5's protocol auxiliary devices (refused while the PF has
// SFs), netdevsim's port netdevs.
import type { Errno } from '../errno';
import type { CoreOps } from './behaviours/context';
import { addProtocolDevices, removeProtocolDevices } from './behaviours/mlx5';
import { addNetdev } from './behaviours/net';
import { devlinkOf } from './devlink';
import type { Kernel } from './kernel';

export type ParamCmode = 'runtime' | 'driverinit' | 'permanent';

/** DEVLINK_CMD_PARAM_SET: every modelled parameter is a driverinit bool. */
export function paramSet(k: Kernel, handle: string, name: string, value: boolean, cmode: ParamCmode): Errno | null {
  const record = devlinkOf(k, handle);
  if (!record) return 'ENODEV';
  if (!(name in record.params)) return 'EINVAL';
  if (cmode !== 'driverinit') return 'EOPNOTSUPP';
  record.params[name] = value;
  return null;
}

/** DEVLINK_CMD_RELOAD with the default action, driver_reinit. */
export function reload(k: Kernel, core: CoreOps, handle: string): Errno | null {
  const record = devlinkOf(k, handle);
  if (!record) return 'ENODEV';
  switch (record.kind) {
    case 'mlx5':
      // mlx5_devlink_reload_down(): "reload is unsupported if SFs are allocated".
      if (record.ports.some((port) => port.sf !== null)) return 'EOPNOTSUPP';
      removeProtocolDevices(k, core, record);
      addProtocolDevices(k, core, record);
      return null;
    case 'mlx5-sf':
      removeProtocolDevices(k, core, record);
      addProtocolDevices(k, core, record);
      return null;
    case 'netdevsim': {
      const dev = k.device(record.device);
      record.ports = record.ports.map((port) => {
        const old = port.netdev === null ? undefined : k.findDevice(port.netdev);
        if (old) core.unregister(k, old);
        return { ...port, netdev: addNetdev({ k, core }, dev, dev).id };
      });
      return null;
    }
  }
}
