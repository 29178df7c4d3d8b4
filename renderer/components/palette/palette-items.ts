// What the command palette offers: every kind's list, every object the app has loaded, and
// actions (theme, namespace). Built fresh each time it opens, from the stores as they are.
import type { RouteLocationRaw } from 'vue-router';
import type { ResourceKind } from '../../kube/resources';
import { listLocation, objectLocation, overviewLocation } from '../../router/locations';

export interface PaletteItem {
  id: string;
  title: string;
  /** What the query is matched against, when more than the title. */
  match?: string;
  /** Shown beside it, muted. */
  hint: string;
  group: 'Go to' | 'Object' | 'Action';
  run: { to: RouteLocationRaw } | { action: () => void };
}

export interface LoadedObject {
  kind: ResourceKind;
  name: string;
  namespace: string;
}

export function kindItems(kinds: ResourceKind[], namespace: string): PaletteItem[] {
  return [
    { id: 'go:overview', title: 'Overview', hint: 'cluster', group: 'Go to', run: { to: overviewLocation(namespace) } },
    ...kinds.map((k): PaletteItem => ({
      id: `go:${k.id}`,
      title: k.label,
      hint: k.group ? `${k.resource}.${k.group}` : k.resource,
      group: 'Go to',
      run: { to: listLocation(k.id, namespace) },
    })),
  ];
}

/** "Create Deployment": the kind's list with its Create window open. */
export function createItems(kinds: ResourceKind[], namespace: string): PaletteItem[] {
  return kinds.map((k) => {
    const list = listLocation(k.id, namespace) as { query?: Record<string, string> };
    return { id: `create:${k.id}`, title: `Create ${k.kind}`, hint: 'from a template', group: 'Action', run: { to: { ...list, query: { ...list.query, create: '1' } } } };
  });
}

export function objectItems(objects: LoadedObject[], keepNs: string): PaletteItem[] {
  return objects.map((o) => ({
    id: `obj:${o.kind.id}/${o.namespace}/${o.name}`,
    title: o.name,
    match: `${o.name} ${o.kind.kind} ${o.namespace}`,
    hint: o.namespace ? `${o.kind.kind} in ${o.namespace}` : o.kind.kind,
    group: 'Object',
    run: { to: objectLocation(o.kind.id, o.name, o.namespace, keepNs) },
  }));
}

export function actionItems(theme: string, namespaces: string[], setTheme: () => void, setNamespace: (ns: string) => void): PaletteItem[] {
  const other = theme === 'dark' ? 'light' : 'dark';
  return [
    { id: 'act:theme', title: `Switch to ${other} theme`, hint: 'theme', group: 'Action', run: { action: setTheme } },
    { id: 'act:ns:', title: 'Namespace: all namespaces', hint: 'switch namespace', group: 'Action', run: { action: () => setNamespace('') } },
    ...namespaces.map((ns): PaletteItem => ({
      id: `act:ns:${ns}`,
      title: `Namespace: ${ns}`,
      hint: 'switch namespace',
      group: 'Action',
      run: { action: () => setNamespace(ns) },
    })),
  ];
}
