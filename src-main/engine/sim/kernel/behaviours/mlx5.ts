// mlx5_core (kernel-abi.md 6.2, 6.3): a bound function gets a devlink
// instance `pci/<BDF>` (eswitch legacy) and auxiliary devices for its
// netdev and RDMA sides, named with an index from mlx5's shared IDA; an SF's
// auxiliary device, once its driver binds, is "in use" and has a devlink
// instance of its own.
import { addDevlink, devlinkOf, removeDevlink, sfOfAux, teardownSfs } from '../devlink';
import type { Behaviour } from './context';

export const mlx5: Behaviour = {
  create: (ctx) => {
    const { k, dev } = ctx;
    const idx = k.ida('mlx5_adev').alloc();
    addDevlink(k, {
      handle: `pci/${dev.name}`, device: dev.id, kind: 'mlx5', eswitch: 'legacy',
      maxSfs: dev.pci?.hw.devlink?.maxSfs ?? 0, pfnum: (dev.pci?.hw.devfn ?? 0) & 7, adevIdx: idx, ports: [],
    });
    for (const side of ['eth', 'rdma']) {
      ctx.core.register(k, {
        name: `mlx5_core.${side}.${idx}`, parent: dev.id, bus: 'auxiliary', cls: null, createdBy: dev.id, devnode: null,
        aux: { sfnum: null },
      });
    }
  },
  remove: (ctx) => {
    const record = devlinkOf(ctx.k, `pci/${ctx.dev.name}`);
    if (!record) return;
    teardownSfs(ctx.k, ctx.core, record);
    removeDevlink(ctx.k, record.handle);
    if (record.adevIdx !== null) ctx.k.ida('mlx5_adev').free(record.adevIdx);
  },
};

export const mlx5Sf: Behaviour = {
  create: (ctx) => {
    const sf = sfOfAux(ctx.k, ctx.dev);
    if (sf) sf.hwState = 'IN_USE';
    addDevlink(ctx.k, {
      handle: `auxiliary/${ctx.dev.name}`, device: ctx.dev.id, kind: 'mlx5-sf', eswitch: null,
      maxSfs: 0, pfnum: sf?.pfnum ?? 0, adevIdx: null, ports: [],
    });
  },
  remove: (ctx) => {
    const sf = sfOfAux(ctx.k, ctx.dev);
    if (sf?.hwState === 'IN_USE') sf.hwState = 'ACTIVE';
    removeDevlink(ctx.k, `auxiliary/${ctx.dev.name}`);
  },
};
