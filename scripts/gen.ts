/**
 * npm run gen -- --count N --out DIR [--seed S] [--van-mau]
 * Synthetic plan entries for scale tests and benchmarks; see src/tools/generator.
 */
import { resolve } from 'node:path';
import { main } from '../src/tools/generator/cli.ts';

process.exitCode = main(process.argv.slice(2), resolve(import.meta.dirname, '..'));
