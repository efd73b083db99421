#!/usr/bin/env node
// End-to-end tests: build the static app, serve dist/ on loopback, drive Debian's Chromium
// with playwright-core. Tools that download their own browser do not work here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const chromium = candidates.find((p) => existsSync(p));
if (!chromium) {
  console.error(
    [
      'End-to-end tests need Chromium, and none was found (looked at: ' + candidates.join(', ') + ').',
      'Install it with:   sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary, then run `npm test` again.',
    ].join('\n'),
  );
  process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.E2E_SKIP_BUILD) run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)]);
