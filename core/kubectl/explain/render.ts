// kubectl explain's plaintext output (pkg/explain/v2/templates/plaintext.tmpl) computed from
// an OpenAPI v3 document: the kind's header, then either its (or a field's) description and
// fields, or with --recursive the whole field tree; $refs followed, cycles cut.
import { wrapString } from './word-wrap';

type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  required?: string[];
  enum?: unknown[];
  type?: string;
};

export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

/** An explain failure kubectl prints after "error: " (the template's throw), and what the template had printed by then. */
export class ExplainError extends Error {
  constructor(
    message: string,
    readonly printed = '',
  ) {
    super(message);
  }
}

/** The template's indent: every line, the first included, gets `n` spaces. */
const indent = (n: number, s: string) => ' '.repeat(n) + s.replaceAll('\n', `\n${' '.repeat(n)}`);

const mapAdditional = (s: Schema) => (s.additionalProperties && typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);

const sortedKeys = (o: object) => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const present = (v: unknown) => v !== undefined && v !== null && v !== false && v !== '' && !(typeof v === 'object' && Object.keys(v).length === 0);

class Renderer {
  constructor(
    private readonly doc: Record<string, unknown>,
    private readonly recursive: boolean,
  ) {}

  /** resolveRef: a "#/..." reference into the document. */
  resolve(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: unknown = this.doc;
    for (const k of ref.slice(1).split('/')) {
      if (!k) continue;
      cur = (cur as Record<string, unknown> | undefined)?.[decodeURIComponent(k)];
      if (!cur || typeof cur !== 'object') return undefined;
    }
    return cur as Schema;
  }

  typeGuess(s: Schema): string {
    if (present(s.items)) return `[]${this.typeGuess(s.items!)}`;
    const ap = mapAdditional(s);
    if (ap && present(ap)) return `map[string]${this.typeGuess(ap)}`;
    if (s.allOf?.length === 1 && !present(s.properties)) return this.typeGuess(s.allOf[0]!);
    if (s.$ref) {
      const target = this.resolve(s.$ref);
      if (!target || !target.type || target.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object';
      return target.type;
    }
    return s.type === 'object' ? 'Object' : s.type || 'Object';
  }

  enumText(s: Schema, long: boolean, limit: number, indentAmount = 0): string {
    if (!s.enum?.length) return '';
    let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
    for (const [i, e] of s.enum.entries()) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      out += e === '' ? '""' : String(e);
    }
    return out;
  }

  description(s: Schema): string {
    const r = this.resolve(s.$ref) ?? s;
    let out = r.description ? `${r.description}\n` : '';
    for (const sub of r.allOf ?? []) out += this.description(sub);
    if (present(r.items)) out += this.description(r.items!);
    const ap = mapAdditional(r);
    if (ap && present(ap)) out += this.description(ap);
    return out;
  }

  fieldDetail(owner: Schema, name: string, level: number): string {
    const amount = level * 2;
    const field = owner.properties![name]!;
    let out = `${indent(amount, name)}\t<${this.typeGuess(field)}>`;
    if (owner.required?.includes(name)) out += ' -required-';
    out += `${this.enumText(field, false, 4, amount)}\n`;
    if (!this.recursive) out += `${indent(amount + 2, wrapString(field.description || '<no description>', 78 - amount))}\n\n`;
    return out;
  }

  fieldList(s: Schema, level: number, history: Set<string>): string {
    const ref = s.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const r = this.resolve(ref) ?? s;
    let out = '';
    for (const k of sortedKeys(r.properties ?? {})) {
      out += this.fieldDetail(r, k, level);
      if (this.recursive) out += this.fieldList(r.properties![k]!, level + 1, next);
    }
    for (const sub of r.allOf ?? []) out += this.fieldList(sub, level, next);
    if (present(r.items)) out += this.fieldList(r.items!, level, next);
    const ap = mapAdditional(r);
    if (ap && present(ap)) out += this.fieldList(ap, level, next);
    return out;
  }

  output(s: Schema, path: string[], history: Set<string>): string {
    const ref = s.$ref ?? '';
    const next = new Set(history).add(ref);
    const r = this.resolve(ref) ?? s;
    if (!path.length) {
      let out = `DESCRIPTION:\n${indent(4, wrapString(this.description(r) || '<empty>', 76))}\n`;
      const fields = this.fieldList(r, 1, new Set());
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const sub = r.properties?.[path[0]!];
    if (sub && present(sub)) {
      let out = '';
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1)}\n\n`;
      return out + this.output(sub, path.slice(1), new Set());
    }
    if (present(r.items)) return this.output(r.items!, path, next);
    const ap = mapAdditional(r);
    if (ap && present(ap)) return this.output(ap, path, next);
    for (const alt of r.allOf ?? []) {
      const out = this.output(alt, path, next);
      if (out) return out;
    }
    return '';
  }
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

const sameGvk = (a: Gvk, b: Gvk) => a.group === b.group && a.version === b.version && a.kind === b.kind;

/** The GVK of the resource's operations, from its list or object paths. */
function gvkOf(doc: Record<string, unknown>, gvr: Gvr): Gvk | undefined {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Record<string, unknown>> | undefined>;
  const candidates = [
    `${prefix}/${gvr.version}/${gvr.resource}`,
    `${prefix}/${gvr.version}/${gvr.resource}/{name}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  for (const p of candidates) {
    const item = paths[p];
    if (!item) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const gvk = item[method]?.['x-kubernetes-group-version-kind'] as Gvk | undefined;
      if (gvk) return gvk;
    }
  }
  return undefined;
}

export function explainText(doc: Record<string, unknown>, gvr: Gvr, fieldPath: string[], recursive: boolean): string {
  const gvk = gvkOf(doc, gvr);
  if (!gvk) throw new ExplainError(`GVR (${gvr.group ? `${gvr.group}/` : ''}${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`);
  let out = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = ((doc.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, Schema>;
  const renderer = new Renderer(doc, recursive);
  const name = sortedKeys(schemas).find((k) => ((schemas[k]!['x-kubernetes-group-version-kind'] as Gvk[] | undefined) ?? []).some((g) => sameGvk(g, gvk)));
  if (name === undefined) throw new ExplainError(`GVK ${JSON.stringify(gvk)} not found in OpenAPI schema`, out);
  const body = renderer.output(schemas[name]!, fieldPath, new Set());
  if (!body) throw new ExplainError(`field "${fieldPath[fieldPath.length - 1]}" does not exist`, out);
  out += body;
  return `${out}\n`;
}
