// Where objects live in the store: /registry/<group or core>/<resource>/<namespace>/<name>.
export interface KeySpace {
  group: string;
  plural: string;
  namespaced: boolean;
}

export function resourcePrefix(r: KeySpace): string {
  return `/registry/${r.group || 'core'}/${r.plural}/`;
}

/** Prefix of a namespace's objects, or of all objects when namespace is empty. */
export function namespacePrefix(r: KeySpace, namespace: string | undefined): string {
  return r.namespaced && namespace ? `${resourcePrefix(r)}${namespace}/` : resourcePrefix(r);
}

export function objectKey(r: KeySpace, namespace: string | undefined, name: string): string {
  return r.namespaced ? `${resourcePrefix(r)}${namespace}/${name}` : `${resourcePrefix(r)}${name}`;
}
