// default-route: a NIC the host loses must not carry the default route, or
// the host drops off the network (and the SSH session doing this with it).
// Forceable: a person at the console may mean it.
import { finding } from '../findings';
import { listing, named } from '../wording';
import type { SafetyCheck } from './moves';
import { leavesHost } from './moves';

export const defaultRoute: SafetyCheck = ({ ctx, moves }) => {
  const losing = moves.filter(leavesHost)
    .map(({ device, planned }) => ({ device, from: planned.before.driver, nets: ctx.classDevicesOf(device, 'net') }))
    .filter(({ nets }) => nets.length > 0);
  if (losing.length === 0) return [];
  const routes = ctx.fact('defaultRouteInterfaces');
  if (routes === null) return [];
  return losing.flatMap(({ device, from, nets }) => {
    const routed = nets.filter((net) => routes.includes(net));
    if (routed.length === 0) return [];
    return [finding('default-route', 'refuse', {
      title: 'This network interface carries the default route',
      detail: `The default route leaves by ${listing(routed)} of ${named(device)}. Taking it from ${from ?? 'its driver'} cuts this host `
        + 'off the network, including any remote session you are using to do this.',
      remedy: 'Route the host through another interface first, or override this refusal and apply anyway from the local console.',
    }, [device], true)];
  });
};
