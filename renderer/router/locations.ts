// The app's addresses, in one place: #/overview, #/<kind>?ns=, #/<kind>/<namespace>/<name>,
// with '_' standing for "no namespace" (cluster-scoped objects).
import type { RouteLocationRaw } from 'vue-router';

export const CLUSTER_SCOPE = '_';

const nsQuery = (namespace: string | undefined) => (namespace ? { ns: namespace } : {});

export function overviewLocation(namespace?: string): RouteLocationRaw {
  return { name: 'overview', query: nsQuery(namespace) };
}

/** A kind's list, filtered to a namespace ('' or undefined: all), plus extra list filters. */
export function listLocation(kindId: string, namespace?: string): RouteLocationRaw {
  return { name: 'list', params: { kind: kindId }, query: nsQuery(namespace) };
}

/** An object's page; `keepNs` carries the namespace picker's choice along. */
export function objectLocation(kindId: string, name: string, namespace?: string, keepNs?: string): RouteLocationRaw {
  return { name: 'object', params: { kind: kindId, namespace: namespace || CLUSTER_SCOPE, name }, query: nsQuery(keepNs) };
}

/** The namespace part of an object route, '' for cluster-scoped. */
export function routeNamespace(param: string): string {
  return param === CLUSTER_SCOPE ? '' : param;
}
