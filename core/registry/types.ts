// What a resource kind tells the generic registry and the API server. Each kind lives in
// core/registry/<plural>/ and exports one ResourceDef (see pods/ for the shape); the generic
// store, discovery, OpenAPI and table printing are driven from these definitions.
import type { SchemaObject } from './openapi/schema-node';
import type { KubeObject } from '../machinery/object';
import type { FieldError } from '../machinery/field-errors';

/** Kind-specific rules, like Kubernetes' RESTCreateStrategy/RESTUpdateStrategy. */
export interface Strategy<T extends KubeObject = KubeObject> {
  /** Fills defaulted fields (SetDefaults_*); runs on create and update, before validation. */
  defaults?(obj: T): void;
  /** Create-time preparation: clear status, set initial fields. */
  prepareForCreate?(obj: T): void;
  /** Update-time preparation: keep status from old, etc. (runs after the generic rules). */
  prepareForUpdate?(obj: T, old: T): void;
  validate?(obj: T): FieldError[];
  /** Extra checks on update, such as immutable fields; validate() also runs on update. */
  validateUpdate?(obj: T, old: T): FieldError[];
  /** Status subresource update: copy everything but status from old. Default: that. */
  prepareForStatusUpdate?(obj: T, old: T): void;
  validateStatusUpdate?(obj: T, old: T): FieldError[];
  /** DELETE marks the object instead of removing it while this holds (namespace spec.finalizers). */
  deletionBlocked?(obj: T): boolean;
  /** Runs when DELETE marks the object for deletion (a namespace turns Terminating). */
  prepareForDelete?(obj: T): void;
  /**
   * Graceful deletion (RESTGracefulDeleteStrategy): the seconds a deleted object lingers marked
   * before it goes, given the grace period the request asked for. Absent: it goes at once.
   */
  gracePeriod?(obj: T, requested: number | undefined): number;
}

/** A Table column, as meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 0: shown by default; 1: only with -o wide. */
  priority: number;
}

export interface Printer<T extends KubeObject = KubeObject> {
  columns: TableColumn[];
  /** One row's cells, in column order. now is the request time, for ages. */
  cells(obj: T, now: Date): unknown[];
}

/** Field selectors a kind supports besides metadata.name and metadata.namespace. */
export type FieldGetters<T extends KubeObject = KubeObject> = Record<string, (obj: T) => string>;

export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** A subresource other than status and scale (pods/log, pods/eviction, serviceaccounts/token...). */
export interface SubresourceDef {
  name: string;
  /** Kind of the subresource's body; group and version default to the resource's own. */
  kind: string;
  group?: string;
  version?: string;
  verbs: Verb[];
  /**
   * The object's top-level fields a write through this subresource changes; the rest stays as
   * stored (namespaces/finalize: spec; pods/binding: spec and status). With the update verb,
   * a PUT of the whole object serves it.
   */
  writes?: string[];
}

export interface ResourceDef<T extends KubeObject = KubeObject> {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Verbs on the main resource; default: all eight. */
  verbs?: Verb[];
  /**
   * OpenAPI component schemas of a kind outside the generated built-ins (the metrics APIs),
   * each kind tagged with x-kubernetes-group-version-kind, named as in the served documents.
   */
  definitions?: Record<string, SchemaObject>;
  /** Has a status subresource (status is kept apart from the main object). */
  status?: boolean;
  scale?: ScaleSubresource;
  subresources?: SubresourceDef[];
  /** Does a spec change bump metadata.generation (true for kinds with spec). */
  generation?: boolean;
  /** An annotation change bumps generation too (Deployments: rollout undo relies on it). */
  annotationsBumpGeneration?: boolean;
  /** A /status write may also change annotations (Deployments' revision annotation). */
  statusKeepsAnnotations?: boolean;
  /** DELETE answers with the deleted object instead of a Status (pods, as in Kubernetes). */
  returnDeletedObject?: boolean;
  /** Served from a CustomResourceDefinition. */
  custom?: boolean;
  /** metadata is checked by apimachinery's rules only, without the core API's finalizer rule (apiextensions' kinds). */
  genericMetaValidation?: boolean;
  /** metadata.name rule; default: DNS-1123 subdomain. */
  validateName?: (name: string) => string[];
  strategy: Strategy<T>;
  printer: Printer<T>;
  fields?: FieldGetters<T>;
}
