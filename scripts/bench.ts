/**
 * npm run bench -- --count N [--seed S] [--report PATH]
 * Builds the archive with N generated plans beside a bare reference and
 * measures both; see src/tools/bench and docs/architecture.md.
 */
import { resolve } from 'node:path';
import { main } from '../src/tools/bench/cli.ts';

process.exitCode = await main(process.argv.slice(2), resolve(import.meta.dirname, '..'));
