// Paths of the modules.alias fixtures (test/fixtures/README.md says where they come from).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../fixtures/modules-alias');

/** Debian 6.12.113 amd64: 27,429 aliases, only the generic `vfio_pci:` line. */
export const DEBIAN_6_12 = path.join(FIXTURES, 'modules.alias.debian-6.12.113-amd64');

/** The same plus the `vfio_pci:` lines of the in-tree VFIO variant drivers. */
export const VFIO_VARIANTS_6_12 = path.join(FIXTURES, 'modules.alias.vfio-variants-6.12');
