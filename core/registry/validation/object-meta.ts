// ObjectMeta validation: apimachinery's ValidateObjectMeta and ValidateObjectMetaUpdate plus the
// core API's extra finalizer rule, which all built-in kinds share.
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import { forbidden, invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from './field-path';
import { validateImmutableField, validateNonnegative } from './immutable';
import { tooLongBytes } from './too-long';
import { isDNS1123Label, isDNS1123Subdomain as defaultNameRule, isQualifiedName, isValidLabelValue } from '../../machinery/names';

export const totalAnnotationSizeLimit = 256 * 1024;

export interface ObjectMetaOptions {
  /**
   * Only apimachinery's rules, as apiextensions uses for CRDs and custom resources; without it,
   * the core API's extra finalizer rule applies (a name without "/" must be a standard one).
   */
  genericOnly?: boolean;
  namespaced: boolean;
  /** The kind's name rule; default: DNS subdomain. */
  validateName?: (name: string) => string[];
}

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    for (const msg of isValidLabelValue(String(v))) errs.push(invalid(path, v, msg));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    size += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  if (size > totalAnnotationSizeLimit) {
    errs.push(tooLongBytes(path, totalAnnotationSizeLimit));
  }
  return errs;
}

function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const apiVersion = ref.apiVersion ?? '';
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
    if (!version) errs.push(invalid(child(path, 'apiVersion'), apiVersion, 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(child(path, 'kind'), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalid(child(path, 'name'), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalid(child(path, 'uid'), ref.uid ?? '', 'uid must not be empty'));
    if (apiVersion === 'v1' && ref.kind === 'Event') {
      errs.push(invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller) {
      const name = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(
            path,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`,
          ),
        );
      } else {
        firstController = name;
      }
    }
  }
  return errs;
}

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateFinalizers(finalizers: string[] | undefined, path: string, genericOnly = false): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  // apimachinery checks each name against the unindexed path...
  for (const f of list) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  // ...and the core API checks it again per index, adding the standard-name rule.
  if (!genericOnly) list.forEach((f, i) => errs.push(...validateKubeFinalizerName(f, index(path, i))));
  return errs;
}

/** A finalizer name: qualified, and either domain-prefixed or one of the standard ones. */
export function validateKubeFinalizerName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (!name.includes('/') && !standardFinalizers.has(name)) {
    errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

/** generateName may end in '-': mask it as apimachinery does before checking the name rule. */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  opts: ObjectMetaOptions,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const nameRule = opts.validateName ?? defaultNameRule;
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameRule(maskTrailingDash(m.generateName))) {
      errs.push(invalid(child(path, 'generateName'), m.generateName, msg));
    }
  }
  if (!m.name) {
    errs.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameRule(m.name)) errs.push(invalid(child(path, 'name'), m.name, msg));
  }
  if (opts.namespaced) {
    if (!m.namespace) errs.push(required(child(path, 'namespace')));
    else for (const msg of isDNS1123Label(m.namespace)) errs.push(invalid(child(path, 'namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(m.generation, child(path, 'generation')));
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers'), opts.genericOnly));
  return errs;
}

export function validateObjectMetaUpdate(
  meta: ObjectMeta | undefined,
  old: ObjectMeta | undefined,
  path = 'metadata',
  opts: Pick<ObjectMetaOptions, 'genericOnly'> = {},
): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const added = [...new Set(m.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (added.length) {
      errs.push(
        forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  if ((m.generation ?? 0) < (o.generation ?? 0)) {
    errs.push(invalid(child(path, 'generation'), m.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...validateImmutableField(m.name, o.name, child(path, 'name')));
  errs.push(...validateImmutableField(m.namespace, o.namespace, child(path, 'namespace')));
  errs.push(...validateImmutableField(m.uid, o.uid, child(path, 'uid')));
  errs.push(...validateImmutableField(m.creationTimestamp, o.creationTimestamp, child(path, 'creationTimestamp')));
  errs.push(...validateImmutableField(m.deletionTimestamp, o.deletionTimestamp, child(path, 'deletionTimestamp')));
  errs.push(
    ...validateImmutableField(m.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, child(path, 'deletionGracePeriodSeconds')),
  );
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  if (!opts.genericOnly) {
    (m.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, index(child(path, 'finalizers'), i))));
  }
  return errs;
}
