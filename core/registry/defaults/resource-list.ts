// SetDefaults_ResourceList: every v1 ResourceList is rounded up to milli units and, like any
// decoded quantity, written back in canonical form. Unparseable values are left for validation.
import { formatQuantity, parseQuantity, roundUpToMilli } from '../../machinery/quantity';

export function defaultResourceList(list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const [name, raw] of Object.entries(list)) {
    const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
    if (q) list[name] = formatQuantity(roundUpToMilli(q));
  }
}

/** Canonical form of a single quantity field (no milli rounding), if it parses. */
export function canonicalQuantityField(raw: unknown): unknown {
  const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
  return q ? formatQuantity(q) : raw;
}
