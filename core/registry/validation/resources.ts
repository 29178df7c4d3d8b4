// Resource names and quantities in ResourceLists (container resources, quota, limit ranges).
import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, key } from './field-path';
import { isNegativeErrorMsg } from './immutable';
import { isQualifiedName } from '../../machinery/names';
import { compareQuantities, formatQuantity, parseQuantity, quantityFormatError, type Quantity } from '../../machinery/quantity';

export type ResourceList = Record<string, string | number>;

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const isHugePageResourceName = (name: string): boolean => name.startsWith('hugepages-');

/** Names without a domain, or in kubernetes.io, belong to Kubernetes. */
export const isNativeResource = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');

export const isExtendedResourceName = (name: string): boolean =>
  !isNativeResource(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;

/** Requests may be below limits only for these (not hugepages or extended resources). */
export const isOvercommitAllowed = (name: string): boolean => isNativeResource(name) && !isHugePageResourceName(name);

const integerResources = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

/** Resources counted in whole units. */
export const isIntegerResourceName = (name: string): boolean =>
  integerResources.has(name) || name.startsWith('count/') || isExtendedResourceName(name);

/** Parses one list entry, reporting a quantity Kubernetes could not decode. */
export function parseListQuantity(raw: unknown, path: string, errs: FieldError[]): Quantity | undefined {
  const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
  if (!q) errs.push(invalid(path, raw ?? null, quantityFormatError));
  return q;
}

/** ValidateResourceQuantityValue: not negative, whole for integer resources. */
export function validateQuantityValue(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.unscaled < 0n) errs.push(invalid(path, formatQuantity(q), isNegativeErrorMsg));
  if (isIntegerResourceName(name) && q.exp < 0 && q.unscaled % 10n ** BigInt(-q.exp) !== 0n) {
    errs.push(invalid(path, formatQuantity(q), 'must be an integer'));
  }
  return errs;
}

export function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length) return errs;
  if (!name.includes('/')) {
    if (!standardContainerResources.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** A container's (or pod overhead's) requests and limits. */
export function validateResourceRequirements(req: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries((req?.limits ?? {}) as ResourceList)) {
    const p = key(limPath, name);
    errs.push(...validateResourceName(name, p));
    const q = parseListQuantity(raw, p, errs);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    limits.set(name, q);
  }
  for (const [name, raw] of Object.entries((req?.requests ?? {}) as ResourceList)) {
    const p = key(reqPath, name);
    errs.push(...validateResourceName(name, p));
    const q = parseListQuantity(raw, p, errs);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit) {
      const cmp = compareQuantities(q, limit);
      const [shown, lim] = [formatQuantity(q), formatQuantity(limit)];
      if (cmp !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, shown, `must be equal to ${name} limit of ${lim}`));
      } else if (cmp > 0) {
        errs.push(invalid(reqPath, shown, `must be less than or equal to ${name} limit of ${lim}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
