// Which VFIO driver to use for a PCI device, by libvirt's rule for VFIO
// variant drivers: among the `vfio_pci:` lines, those whose every field is
// either exactly `*` or equal to the device's; the one with the fewest `*`
// wins, the first in the file on a tie; none means the generic vfio_pci.
import type { AliasEntry } from './alias-file';
import { VFIO_PCI_FORMAT, splitFields } from './modalias-formats';
import { patternFields } from './pattern-fields';

export const GENERIC_VFIO_MODULE = 'vfio_pci';

/**
 * `entries`: the database's `vfio_pci:` entries in file order. `pciBody`: a
 * valid PCI modalias without its `pci:` (or `vfio_pci:`) prefix.
 */
export function chooseVfioModule(entries: readonly AliasEntry[], pciBody: string): string {
  const device = splitFields(VFIO_PCI_FORMAT, pciBody);
  if (!device) return GENERIC_VFIO_MODULE;
  let best: { module: string; stars: number } | null = null;
  for (const entry of entries) {
    const parsed = patternFields(entry.normalized);
    if (parsed?.format !== VFIO_PCI_FORMAT) continue;
    const fits = parsed.fields.every((field, i) => field.kind === 'any' || (field.kind === 'exact' && field.value === device[i]));
    if (!fits) continue;
    const stars = [...entry.normalized].filter((c) => c === '*').length;
    if (!best || stars < best.stars) best = { module: entry.module, stars };
  }
  return best?.module ?? GENERIC_VFIO_MODULE;
}
