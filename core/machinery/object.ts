// The shape every stored Kubernetes object shares. Kind-specific shapes come from
// kubernetes-types; the API server itself only relies on this.
import type { ObjectMeta as ReadonlyObjectMeta } from 'kubernetes-types/meta/v1';

/** kubernetes-types marks server-set fields readonly; the server is who sets them. */
export type ObjectMeta = { -readonly [K in keyof ReadonlyObjectMeta]: ReadonlyObjectMeta[K] };

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** A plain JSON value, as objects arrive from clients. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A kubernetes-types shape as stored: metadata always present. */
export type Kube<T> = T & KubeObject;
