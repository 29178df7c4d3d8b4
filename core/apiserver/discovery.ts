// API discovery in both forms kubectl understands: aggregated (apidiscovery.k8s.io/v2, one
// document for all groups, chosen by the response Content-Type) and legacy (APIVersions,
// APIGroupList, one APIResourceList per group-version).
import type { ResourceDef, Verb } from '../registry/types';
import type { Catalog } from './catalog';
import { gvString } from './catalog';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const ALL_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface SubresourceInfo {
  name: string;
  group: string;
  version: string;
  kind: string;
  verbs: Verb[];
}

function subresourcesOf(def: ResourceDef): SubresourceInfo[] {
  const out: SubresourceInfo[] = [];
  if (def.status) out.push({ name: 'status', group: def.group, version: def.version, kind: def.kind, verbs: ['get', 'patch', 'update'] });
  if (def.scale) out.push({ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
  for (const s of def.subresources ?? []) {
    out.push({ name: s.name, group: s.group ?? def.group, version: s.version ?? def.version, kind: s.kind, verbs: s.verbs });
  }
  return out;
}

const verbsOf = (def: ResourceDef) => [...(def.verbs ?? ALL_VERBS)].sort();

/** Accept asks for aggregated discovery v2 (kubectl lists it first). */
export function wantsAggregated(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .split(',')
    .some((part) => /g=apidiscovery\.k8s\.io/.test(part) && /v=v2(;|$|\s)/.test(part) && /as=APIGroupDiscoveryList/.test(part));
}

export function aggregatedDiscovery(catalog: Catalog, legacy: boolean): object {
  const groups = catalog.groups().filter((g) => (legacy ? g.group === '' : g.group !== ''));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        resources: catalog
          .resourcesOf(g.group, version)
          .sort((a, b) => a.plural.localeCompare(b.plural))
          .map((def) => {
            const r: Record<string, unknown> = {
              resource: def.plural,
              responseKind: { group: def.group, version: def.version, kind: def.kind },
              scope: def.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: def.singular,
              verbs: verbsOf(def),
            };
            if (def.shortNames?.length) r.shortNames = def.shortNames;
            if (def.categories?.length) r.categories = def.categories;
            const subs = subresourcesOf(def);
            if (subs.length) {
              r.subresources = subs.map((s) => ({
                subresource: s.name,
                responseKind: { group: s.group, version: s.version, kind: s.kind },
                verbs: [...s.verbs].sort(),
              }));
            }
            return r;
          }),
        freshness: 'Current',
      })),
    })),
  };
}

export function legacyApiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(group: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: gvString(group, v), version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

export function legacyGroupList(catalog: Catalog): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: catalog
      .groups()
      .filter((g) => g.group !== '')
      .map((g) => groupEntry(g.group, g.versions)),
  };
}

export function legacyGroup(catalog: Catalog, group: string): object | undefined {
  const g = catalog.groups().find((x) => x.group === group);
  if (!g || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g.group, g.versions) };
}

export function legacyResourceList(catalog: Catalog, group: string, version: string): object | undefined {
  const defs = catalog.resourcesOf(group, version);
  if (defs.length === 0) return undefined;
  const resources: object[] = [];
  for (const def of defs.sort((a, b) => a.plural.localeCompare(b.plural))) {
    const r: Record<string, unknown> = {
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: verbsOf(def),
    };
    if (def.shortNames?.length) r.shortNames = def.shortNames;
    if (def.categories?.length) r.categories = def.categories;
    resources.push(r);
    for (const s of subresourcesOf(def)) {
      const sr: Record<string, unknown> = {
        name: `${def.plural}/${s.name}`,
        singularName: '',
        namespaced: def.namespaced,
        kind: s.kind,
        verbs: [...s.verbs].sort(),
      };
      if (s.group !== def.group || s.version !== def.version) {
        sr.group = s.group;
        sr.version = s.version;
      }
      resources.push(sr);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gvString(group, version), resources };
}
