// An object as kubectl get -o yaml and kubectl edit show it: managedFields hidden.
import * as yaml from 'js-yaml';
import type { KubeObject } from './object-source';

export function withoutManagedFields(object: KubeObject): KubeObject {
  const { managedFields: _hidden, ...metadata } = object.metadata ?? {};
  return { ...object, metadata };
}

export function objectYaml(object: KubeObject): string {
  return yaml.dump(withoutManagedFields(object), { noRefs: true, lineWidth: -1 });
}
