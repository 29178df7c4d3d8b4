// Label selectors as k8s.io/apimachinery/pkg/labels: the string syntax of labels.Parse, the
// matching rules, and the conversion from the API's LabelSelector (LabelSelectorAsSelector).
import { ownValue } from '../json-value';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  LabelSelectorError,
  everything,
  newRequirement,
  nothing,
  parseInt64,
  requirementToString,
  type LabelOperator,
  type LabelRequirement,
  type Selector,
} from './label-requirement';

export {
  LabelSelectorError,
  everything,
  newRequirement,
  nothing,
  requirementToString,
  type LabelOperator,
  type LabelRequirement,
  type Selector,
} from './label-requirement';

function requirementMatches(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value as string);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseInt64(value as string);
      const wanted = parseInt64(r.values[0]);
      if (actual === undefined || wanted === undefined) return false;
      return r.operator === 'gt' ? actual > wanted : actual < wanted;
    }
  }
}

/** Does a set of labels satisfy the selector? */
export function matchesLabels(selector: Selector, labels: Record<string, string> | undefined): boolean {
  if (selector.nothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, set));
}

function byKey(reqs: LabelRequirement[]): LabelRequirement[] {
  return [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Converts the API's LabelSelector (LabelSelectorAsSelector). The two edge cases differ on
 * purpose, as in Kubernetes: a null/absent selector selects nothing, while an empty one ({}: no
 * matchLabels, no matchExpressions) selects everything. Throws LabelSelectorError when invalid.
 */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return nothing;
  const matchLabels = Object.entries(ls.matchLabels ?? {});
  const expressions = ls.matchExpressions ?? [];
  if (matchLabels.length + expressions.length === 0) return everything;
  const reqs = matchLabels.map(([k, v]) => newRequirement(k, '=', [v]));
  for (const expr of expressions) {
    const op = ownValue(apiOperators, expr.operator);
    if (!op) throw new LabelSelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(expr.key, op, [...(expr.values ?? [])]));
  }
  return { requirements: byKey(reqs) };
}

const apiOperators: Record<string, LabelOperator | undefined> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** Shorthand: does this API LabelSelector (null: nothing, {}: everything) select these labels? */
export function labelSelectorMatches(ls: LabelSelector | null | undefined, labels: Record<string, string> | undefined): boolean {
  return matchesLabels(selectorFromLabelSelector(ls), labels);
}

/** A selector matching exactly the given labels (labels.SelectorFromSet); empty: everything. */
export function selectorFromSet(set: Record<string, string> | undefined): Selector {
  const entries = Object.entries(set ?? {});
  return { requirements: byKey(entries.map(([key, v]) => ({ key, operator: '=', values: [v] }))) };
}

/** The selector's canonical string; "" for both everything and nothing. */
export function labelSelectorToString(selector: Selector): string {
  return selector.requirements.map(requirementToString).join(',');
}

export { parseLabelSelector } from './label-selector-parser';
