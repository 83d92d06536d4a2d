/**
 * npm run bench -- --count N [--kho sinh|van-mau|ca-hai] [...]
 * npm run bench -- --chi-tim-kiem [--dir DIST] (npm run bench:search)
 * Builds the archive with N generated plans beside a bare reference, for
 * each corpus, and measures builds and search; see src/tools/bench.
 */
import { resolve } from 'node:path';
import { main } from '../src/tools/bench/cli.ts';

process.exitCode = await main(process.argv.slice(2), resolve(import.meta.dirname, '..'));
