// LimitRange rules (SetDefaults_LimitRangeItem, ValidateLimitRange).
import type { LimitRange, LimitRangeItem } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultResourceList } from '../defaults/resource-list';
import { duplicate, forbidden, invalid, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index, key } from '../validation/field-path';
import { isQualifiedName } from '../../machinery/names';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../machinery/quantity';
import { validateResourceList } from '../validation/resource-list';

type LimitRangeObject = Kube<LimitRange>;

const limitTypes = ['Pod', 'Container', 'PersistentVolumeClaim'];
const listFields = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;
type ListField = (typeof listFields)[number];

const listOf = (item: LimitRangeItem, f: ListField): Record<string, unknown> =>
  (item[f] ?? {}) as Record<string, unknown>;

/** SetDefaults_LimitRangeItem: for containers, default limit from max, request from limit or min. */
function defaultItem(item: LimitRangeItem): void {
  for (const f of listFields) defaultResourceList(item[f] as Record<string, unknown> | undefined);
  if (item.type !== 'Container') return;
  const def = { ...item.default };
  const req = { ...item.defaultRequest };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
  // Empty maps are not serialised, so only non-empty ones appear.
  if (Object.keys(def).length) item.default = def;
  if (Object.keys(req).length) item.defaultRequest = req;
}

function typeErrors(type: string, path: string): FieldError[] {
  const errs = isQualifiedName(type).map((m) => invalid(path, type, m));
  if (!errs.length && !type.includes('/') && !limitTypes.includes(type)) {
    errs.push(invalid(path, type, 'must be a standard limit type or fully qualified'));
  }
  return errs;
}

function validateItem(item: LimitRangeItem, path: string): FieldError[] {
  const errs = typeErrors(item.type ?? '', child(path, 'type'));
  for (const f of listFields) errs.push(...validateResourceList(listOf(item, f), child(path, f)));
  if (item.type === 'Pod') {
    if (Object.keys(listOf(item, 'default')).length) errs.push(forbidden(child(path, 'default'), "may not be specified when `type` is 'Pod'"));
    if (Object.keys(listOf(item, 'defaultRequest')).length) {
      errs.push(forbidden(child(path, 'defaultRequest'), "may not be specified when `type` is 'Pod'"));
    }
  }
  if (item.type === 'PersistentVolumeClaim' && !('storage' in listOf(item, 'min')) && !('storage' in listOf(item, 'max'))) {
    errs.push(required(child(path, 'limits'), 'either minimum or maximum storage value is required, but neither was provided'));
  }
  const q = (f: ListField, k: string): Quantity | undefined => {
    const raw = listOf(item, f)[k];
    return typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
  };
  const keys = new Set(listFields.flatMap((f) => Object.keys(listOf(item, f))));
  for (const k of keys) {
    const [min, max, def, defReq, ratio] = [q('min', k), q('max', k), q('default', k), q('defaultRequest', k), q('maxLimitRequestRatio', k)];
    const s = (x: Quantity): string => formatQuantity(x);
    const gt = (a: Quantity | undefined, b: Quantity | undefined): a is Quantity => !!a && !!b && compareQuantities(a, b) > 0;
    if (gt(min, max)) errs.push(invalid(key(child(path, 'min'), k), s(min), `min value ${s(min)} is greater than max value ${s(max!)}`));
    if (gt(min, defReq)) {
      errs.push(invalid(key(child(path, 'defaultRequest'), k), s(defReq!), `min value ${s(min)} is greater than default request value ${s(defReq!)}`));
    }
    if (gt(defReq, max)) {
      errs.push(invalid(key(child(path, 'defaultRequest'), k), s(defReq), `default request value ${s(defReq)} is greater than max value ${s(max!)}`));
    }
    if (gt(defReq, def)) {
      errs.push(invalid(key(child(path, 'defaultRequest'), k), s(defReq), `default request value ${s(defReq)} is greater than default limit value ${s(def!)}`));
    }
    if (gt(min, def)) errs.push(invalid(key(child(path, 'default'), k), s(min), `min value ${s(min)} is greater than default value ${s(def!)}`));
    if (gt(def, max)) errs.push(invalid(key(child(path, 'default'), k), s(max!), `default value ${s(def)} is greater than max value ${s(max!)}`));
    if (ratio && compareQuantities(ratio, { unscaled: 1n, exp: 0, format: 'DecimalSI' }) < 0) {
      errs.push(invalid(key(child(path, 'maxLimitRequestRatio'), k), s(ratio), `ratio ${s(ratio)} is less than 1`));
    }
  }
  return errs;
}

export const strategy: Strategy<LimitRangeObject> = {
  defaults(lr) {
    for (const item of lr.spec?.limits ?? []) defaultItem(item);
  },
  validate(lr) {
    const seen = new Set<string>();
    return (lr.spec?.limits ?? []).flatMap((item, i) => {
      const path = index('spec.limits', i);
      const errs = validateItem(item, path);
      if (seen.has(item.type)) errs.push(duplicate(child(path, 'type'), item.type));
      seen.add(item.type);
      return errs;
    });
  },
};
