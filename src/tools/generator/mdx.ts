/**
 * Writes a generated plan as an MDX entry. A hand-rolled YAML emitter for the
 * one shape plans have: every string double-quoted through JSON.stringify
 * (JSON escapes are valid YAML), so no value can be misread as a date, a
 * number or YAML syntax, and 100,000 entries serialise in a second or two.
 */

function emit(value: unknown, indent: string, out: string[], key: string, listItem = false): void {
  const lead = listItem ? `${indent.slice(2)}- ` : indent;
  const head = key ? `${lead}${key}:` : lead.trimEnd();
  if (Array.isArray(value)) {
    out.push(head);
    for (const item of value) emitItem(item, `${indent}  `, out);
  } else if (value !== null && typeof value === 'object' && key && Object.keys(value).length === 0) {
    out.push(`${head} {}`);
  } else if (value !== null && typeof value === 'object') {
    if (key) out.push(head);
    let first = !key && listItem;
    for (const [k, v] of Object.entries(value)) {
      emit(v, key ? `${indent}  ` : indent, out, k, first);
      first = false;
    }
  } else {
    out.push(`${head} ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
}

function emitItem(item: unknown, indent: string, out: string[]): void {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    emit(item, indent, out, '', true);
  } else {
    out.push(`${indent.slice(2)}- ${typeof item === 'string' ? JSON.stringify(item) : String(item)}`);
  }
}

export function toMdx(data: Record<string, unknown>, body: string): string {
  const lines: string[] = ['---'];
  for (const [k, v] of Object.entries(data)) emit(v, '', lines, k);
  lines.push('---', '', body);
  return lines.join('\n');
}
