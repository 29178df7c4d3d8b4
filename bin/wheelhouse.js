#!/usr/bin/env node
// Entry point for `wheelhouse` (npx wheelhouse ...). The TypeScript sources are bundled into
// dist/ by `npm run build`, which `npm install` runs through the prepare script.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/core/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('wheelhouse: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
