#!/usr/bin/env node
// The `runner` program's bin. It is committed (and executable) so that `pnpm install` links it
// before anything is built; it starts the built CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    `runner: ${fileURLToPath(cli)} does not exist yet: run pnpm build first (in the repository root)\n`,
  );
  process.exit(2);
}
await import(cli.href);
