// What resource a command-line word names, as kubectl's RESTMapper answers it: plural,
// singular, short name or kind, optionally qualified (`deployments.apps`,
// `deployments.v1.apps`), found through the server's discovery documents. Groups keep the
// server's order, core first, and each group's preferred version wins.
import type { APIGroupList, APIResourceList, APIVersions } from 'kubernetes-types/meta/v1';
import type { RestClient } from './rest';

export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural name, e.g. deployments. */
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  categories: string[];
  /** Whether this is the group's preferred version. */
  preferred: boolean;
}

/** "the server doesn't have a resource type" (kubectl prints it as "error: ..."). */
export class UnknownResourceError extends Error {
  constructor(readonly word: string) {
    super(`the server doesn't have a resource type "${word}"`);
  }
}

export const groupVersion = (r: { group: string; version: string }) => (r.group ? `${r.group}/${r.version}` : r.version);

/** The API path of a resource's collection (in a namespace when it is namespaced and one is given). */
export function collectionPath(r: ResourceInfo, namespace?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  return r.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${r.resource}` : `${base}/${r.resource}`;
}

export function objectPath(r: ResourceInfo, namespace: string | undefined, name: string): string {
  return `${collectionPath(r, namespace)}/${encodeURIComponent(name)}`;
}

/** kubectl's name for a resource in output: `deployment.apps`, `pod`. */
export const qualifiedKind = (r: ResourceInfo) => (r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase());

export class Discovery {
  private constructor(readonly resources: ResourceInfo[]) {}

  static async load(rest: RestClient): Promise<Discovery> {
    const [core, groups] = await Promise.all([rest.json<APIVersions>({ path: '/api' }), rest.json<APIGroupList>({ path: '/apis' })]);
    const versions: { group: string; version: string; preferred: boolean }[] = core.versions.map((v, i) => ({ group: '', version: v, preferred: i === 0 }));
    for (const g of groups.groups) {
      for (const v of g.versions) versions.push({ group: g.name, version: v.version, preferred: v.version === g.preferredVersion?.version });
    }
    const lists = await Promise.all(
      versions.map((gv) =>
        rest.json<APIResourceList>({ path: gv.group ? `/apis/${gv.group}/${gv.version}` : `/api/${gv.version}` }).catch(() => ({ resources: [] }) as unknown as APIResourceList),
      ),
    );
    const resources: ResourceInfo[] = [];
    lists.forEach((list, i) => {
      const gv = versions[i]!;
      for (const r of list.resources) {
        if (r.name.includes('/')) continue; // subresources
        resources.push({
          group: gv.group,
          version: gv.version,
          resource: r.name,
          kind: r.kind,
          singular: r.singularName || r.kind.toLowerCase(),
          namespaced: r.namespaced,
          shortNames: r.shortNames ?? [],
          verbs: r.verbs ?? [],
          categories: r.categories ?? [],
          preferred: gv.preferred,
        });
      }
    });
    return new Discovery(resources);
  }

  /** All subresources are left out; `list` verbs only where asked (api-resources --verbs). */
  preferredResources(): ResourceInfo[] {
    return this.resources.filter((r) => r.preferred);
  }

  /** The resource a word names (kubectl's RESTMapper.ResourceFor on a fuzzy GroupVersionResource). */
  resolve(word: string): ResourceInfo {
    const lower = word.toLowerCase();
    const [name, ...rest] = lower.split('.');
    // resource.version.group, then resource.group (the group may itself contain dots).
    const qualified: { group?: string; version?: string }[] = [];
    if (rest.length >= 2) qualified.push({ version: rest[0], group: rest.slice(1).join('.') });
    if (rest.length >= 1) qualified.push({ group: rest.join('.') });
    if (rest.length === 0) qualified.push({});
    for (const q of qualified) {
      const candidates = this.resources.filter(
        (r) => (q.group === undefined || r.group === q.group) && (q.version === undefined || r.version === q.version) && (q.version !== undefined || r.preferred),
      );
      const found =
        candidates.find((r) => r.resource === name) ??
        candidates.find((r) => r.singular === name) ??
        candidates.find((r) => r.shortNames.includes(name!)) ??
        candidates.find((r) => r.kind.toLowerCase() === name);
      if (found) return found;
    }
    throw new UnknownResourceError(word);
  }

  /** Resources in a category (`all`: kubectl get all). */
  category(name: string): ResourceInfo[] {
    return this.preferredResources().filter((r) => r.categories.includes(name));
  }
}
