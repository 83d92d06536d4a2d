/**
 * Reads the fields out of a generated JSON Schema, so that the CSV columns and
 * the data dictionary come from the schema instead of a second list.
 */

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  examples?: unknown[];
}

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'url' | 'enum' | 'object' | 'mixed';

export interface SchemaField {
  /** Dot path: "issuer.name"; items of a list of objects: "legalBases[].number". */
  path: string;
  title?: string;
  description?: string;
  kind: FieldKind;
  /** A list of `kind`. */
  list: boolean;
  required: boolean;
  /** Allowed values, for enums. */
  values?: string[];
  minimum?: number;
  maximum?: number;
  /** A column of the CSV: not a part of a list item. */
  column: boolean;
}

function kindOf(s: JsonSchema): FieldKind {
  if (s.enum) return 'enum';
  if (s.anyOf) return 'mixed';
  if (s.format === 'date') return 'date';
  if (s.format === 'uri') return 'url';
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number' || type === 'boolean' || type === 'object') return type;
  return 'string';
}

/**
 * Every field, depth first in schema order. Objects are opened into their
 * fields (issuer → issuer.name, issuer.level); a list stays one field, and
 * the fields of its object items follow it as "list[].field".
 */
export function schemaFields(schema: JsonSchema): SchemaField[] {
  const out: SchemaField[] = [];
  const walk = (node: JsonSchema, prefix: string, required: boolean, inList: boolean) => {
    const need = new Set(node.required ?? []);
    for (const [name, prop] of Object.entries(node.properties ?? {})) {
      const path = prefix + name;
      const isRequired = required && need.has(name);
      if (prop.properties) {
        walk(prop, `${path}.`, isRequired, inList);
        continue;
      }
      const item = prop.type === 'array' ? (prop.items ?? {}) : undefined;
      const shape = item ?? prop;
      out.push({
        path,
        title: prop.title,
        description: prop.description,
        kind: kindOf(shape),
        list: item !== undefined,
        required: isRequired,
        values: shape.enum?.map(String),
        minimum: shape.minimum,
        maximum: shape.maximum,
        column: !inList,
      });
      // A list whose items may be objects (legalBases): document the object's fields too.
      const objectItem = item && (item.properties ? item : item.anyOf?.find((o) => o.properties));
      if (objectItem) walk(objectItem, `${path}[].`, true, true);
    }
  };
  walk(schema, '', true, false);
  return out;
}

/** How a field's type reads in the data dictionary. */
export function kindLabel(field: SchemaField): string {
  const base: Record<FieldKind, string> = {
    string: 'chuỗi',
    integer: 'số nguyên',
    number: 'số',
    boolean: 'đúng/sai',
    date: 'ngày (yyyy-mm-dd)',
    url: 'URL',
    enum: 'giá trị cố định',
    object: 'đối tượng',
    mixed: 'chuỗi hoặc đối tượng',
  };
  const one = base[field.kind];
  const range = field.minimum !== undefined && field.maximum !== undefined ? ` từ ${field.minimum} đến ${field.maximum}` : '';
  return field.list ? `danh sách ${one}` : one + range;
}

/**
 * Fields an entry usually has besides the required ones, which the templates
 * for editors fill in too: the contract asks for them "when known", and a
 * source names its page and publisher.
 */
export const USUAL_FIELDS: ReadonlySet<string> = new Set(['documentNumber', 'issuedOn', 'province', 'source.url', 'source.publisher']);
