// Makes docs/screenshot.png, the README's picture: the real UI, served by the
// bridge from the built bundle, on the captured workstation tree with the
// passthrough GPU selected (its candidates, and the IOMMU group it shares
// with its audio function). Run `node scripts/build.mjs` first.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_ALIAS, FIXTURE_TREE, REPO, launchChromium, openBindery, startBridge } from '../test/e2e/harness.mjs';

const OUT = path.join(REPO, 'docs', 'screenshot.png');

const bridge = await startBridge({ sysfsRoot: FIXTURE_TREE, modulesAlias: FIXTURE_ALIAS });
const browser = await launchChromium();
try {
  const { page, errors } = await openBindery(browser, bridge.url, { width: 1440, height: 900, colorScheme: 'light' });
  await page.getByRole('tree', { name: 'Devices' }).getByRole('treeitem', { name: /^0000:01:00\.0 / }).click();
  await page.getByRole('region', { name: 'Device details' }).getByRole('list', { name: 'Candidate drivers' }).waitFor();
  if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`Wrote ${path.relative(REPO, OUT)}`);
} finally {
  await browser.close();
  await bridge.stop();
}
