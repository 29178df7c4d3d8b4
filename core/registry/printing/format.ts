// Cell formatting shared by the kind printers: label maps, selectors, container lists, lists
// cut short with "+ N more...", as the real API server's printers render them.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Container } from 'kubernetes-types/core/v1';
import { labelSelectorToString, selectorFromLabelSelector } from '../../machinery/selectors/label-selector';

export const NONE = '<none>';
export const UNSET = '<unset>';

/** labels.FormatLabels: "a=1,b=2" sorted by key, or "<none>". */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return NONE;
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}

/** metav1.FormatLabelSelector: the selector string, "<none>" when it selects all or nothing, "<error>" when invalid. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  try {
    return labelSelectorToString(selectorFromLabelSelector(ls)) || NONE;
  } catch {
    return '<error>';
  }
}

/** The selector string as the Deployment printer shows it: "" when empty, "<invalid>" when invalid. */
export function selectorOrInvalid(ls: LabelSelector | null | undefined): string {
  try {
    return labelSelectorToString(selectorFromLabelSelector(ls));
  } catch {
    return '<invalid>';
  }
}

/** The CONTAINERS and IMAGES cells: names and images, comma-separated. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** Joins the first `max` entries and says how many were left out, or `empty` when there are none. */
export function listWithMore(list: string[], count: number, max: number, empty = UNSET): string {
  const shown = list.slice(0, max).join(',');
  if (count > max) return `${shown} + ${count - max} more...`;
  return shown === '' ? empty : shown;
}

const accessModeShort: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString: "RWO,RWX" in a fixed order, each mode once. */
export function accessModesString(modes: string[] | undefined): string {
  const present = new Set(modes ?? []);
  return accessModeShort
    .filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** A quantity as the printers show it; an absent quantity prints as Go's zero Quantity, "0". */
export function quantity(q: string | number | undefined): string {
  return q === undefined ? '0' : String(q);
}

/** An IntOrString as intstr.String() shows it. */
export function intOrString(v: number | string): string {
  return String(v);
}

/** printBool / printBoolPtr: "True", "False", or "<unset>". */
export function boolPtr(v: boolean | undefined): string {
  if (v === undefined) return UNSET;
  return v ? 'True' : 'False';
}
