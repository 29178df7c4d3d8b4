// "Does the selector pick the template's labels?", as the workload validations ask it. An
// unparseable selector reports nothing here: validateLabelSelector already flagged it.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesLabels, selectorFromLabelSelector } from '../../machinery/selectors/label-selector';
import type { Selector } from '../../machinery/selectors/label-requirement';

export function parsedSelector(sel: LabelSelector | undefined): Selector | undefined {
  try {
    return selectorFromLabelSelector(sel);
  } catch {
    return undefined;
  }
}

/** undefined when the selector cannot be parsed, else whether it matches. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean | undefined {
  const s = parsedSelector(sel);
  return s ? matchesLabels(s, labels) : undefined;
}
