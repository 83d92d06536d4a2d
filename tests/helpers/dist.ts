/** Reading a built site in tests: files, pages as DOM, text. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function readPage(dir: string, path: string): Document {
  const file = join(dir, path.replace(/^\/+/, ''), path.endsWith('.html') ? '' : 'index.html');
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

/** The text of a table row whose header cell reads `label`. */
export function metaValue(doc: Document, label: string): string | undefined {
  const row = [...doc.querySelectorAll('.meta-table tr')].find((tr) => tr.querySelector('th')?.textContent?.trim() === label);
  return row?.querySelector('td')?.textContent?.replace(/\s+/g, ' ').trim();
}
