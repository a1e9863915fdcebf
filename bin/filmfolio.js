#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is how Node loads the build */
// The `filmfolio` command line: the built CLI (npm run build writes out/cli/index.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'cli', 'index.js');
if (!existsSync(built)) {
  process.stderr.write('filmfolio: the command line is not built yet. Run `npm run build` first.\n');
  process.exit(1);
}
require(built);
