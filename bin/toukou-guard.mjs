#!/usr/bin/env node
// The command-line checker. Runs the TypeScript sources through tsx, so it works from a fresh
// clone after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
