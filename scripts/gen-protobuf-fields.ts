// Generates core/registry/protobuf/generated/field-numbers.json, the protobuf wire layout of
// the built-in types, from the Go struct tags of k8s.io/api, k8s.io/apimachinery and
// k8s.io/apiextensions-apiserver (v0.32).
//
// Run: npx tsx scripts/gen-protobuf-fields.ts <dir>
// where <dir> holds checkouts named api/, apimachinery/ and apiextensions-apiserver/, e.g.
//   git -C <mirror of kubernetes/api> archive v0.32.0 | tar -x -C <dir>/api
// No upstream file is copied: only the facts in the tags (numbers, names, Go shapes) are kept.
//
// Output: { "<schema name>": [[number, name, type, flags], ...] } in Go declaration order.
//   type:  string | bytes | int32 | int64 | uint32 | uint64 | bool | double | <schema name>
//          | map:<value type> (string keys) | []<type> (a named slice wrapped as a message,
//          only as a map value, e.g. ExtraValue)
//   flags: r repeated, p pointer, o omitempty, i inline (embedded struct)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type FieldRow = [number, string, string, string];

const OUTPUT = fileURLToPath(new URL('../core/registry/protobuf/generated/field-numbers.json', import.meta.url));

interface GoField {
  name: string;
  type: string;
  embedded: boolean;
  tags: Record<string, string>;
}

interface GoPackage {
  importPath: string;
  /** Named non-struct types: name to underlying type expression. */
  aliases: Map<string, string>;
  structs: Map<string, GoField[]>;
  /** Per declaring file: import alias to import path. */
  imports: Map<string, Map<string, string>>;
  /** Which file declared each type. */
  fileOf: Map<string, string>;
}

const BASIC = new Set(['string', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'float64']);
const WIRE_BASIC: Record<string, string> = { float64: 'double' };

/** k8s.io/api/core/v1 → io.k8s.api.core.v1 */
export function schemaPrefixOf(importPath: string): string {
  const [domain, ...rest] = importPath.split('/');
  return [...domain.split('.').reverse(), ...rest].join('.');
}

function parseTags(raw: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const m of raw.matchAll(/(\w+):"([^"]*)"/g)) tags[m[1]] = m[2];
  return tags;
}

function parseImports(src: string): Map<string, string> {
  const out = new Map<string, string>();
  const block = /^import \(([\s\S]*?)^\)/m.exec(src)?.[1] ?? '';
  const singles = [...src.matchAll(/^import (.*)$/gm)].map((m) => m[1]).filter((l) => !l.startsWith('('));
  for (const line of [...block.split('\n'), ...singles]) {
    const m = /^\s*(?:(\w+)\s+)?"([^"]+)"/.exec(line);
    if (!m) continue;
    out.set(m[1] ?? m[2].split('/').pop()!, m[2]);
  }
  return out;
}

function parseStructBody(lines: string[]): GoField[] {
  const fields: GoField[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('//')) continue;
    const tagMatch = /`([^`]*)`/.exec(line);
    const tags = tagMatch ? parseTags(tagMatch[1]) : {};
    const decl = line.replace(/`[^`]*`/, '').replace(/\/\/.*$/, '').trim();
    const parts = decl.split(/\s+/);
    if (parts.length === 1) {
      const type = parts[0];
      fields.push({ name: type.replace(/^\*/, '').split('.').pop()!, type, embedded: true, tags });
    } else {
      fields.push({ name: parts[0], type: parts.slice(1).join(' '), embedded: false, tags });
    }
  }
  return fields;
}

function parsePackage(dir: string, importPath: string): GoPackage {
  const pkg: GoPackage = { importPath, aliases: new Map(), structs: new Map(), imports: new Map(), fileOf: new Map() };
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.go') || file.endsWith('_test.go') || file.startsWith('zz_generated') || file.endsWith('.pb.go')) continue;
    const src = fs.readFileSync(path.join(dir, file), 'utf8');
    pkg.imports.set(file, parseImports(src));
    const lines = src.split('\n');
    let inTypeBlock = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === 'type (') inTypeBlock = true;
      else if (inTypeBlock && line === ')') inTypeBlock = false;
      const decl = inTypeBlock ? /^\t(\w+) (.+)$/.exec(line) : /^type (\w+) (.+)$/.exec(line);
      if (!decl || decl[2] === '(') continue;
      const [, name, rest] = decl;
      pkg.fileOf.set(name, file);
      if (rest === 'struct {') {
        const end = inTypeBlock ? '\t}' : '}';
        const body: string[] = [];
        while (lines[++i] !== end) body.push(lines[i]);
        pkg.structs.set(name, parseStructBody(body));
      } else if (rest === 'struct{}') {
        pkg.structs.set(name, []);
      } else if (!rest.startsWith('func') && !rest.startsWith('interface')) {
        pkg.aliases.set(name, rest.replace(/\/\/.*$/, '').replace(/^= /, '').trim());
      }
    }
  }
  return pkg;
}

/** The wire type of a Go type expression, plus whether it is a slice. */
interface Shape {
  type: string;
  repeated: boolean;
}

class Resolver {
  constructor(private readonly packages: Map<string, GoPackage>) {}

  /** Resolves a non-pointer type expression written in `file` of `pkg`. */
  shape(expr: string, pkg: GoPackage, file: string, mapValue = false): Shape {
    if (expr === '[]byte') return { type: 'bytes', repeated: false };
    if (expr.startsWith('[]')) {
      const elem = this.shape(expr.slice(2), pkg, file);
      if (elem.repeated) throw new Error(`nested slice ${expr} in ${pkg.importPath}`);
      return mapValue ? { type: `[]${elem.type}`, repeated: false } : { type: elem.type, repeated: true };
    }
    const map = /^map\[([^\]]+)\](.+)$/.exec(expr);
    if (map) {
      const key = this.shape(map[1], pkg, file);
      if (key.type !== 'string') throw new Error(`non-string map key ${expr} in ${pkg.importPath}`);
      return { type: `map:${this.shape(map[2], pkg, file, true).type}`, repeated: false };
    }
    if (BASIC.has(expr)) return { type: WIRE_BASIC[expr] ?? expr, repeated: false };
    if (expr === 'time.Duration') return { type: 'int64', repeated: false };
    const [target, name] = this.locate(expr, pkg, file);
    if (target.structs.has(name)) return { type: `${schemaPrefixOf(target.importPath)}.${name}`, repeated: false };
    const underlying = target.aliases.get(name);
    if (underlying === undefined) throw new Error(`unknown type ${expr} in ${pkg.importPath}`);
    return this.shape(underlying, target, target.fileOf.get(name)!, mapValue);
  }

  private locate(expr: string, pkg: GoPackage, file: string): [GoPackage, string] {
    const dot = expr.indexOf('.');
    if (dot < 0) return [pkg, expr];
    const importPath = pkg.imports.get(file)?.get(expr.slice(0, dot));
    const target = importPath ? this.packages.get(importPath) : undefined;
    if (!target) throw new Error(`package of ${expr} not parsed (from ${pkg.importPath})`);
    return [target, expr.slice(dot + 1)];
  }
}

/** Protobuf layouts Go declares by hand rather than in struct tags. */
const HAND_WRITTEN: Record<string, FieldRow[]> = {
  // time_proto.go / micro_time_proto.go marshal through Timestamp{seconds=1, nanos=2}.
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': [
    [1, 'seconds', 'int64', ''],
    [2, 'nanos', 'int32', ''],
  ],
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': [
    [1, 'seconds', 'int64', ''],
    [2, 'nanos', 'int32', ''],
  ],
  // quantity_proto.go writes the canonical string as field 1.
  'io.k8s.apimachinery.pkg.api.resource.Quantity': [[1, 'string', 'string', '']],
};

function rowsOf(pkg: GoPackage, structName: string, fields: GoField[], resolver: Resolver): FieldRow[] {
  const file = pkg.fileOf.get(structName)!;
  const rows: FieldRow[] = [];
  for (const f of fields) {
    const pb = f.tags.protobuf;
    if (!pb || pb === '-') continue;
    const parts = pb.split(',');
    const number = Number(parts[1]);
    const pbName = parts.find((p) => p.startsWith('name='))?.slice(5);
    const [jsonName, ...jsonOpts] = (f.tags.json ?? '').split(',');
    const pointer = f.type.startsWith('*');
    const shape = resolver.shape(pointer ? f.type.slice(1) : f.type, pkg, file);
    // encoding/json flattens an embedded struct unless its tag names it.
    const inline = f.embedded && !jsonName && shape.type.includes('.');
    let flags = '';
    if (shape.repeated) flags += 'r';
    if (pointer) flags += 'p';
    if (jsonOpts.includes('omitempty')) flags += 'o';
    if (inline) flags += 'i';
    const name = inline ? (pbName ?? f.name) : jsonName && jsonName !== '-' ? jsonName : (pbName ?? f.name);
    if (!Number.isInteger(number) || number <= 0) throw new Error(`bad protobuf tag on ${structName}.${f.name}`);
    rows.push([number, name, shape.type, flags]);
  }
  return rows;
}

const PACKAGE_DIRS: Array<[string, string]> = [
  ['apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/apis/meta/v1'],
  ['apimachinery/pkg/api/resource', 'k8s.io/apimachinery/pkg/api/resource'],
  ['apimachinery/pkg/util/intstr', 'k8s.io/apimachinery/pkg/util/intstr'],
  ['apimachinery/pkg/runtime', 'k8s.io/apimachinery/pkg/runtime'],
  ['apimachinery/pkg/types', 'k8s.io/apimachinery/pkg/types'],
  ['apiextensions-apiserver/pkg/apis/apiextensions/v1', 'k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1'],
];

/** Every group/version of k8s.io/api that has protobuf (a generated.proto beside its types). */
function apiPackageDirs(root: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const group of fs.readdirSync(path.join(root, 'api')).sort()) {
    const groupDir = path.join(root, 'api', group);
    if (!fs.statSync(groupDir).isDirectory()) continue;
    for (const version of fs.readdirSync(groupDir).sort()) {
      if (fs.existsSync(path.join(groupDir, version, 'generated.proto'))) {
        out.push([`api/${group}/${version}`, `k8s.io/api/${group}/${version}`]);
      }
    }
  }
  return out;
}

export function generate(root: string): Record<string, FieldRow[]> {
  const packages = new Map<string, GoPackage>();
  for (const [dir, importPath] of [...PACKAGE_DIRS, ...apiPackageDirs(root)]) {
    packages.set(importPath, parsePackage(path.join(root, dir), importPath));
  }
  const resolver = new Resolver(packages);
  const table: Record<string, FieldRow[]> = {};
  for (const pkg of packages.values()) {
    for (const [name, fields] of pkg.structs) {
      if (!/^[A-Z]/.test(name)) continue;
      const rows = rowsOf(pkg, name, fields, resolver);
      // Empty structs are kept too, so the decoder can tell "no fields" from "unknown type".
      if (rows.length || !fields.length) table[`${schemaPrefixOf(pkg.importPath)}.${name}`] = rows;
    }
  }
  // `type MatchCondition = v1.MatchCondition`: the alias's schema name has the target's layout.
  for (const pkg of packages.values()) {
    for (const [name, underlying] of pkg.aliases) {
      const key = `${schemaPrefixOf(pkg.importPath)}.${name}`;
      const importPath = pkg.imports.get(pkg.fileOf.get(name)!)?.get(underlying.split('.')[0]);
      if (!/^[A-Z]/.test(name) || table[key] || !importPath || !packages.has(importPath)) continue;
      const target = resolver.shape(underlying, pkg, pkg.fileOf.get(name)!).type;
      if (table[target]) table[key] = table[target];
    }
  }
  return { ...table, ...HAND_WRITTEN };
}

function main(): void {
  const root = process.argv[2];
  if (!root) throw new Error('usage: tsx scripts/gen-protobuf-fields.ts <dir with api/, apimachinery/, apiextensions-apiserver/>');
  const table = generate(root);
  const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
  const lines = Object.entries(sorted).map(([name, rows]) => `${JSON.stringify(name)}:${JSON.stringify(rows)}`);
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`wrote ${Object.keys(sorted).length} types to ${OUTPUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
