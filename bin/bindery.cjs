#!/usr/bin/env node
// The `bindery` command as installed by npm; the code is the built CLI bundle.
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  console.error('bindery: the CLI is not built yet. Run `npm run build` in ' + path.join(__dirname, '..'));
  process.exit(4);
}
require(bundle);
