// Any Kubernetes object as plain JSON. Types only, so pure modules (and the Node-side tests that
// check them against kubectl) can name it without loading the bridge.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}
