// netdevsim's driver: each port of a new device is a netdev and a physical
// devlink port of the instance `netdevsim/netdevsimN`.
import { addDevlink, removeDevlink } from '../devlink';
import type { Behaviour } from './context';
import { addNetdev } from './net';

export const netdevsim: Behaviour = {
  create: (ctx) => {
    const ports = Array.from({ length: ctx.dev.nsim?.ports ?? 0 }, (_, index) => ({
      index, flavour: 'physical' as const, netdev: addNetdev(ctx, ctx.dev, ctx.dev).id, sf: null,
    }));
    addDevlink(ctx.k, {
      handle: `netdevsim/${ctx.dev.name}`, device: ctx.dev.id, kind: 'netdevsim', eswitch: 'legacy',
      maxSfs: 0, pfnum: 0, adevIdx: null, ports, params: {},
    });
  },
  remove: (ctx) => {
    removeDevlink(ctx.k, `netdevsim/${ctx.dev.name}`);
  },
};
