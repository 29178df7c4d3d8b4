// The describer kubectl uses for kinds it has no describer for: the object's fields as an
// indented tree of "Smart Labels" (camelCase split into words), metadata's own lines first.
import type { ResourceInfo } from '../discovery';
import { collectionPath, objectPath } from '../discovery';
import { annotationsMultiline, describeEvents, labelsMultiline } from './format';
import { getObject, searchEvents, type DescribeContext } from './fetch';
import { DescribeWriter } from './writer';

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters, "PDFLoader" → PDF Loader. */
export function camelSplit(s: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i]![0]!) === 2 && classOf(runs[i + 1]![0]!) === 1) runs[i + 1]!.unshift(runs[i]!.pop()!);
  }
  return runs.filter((r) => r.length).map((r) => r.join(''));
}

/** smartLabelFor: "creationTimestamp" → "Creation Timestamp", "apiVersion" → "API Version"; fields with other characters as they are. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** Go's %v of a decoded JSON scalar or list. */
function goText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goText).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.keys(v).sort().map((k) => `${k}:${goText((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  if (typeof v === 'number' && !Number.isInteger(v)) return goFloat(v);
  return String(v);
}

/** Go's %v of a float64 (%g with the shortest representation). */
function goFloat(v: number): string {
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= 21) return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(v);
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, path: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const here = `${path}.${field}`;
    if (skip.includes(here)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, here, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, here, skip);
        else w.write(level + 1, `${goText(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goText(value)}\n`);
    }
  }
}

interface Unstructured extends Record<string, unknown> {
  kind?: string;
  metadata?: { name?: string; namespace?: string; uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
}

export function genericDescriber(info: ResourceInfo) {
  return async (ctx: DescribeContext, namespace: string, name: string): Promise<string> => {
    const obj = await getObject<Unstructured>(ctx, info.namespaced ? objectPath(info, namespace, name) : `${collectionPath(info)}/${encodeURIComponent(name)}`);
    const meta = obj.metadata ?? {};
    const events = await searchEvents(ctx, { namespace: meta.namespace, name: meta.name ?? name, kind: obj.kind, uid: meta.uid });
    const w = new DescribeWriter();
    w.write(0, `Name:\t${meta.name ?? ''}\n`);
    w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
    labelsMultiline(w, 'Labels', meta.labels);
    annotationsMultiline(w, 'Annotations', meta.annotations);
    printContent(w, 0, obj, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
    if (events) describeEvents(w, events, ctx.now);
    return w.toString();
  };
}
