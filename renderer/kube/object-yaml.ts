// An object as kubectl get -o yaml and kubectl edit show it: managedFields hidden.
import * as yaml from 'js-yaml';
import type { KubeObject } from './object-source';

export function withoutManagedFields(object: KubeObject): KubeObject {
  const { managedFields: _hidden, ...metadata } = object.metadata ?? {};
  return { ...object, metadata };
}

/** `sorted`: keys in order, as kubectl diff prints both sides, so only changes differ. */
export function objectYaml(object: KubeObject, sorted = false): string {
  return yaml.dump(withoutManagedFields(object), { noRefs: true, lineWidth: -1, sortKeys: sorted });
}
