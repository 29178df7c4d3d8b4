// Field sets as structured-merge-diff (sigs.k8s.io/structured-merge-diff/v4) keeps them:
// the paths an object sets, ordered and combined the way server-side apply needs, the typed
// walks that compute them (ToFieldSet, Compare), and the fieldsV1 JSON form that
// metadata.managedFields carries ({"f:spec":{"f:containers":{"k:{\"name\":\"x\"}":{".":{}}}}}).
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { deepEqual, isJsonMap, ownValue, type JsonMap } from '../../machinery/json-value';

/** One step of a path: a field or map key, an associative-list key, a set value, a list index. */
export type PathElement =
  | { field: string }
  | { key: Array<[string, unknown]> }
  | { value: unknown }
  | { index: number };

export type FieldPath = PathElement[];

/** A malformed object or fieldsV1 document, with SMD's wording. */
export class FieldPathError extends Error {
  override name = 'FieldPathError';
}

// ---------------------------------------------------------------------------------------------
// Path elements: ordering, fieldsV1 keys, and the .spec.x[name="y"] form used in conflicts.

function peRank(pe: PathElement): number {
  if ('field' in pe) return 0;
  if ('key' in pe) return 1;
  if ('value' in pe) return 2;
  return 3;
}

function valueRank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (isJsonMap(v)) return 4;
  return 5;
}

const cmp = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** SMD's total order over JSON values: numbers, strings, bools, lists, maps, null. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = valueRank(a);
  const rb = valueRank(b);
  if (ra !== rb) return ra - rb;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c) return c;
    }
    return a.length - b.length;
  }
  if (isJsonMap(a) && isJsonMap(b)) {
    return compareFieldLists(sortedEntries(a), sortedEntries(b));
  }
  return ra === 5 ? 0 : cmp(a, b);
}

function sortedEntries(m: JsonMap): Array<[string, unknown]> {
  return Object.keys(m)
    .sort()
    .map((k) => [k, m[k]]);
}

function compareFieldLists(a: Array<[string, unknown]>, b: Array<[string, unknown]>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i][0], b[i][0]) || compareValues(a[i][1], b[i][1]);
    if (c) return c;
  }
  return a.length - b.length;
}

export function comparePathElements(a: PathElement, b: PathElement): number {
  const ra = peRank(a);
  const rb = peRank(b);
  if (ra !== rb) return ra - rb;
  if ('field' in a && 'field' in b) return cmp(a.field, b.field);
  if ('key' in a && 'key' in b) return compareFieldLists(a.key, b.key);
  if ('value' in a && 'value' in b) return compareValues(a.value, b.value);
  if ('index' in a && 'index' in b) return a.index - b.index;
  return 0;
}

/** JSON as Go's encoder writes it: sorted map keys, HTML-sensitive characters escaped. */
export function goJson(v: unknown): string {
  // Scalars (nearly every list key) skip the key sorting.
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'string') {
    const text = JSON.stringify(v);
    return GO_ESCAPED.test(text) ? text.replace(GO_ESCAPED_ALL, goEscape) : text;
  }
  const sortKeys = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sortKeys) : isJsonMap(x) ? Object.fromEntries(sortedEntries(x).map(([k, y]) => [k, sortKeys(y)])) : x;
  return JSON.stringify(sortKeys(v)).replace(GO_ESCAPED_ALL, goEscape);
}

const GO_ESCAPED = /[<>&\u2028\u2029]/;
const GO_ESCAPED_ALL = /[<>&\u2028\u2029]/g;
const goEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The fieldsV1 key of a path element: f:name, k:{"name":"x"}, v:"x", i:0. */
export function serializePathElement(pe: PathElement): string {
  if ('field' in pe) return `f:${pe.field}`;
  if ('key' in pe) {
    // A key element is serialised once: a path's elements are shared by every longer path.
    let id = keyIds.get(pe);
    if (id === undefined) keyIds.set(pe, (id = `k:{${pe.key.map(([k, v]) => `${goJson(k)}:${goJson(v)}`).join(',')}}`));
    return id;
  }
  if ('value' in pe) return `v:${goJson(pe.value)}`;
  return `i:${pe.index}`;
}

const keyIds = new WeakMap<PathElement, string>();

/** Parses a fieldsV1 key; undefined for a type prefix SMD does not know (it skips those). */
export function parsePathElement(s: string): PathElement | undefined {
  if (s.length < 2) throw new FieldPathError('key must be 2 characters long:');
  if (s[1] !== ':') throw new FieldPathError(`missing colon: ${s}`);
  const body = s.slice(2);
  const json = (): unknown => {
    try {
      return JSON.parse(body);
    } catch (e) {
      throw new FieldPathError(`parsing key as path element: ${(e as Error).message}`);
    }
  };
  switch (s[0]) {
    case 'f':
      return { field: body };
    case 'v':
      return { value: json() };
    case 'k': {
      const m = json();
      if (!isJsonMap(m)) throw new FieldPathError(`parsing key as path element: expected an object in ${s}`);
      return { key: sortedEntries(m) };
    }
    case 'i': {
      if (!/^-?\d+$/.test(body)) throw new FieldPathError(`strconv.Atoi: parsing "${body}": invalid syntax`);
      return { index: Number(body) };
    }
    default:
      return undefined;
  }
}

/** Go's %q-ish printing SMD uses for values inside paths. */
function valueString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueString).join(',')}]`;
  if (isJsonMap(v)) return Object.entries(v).map(([k, x]) => `${k}=${valueString(x)}`).join('');
  return String(v);
}

/** A path as conflicts print it: .spec.containers[name="nginx"].image */
export function pathString(path: FieldPath): string {
  return path
    .map((pe) => {
      if ('field' in pe) return `.${pe.field}`;
      if ('key' in pe) return `[${pe.key.map(([k, v]) => `${k}=${valueString(v)}`).join(',')}]`;
      if ('value' in pe) return `[=${valueString(pe.value)}]`;
      return `[${pe.index}]`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// The set itself: a trie of path elements. A node's members are the paths that end there;
// its children hold the longer paths.

export type FieldsV1 = { [key: string]: FieldsV1 };

export class FieldSet {
  private readonly memberMap = new Map<string, PathElement>();
  private readonly childMap = new Map<string, { pe: PathElement; set: FieldSet }>();

  static of(...paths: FieldPath[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  insert(path: FieldPath): void {
    if (path.length === 0) return;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk down the trie starts here
    let node: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) node = node.descend(path[i]!);
    const last = path[path.length - 1]!;
    node.memberMap.set(serializePathElement(last), last);
  }

  private descend(pe: PathElement): FieldSet {
    const id = serializePathElement(pe);
    let child = this.childMap.get(id);
    if (!child) {
      child = { pe, set: new FieldSet() };
      this.childMap.set(id, child);
    }
    return child.set;
  }

  has(path: FieldPath): boolean {
    if (path.length === 0) return false;
    const [first, ...rest] = path;
    if (rest.length === 0) return this.hasMember(first);
    return this.childMap.get(serializePathElement(first))?.set.has(rest) ?? false;
  }

  hasMember(pe: PathElement): boolean {
    return this.hasMemberId(serializePathElement(pe));
  }

  /** hasMember for a path element already serialised (id): walks that test many sets serialise once. */
  hasMemberId(id: string): boolean {
    return this.memberMap.has(id);
  }

  /** The paths below pe, with pe cut off (empty when there are none). */
  withPrefix(pe: PathElement): FieldSet {
    return this.below(pe) ?? new FieldSet();
  }

  /** The paths below pe, or undefined when there are none. */
  below(pe: PathElement): FieldSet | undefined {
    return this.belowId(serializePathElement(pe));
  }

  /** below for a path element already serialised. */
  belowId(id: string): FieldSet | undefined {
    const set = this.childMap.get(id)?.set;
    return set && !set.isEmpty() ? set : undefined;
  }

  isEmpty(): boolean {
    if (this.memberMap.size) return false;
    for (const c of this.childMap.values()) if (!c.set.isEmpty()) return false;
    return true;
  }

  /** Members in SMD order. */
  members(): PathElement[] {
    return [...this.memberMap.values()].sort(comparePathElements);
  }

  /** Children in SMD order. */
  children(): Array<[PathElement, FieldSet]> {
    return [...this.childMap.values()].sort((a, b) => comparePathElements(a.pe, b.pe)).map((c) => [c.pe, c.set]);
  }

  /** Every path, members before children at each level, each level sorted (SMD's Iterate). */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out = this.members().map((pe) => [...prefix, pe]);
    for (const [pe, set] of this.children()) out.push(...set.paths([...prefix, pe]));
    return out;
  }

  /** Whether every path of other is in this set. */
  includes(other: FieldSet): boolean {
    for (const id of other.memberMap.keys()) if (!this.memberMap.has(id)) return false;
    for (const [id, c] of other.childMap) {
      if (c.set.isEmpty()) continue;
      const mine = this.childMap.get(id);
      if (!mine || !mine.set.includes(c.set)) return false;
    }
    return true;
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const s of [this, other]) for (const [id, pe] of s.memberMap) out.memberMap.set(id, pe);
    for (const [id, c] of this.childMap) {
      const o = other.childMap.get(id);
      out.childMap.set(id, { pe: c.pe, set: o ? c.set.union(o.set) : c.set });
    }
    for (const [id, c] of other.childMap) if (!out.childMap.has(id)) out.childMap.set(id, c);
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [id, pe] of this.memberMap) if (other.memberMap.has(id)) out.memberMap.set(id, pe);
    for (const [id, c] of this.childMap) {
      const o = other.childMap.get(id);
      if (!o) continue;
      const set = c.set.intersection(o.set);
      if (!set.isEmpty()) out.childMap.set(id, { pe: c.pe, set });
    }
    return out;
  }

  /** Removes exactly the paths in other (a removed member does not take its children along). */
  difference(other: FieldSet): FieldSet {
    return this.subtract(other, false);
  }

  /** Removes the paths in other and everything below other's members. */
  recursiveDifference(other: FieldSet): FieldSet {
    return this.subtract(other, true);
  }

  private subtract(other: FieldSet, recursive: boolean): FieldSet {
    const out = new FieldSet();
    for (const [id, pe] of this.memberMap) if (!other.memberMap.has(id)) out.memberMap.set(id, pe);
    for (const [id, c] of this.childMap) {
      if (recursive && other.memberMap.has(id)) continue;
      const o = other.childMap.get(id);
      const set = o ? c.set.subtract(o.set, recursive) : c.set;
      if (!set.isEmpty()) out.childMap.set(id, { pe: c.pe, set });
    }
    return out;
  }

  equals(other: FieldSet): boolean {
    return deepEqual(this.toFieldsV1(), other.toFieldsV1());
  }

  /** The fieldsV1 document; "." marks a path that is itself a member and has children. */
  toFieldsV1(): FieldsV1 {
    const out: FieldsV1 = {};
    const entries: Array<{ pe: PathElement; member: boolean; set?: FieldSet }> = [];
    for (const pe of this.memberMap.values()) entries.push({ pe, member: true });
    for (const { pe, set } of this.childMap.values()) {
      if (set.isEmpty()) continue;
      const e = entries.find((x) => comparePathElements(x.pe, pe) === 0);
      if (e) e.set = set;
      else entries.push({ pe, member: false, set });
    }
    entries.sort((a, b) => comparePathElements(a.pe, b.pe));
    for (const e of entries) {
      const inner: FieldsV1 = e.member && e.set ? { '.': {} } : {};
      out[serializePathElement(e.pe)] = e.set ? Object.assign(inner, e.set.toFieldsV1()) : inner;
    }
    return out;
  }

  static fromFieldsV1(doc: unknown): FieldSet {
    if (!isJsonMap(doc)) throw new FieldPathError('expected an object');
    const out = new FieldSet();
    for (const [key, sub] of Object.entries(doc)) {
      if (key === '.') continue;
      const pe = parsePathElement(key);
      if (!pe) continue;
      if (!isJsonMap(sub)) throw new FieldPathError(`expected an object under ${key}`);
      const subKeys = Object.keys(sub);
      if (subKeys.length === 0 || subKeys.includes('.')) out.memberMap.set(serializePathElement(pe), pe);
      const child = FieldSet.fromFieldsV1(sub);
      if (!child.isEmpty()) out.childMap.set(serializePathElement(pe), { pe, set: child });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Typed views: what SMD makes of a value under a schema. No schema means "deduced": maps are
// granular and lists atomic, which is how objects without a schema are tracked.

export type Shape =
  | { kind: 'leaf' }
  | { kind: 'map'; atomic: boolean; schema?: SchemaNode }
  | { kind: 'list'; atomic: boolean; keys: string[]; item?: SchemaNode };

const LEAF: Shape = { kind: 'leaf' };

/** The list relationship kube-openapi's schemaconv derives from the extensions. */
function listRelationship(schema: SchemaNode): { associative: boolean; keys: string[] } {
  switch (schema.listType) {
    case 'atomic':
      return { associative: false, keys: [] };
    case 'set':
      return { associative: true, keys: [] };
    case 'map':
      return { associative: true, keys: schema.listMapKeys };
  }
  const strategy = schema.schema['x-kubernetes-patch-strategy'];
  if (strategy === 'merge' || strategy === 'merge,retainKeys') {
    const key = schema.patchMergeKey;
    return { associative: true, keys: key ? [key] : [] };
  }
  return { associative: false, keys: [] };
}

export function shapeOf(schema: SchemaNode | undefined, value: unknown): Shape {
  if (Array.isArray(value)) {
    if (!schema) return { kind: 'list', atomic: true, keys: [] };
    if (schema.type && schema.type !== 'array') return LEAF;
    const { associative, keys } = listRelationship(schema);
    return { kind: 'list', atomic: !associative, keys, item: schema.items() };
  }
  if (isJsonMap(value)) {
    if (!schema) return { kind: 'map', atomic: false };
    if (schema.type && schema.type !== 'object') return LEAF;
    return { kind: 'map', atomic: schema.mapType === 'atomic', schema };
  }
  return LEAF;
}

/** Whether name is a declared property (a struct field) rather than a free map key. */
export function isDeclaredField(schema: SchemaNode | undefined, name: string): boolean {
  return !!ownValue(schema?.schema.properties, name);
}

/** The path element naming a list item, from its key fields (or key defaults), or its value. */
export function itemPathElement(shape: Extract<Shape, { kind: 'list' }>, item: unknown): PathElement {
  if (shape.keys.length === 0) {
    if (item === null) throw new FieldPathError("associative list without keys has an element that's an explicit null");
    if (isJsonMap(item)) throw new FieldPathError("associative list without keys has an element that's a map type");
    if (Array.isArray(item)) throw new FieldPathError('not supported: associative list with lists as elements');
    return { value: item };
  }
  if (item === null) throw new FieldPathError('associative list with keys may not have a null element');
  if (!isJsonMap(item)) throw new FieldPathError('associative list with keys may not have non-map elements');
  const key: Array<[string, unknown]> = [];
  for (const name of shape.keys) {
    const v = name in item ? item[name] : shape.item?.field(name)?.schema.default;
    if (v === undefined) {
      throw new FieldPathError(`associative list with keys has an element that omits key field "${name}" (and doesn't have default value)`);
    }
    key.push([name, v]);
  }
  return { key: key.sort((a, b) => cmp(a[0], b[0])) };
}

/** The path element of every item, in list order; errors name the path and the item. */
export function listItemElements(path: FieldPath, shape: Extract<Shape, { kind: 'list' }>, list: unknown[]): PathElement[] {
  return list.map((item, i) => {
    try {
      return itemPathElement(shape, item);
    } catch (e) {
      throw new FieldPathError(`${pathString(path)}: element ${i}: ${(e as Error).message}`);
    }
  });
}

/** List items grouped by path element (keyed by its fieldsV1 form), in first-seen order. */
export function indexItems(
  path: FieldPath,
  shape: Extract<Shape, { kind: 'list' }>,
  list: unknown[],
): Map<string, { pe: PathElement; items: unknown[] }> {
  const out = new Map<string, { pe: PathElement; items: unknown[] }>();
  listItemElements(path, shape, list).forEach((pe, i) => {
    const id = serializePathElement(pe);
    const entry = out.get(id);
    if (entry) entry.items.push(list[i]);
    else out.set(id, { pe, items: [list[i]] });
  });
  return out;
}

/** Absent, null, or an empty list or map: SMD treats all of them alike. */
export const isEmptyContainer = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isJsonMap(v) && Object.keys(v).length === 0);

/** The paths an object sets (SMD's ToFieldSet): what an applier owns. */
export function fieldSetOf(value: unknown, schema: SchemaNode | undefined): FieldSet {
  const out = new FieldSet();
  collectFields([], value, schema, out);
  return out;
}

function collectFields(path: FieldPath, value: unknown, schema: SchemaNode | undefined, out: FieldSet): void {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'leaf' || shape.atomic) {
    out.insert(path);
    return;
  }
  if (shape.kind === 'list') {
    for (const { pe, items } of indexItems(path, shape, value as unknown[]).values()) {
      const itemPath = [...path, pe];
      // Duplicated items can only be owned whole.
      if (items.length === 1) collectFields(itemPath, items[0], shape.item, out);
      out.insert(itemPath);
    }
    return;
  }
  for (const [k, v] of Object.entries(value as JsonMap)) {
    const childPath: FieldPath = [...path, { field: k }];
    collectFields(childPath, v, schema?.field(k), out);
    if (v === null || (isJsonMap(v) && Object.keys(v).length === 0) || !isDeclaredField(schema, k)) out.insert(childPath);
  }
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** What changed from lhs to rhs (SMD's Compare); maps and list items that appear or vanish count too. */
export function compareObjects(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareAt([], lhs, rhs, schema, c);
  return c;
}

function compareAt(path: FieldPath, l: unknown, r: unknown, schema: SchemaNode | undefined, c: Comparison): void {
  const ls = l === undefined ? undefined : shapeOf(schema, l);
  const rs = r === undefined ? undefined : shapeOf(schema, r);
  // null (or absence) takes whatever form the other side has.
  const shape = (r !== undefined && r !== null ? rs : l !== undefined && l !== null ? ls : (rs ?? ls)) ?? LEAF;
  const mismatched = ls && rs && l !== null && r !== null && ls.kind !== rs.kind;
  if (mismatched || shape.kind === 'leaf' || shape.atomic || (isEmptyContainer(l) && isEmptyContainer(r))) {
    if (l === undefined) c.added.insert(path);
    else if (r === undefined) c.removed.insert(path);
    else if (!deepEqual(l, r)) c.modified.insert(path);
    return;
  }
  if (shape.kind === 'map') {
    const lm = isJsonMap(l) ? l : {};
    const rm = isJsonMap(r) ? r : {};
    for (const k of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
      compareAt([...path, { field: k }], ownValue(lm, k), ownValue(rm, k), schema?.field(k), c);
    }
  } else {
    compareLists(path, shape, Array.isArray(l) ? l : [], Array.isArray(r) ? r : [], c);
  }
  if (l === undefined) c.added.insert(path);
  else if (r === undefined) c.removed.insert(path);
}

function compareLists(path: FieldPath, shape: Extract<Shape, { kind: 'list' }>, l: unknown[], r: unknown[], c: Comparison): void {
  const li = indexItems(path, shape, l);
  const ri = indexItems(path, shape, r);
  for (const id of new Set([...li.keys(), ...ri.keys()])) {
    const pe = (li.get(id) ?? ri.get(id))!.pe;
    const lItems = li.get(id)?.items ?? [];
    const rItems = ri.get(id)?.items ?? [];
    const itemPath = [...path, pe];
    if (lItems.length <= 1 && rItems.length <= 1) {
      compareAt(itemPath, lItems[0], rItems[0], shape.item, c);
    } else if (lItems.length >= 2 && rItems.length >= 2) {
      if (!deepEqual(lItems, rItems)) c.modified.insert(itemPath);
    } else if (lItems.length >= 2) {
      if (rItems.length) compareAt(itemPath, undefined, rItems[0], shape.item, c);
      c.removed.insert(itemPath);
    } else {
      if (lItems.length) compareAt(itemPath, lItems[0], undefined, shape.item, c);
      c.added.insert(itemPath);
    }
  }
}
