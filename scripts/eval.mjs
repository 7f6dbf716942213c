#!/usr/bin/env node
// `npm run eval -- <export.json>`: the CLI entry, bundled (scripts/bundle-cli.mjs) and run.
import { importBundled, repo } from './bundle-cli.mjs';

const { main } = await importBundled('src/entrypoints/cli/eval.ts', 'eval');
process.exitCode = await main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), repo });
