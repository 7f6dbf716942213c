#!/usr/bin/env node
// `npm run persona -- …`: the CLI entry, bundled (scripts/bundle-cli.mjs) and run.
import { importBundled } from './bundle-cli.mjs';

const { runPersonaCli } = await importBundled('src/entrypoints/cli/persona.ts', 'persona');
const { out, code } = runPersonaCli(process.argv.slice(2));
(code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
process.exitCode = code;
