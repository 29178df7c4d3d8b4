// The requirement model of k8s.io/apimachinery/pkg/labels: operators, validated requirements
// (labels.NewRequirement) with Kubernetes' error wording, and their string form.
import { isQualifiedName, isValidLabelValue } from '../names';

/** The operators of k8s.io/apimachinery/pkg/selection, spelled as Kubernetes spells them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/**
 * A parsed selector: every requirement must hold. `nothing` marks the selector that matches no
 * object at all (what a null LabelSelector converts to); no requirements means "everything".
 */
export interface Selector {
  requirements: LabelRequirement[];
  nothing?: boolean;
}

export class LabelSelectorError extends Error {
  override name = 'LabelSelectorError';
}

/** Matches every object. */
export const everything: Selector = Object.freeze({ requirements: [] }) as Selector;
/** Matches no object. */
export const nothing: Selector = Object.freeze({ requirements: [], nothing: true }) as Selector;

/** The binary operators, in the order Kubernetes lists them in parse errors. */
export const binaryOperators = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

// A field.Error rendered as Go renders it: `<path>: Invalid value: <value>: <detail>`.
function invalid(path: string, value: string | string[], detail: string): string {
  const shown = Array.isArray(value)
    ? `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`
    : JSON.stringify(value);
  return `${path}: Invalid value: ${shown}: ${detail}`;
}

// utilerrors.Aggregate's message: one error alone, several in brackets, duplicates dropped.
function aggregate(errs: string[]): string {
  const unique = [...new Set(errs)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** A label key's error as a field.Error at path, or undefined when the key is valid. */
export function keyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalid(path, key, errs.join('; ')) : undefined;
}

/** Builds a validated requirement (labels.NewRequirement); throws LabelSelectorError. */
export function newRequirement(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const errs: string[] = [];
  const kErr = keyError(key, 'key');
  if (kErr) errs.push(kErr);
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(invalid('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(invalid('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(invalid('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(invalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
  }
  values.forEach((v, i) => {
    const vErrs = isValidLabelValue(v);
    if (vErrs.length) errs.push(invalid(`values[${i}][${key}]`, v, vErrs.join('; ')));
  });
  if (errs.length) throw new LabelSelectorError(aggregate(errs));
  return { key, operator, values };
}

// strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64.
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

const operatorText: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** One requirement as Requirement.String() prints it, values sorted. */
export function requirementToString(r: LabelRequirement): string {
  const prefix = r.operator === '!' ? '!' : '';
  if (r.operator === 'exists' || r.operator === '!') return prefix + r.key;
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  const body = r.operator === 'in' || r.operator === 'notin' ? `(${values})` : values;
  return `${r.key}${operatorText[r.operator]}${body}`;
}

