/**
 * Writes dist/SHA256SUMS at the end of the build, so anyone can check that a
 * deployed copy is exactly what the source builds (`npm run verify -- <dir>`).
 *
 * Integrations run their `astro:build:done` hooks in the order of the config's
 * list, so this one must come last: after the sitemap and after Pagefind have
 * written their files. It refuses to run anywhere else rather than write a
 * list that silently misses files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatSums, SUMS_FILE } from '../lib/checksums.ts';
import { hashTree } from '../lib/hash-tree.ts';

const NAME = 'kho-checksums';

export function checksums(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:done': ({ config }) => {
        const names = config.integrations.map((i) => i.name);
        if (names.at(-1) !== NAME) {
          throw new Error(
            `${NAME} must be the last integration in astro.config.mjs, so that ${SUMS_FILE} covers every file the others write; the order now is: ${names.join(', ')}`,
          );
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const sums = hashTree(root);
        writeFileSync(join(root, SUMS_FILE), formatSums(sums));
        logger.info(`${SUMS_FILE}: ${sums.size.toLocaleString('vi-VN')} tệp.`);
      },
    },
  };
}
