// -o yaml and -o json as kubectl writes them. kubectl decodes into unstructured maps, so
// both come out with keys sorted at every level; JSON is indented by four spaces and, like
// Go's encoder, escapes <, > and &; YAML is sigs.k8s.io/yaml's (go-yaml v2), see go-yaml.ts.
import { goYaml } from './go-yaml';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

export function toJson(value: unknown): string {
  return toGoJson(sortKeys(value));
}

/** JSON in the value's own key order, as Go's encoder writes a typed object (see go-typed.ts). */
export function toGoJson(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) + '\n';
}

export function toYaml(value: unknown): string {
  // Through JSON first, as sigs.k8s.io/yaml does (undefined fields dropped).
  return goYaml(JSON.parse(JSON.stringify(value)));
}

/** Several objects as kubectl prints them: a v1 List. */
export function asList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
