// active-display: a GPU the host loses must not drive the screen in use
// (a DRM card of it, or of what its driver created, in activeDisplays).
// Forceable: a machine run headless, or reached over the network, may not
// need it. When the host cannot tell, the firmware's boot display alone is
// a warning.
import type { Finding } from '../../../../src-shared/plan';
import { finding } from '../findings';
import { listing, named } from '../wording';
import type { SafetyCheck } from './moves';
import { leavesHost } from './moves';

export const activeDisplay: SafetyCheck = ({ ctx, moves }) => {
  const losing = moves.filter(leavesHost).map(({ device, planned }) => ({
    device,
    from: planned.before.driver ?? 'its driver',
    cards: ctx.classDevicesOf(device, 'drm').filter((name) => /^card\d+$/.test(name)),
  })).filter(({ device, cards }) => cards.length > 0 || device.pci?.bootVga === true);
  if (losing.length === 0) return [];
  const active = ctx.fact('activeDisplays');
  return losing.flatMap(({ device, from, cards }): Finding[] => {
    const boot = device.pci?.bootVga === true ? ' It is also the firmware\'s boot display.' : '';
    if (active === null) {
      if (device.pci?.bootVga !== true) return [];
      return [finding('active-display', 'warning', {
        title: 'This may be the display in use',
        detail: `${named(device)} is the firmware's boot display (boot_vga), and Bindery could not tell which display is in use. `
          + `If it shows your desktop or console, taking it from ${from} turns that screen off.`,
        remedy: 'Make sure another GPU drives your screen, or that you can reach the machine over the network.',
      }, [device], false)];
    }
    const showing = cards.filter((card) => active.includes(card));
    if (showing.length === 0) return [];
    return [finding('active-display', 'refuse', {
      title: 'This GPU drives the display in use',
      detail: `${named(device)} shows the desktop or console now (${listing(showing)}).${boot} `
        + `Taking it from ${from} turns that screen off, and the session on it may end.`,
      remedy: 'Move your screen to another GPU first (connect the monitor there, and set it as the boot display in the firmware setup), '
        + 'or, if you run this machine headless, override this refusal and apply anyway.',
    }, [device], true)];
  });
};
