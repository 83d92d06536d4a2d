/**
 * npm run build [-- astro build options]
 * Builds the archive into dist/ (or KHO_OUT_DIR); KHO_MAX_HEAP_MB sets Node's
 * heap limit for large archives. See src/tools/build-runner.ts.
 */
import { resolve } from 'node:path';
import { runBuild } from '../src/tools/build-runner.ts';

try {
  process.exitCode = (await runBuild(resolve(import.meta.dirname, '..'), process.argv.slice(2))).code;
} catch (error) {
  // Only a bad KHO_MAX_HEAP_MB or a missing Astro get here: say what, not where.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
