// The wheelhouse.dev/simulated-usage pod annotation: usage a simulated container reports
// instead of its model's, so demos and tests can drive charts, `kubectl top` and OOM kills.
//   "cpu=750m,memory=300Mi"                 every container of the pod
//   "web:cpu=750m;sidecar:memory=20Mi"      per container (container: entries win)
//   "memory=64Mi;web:cpu=2"                 both: a container entry overrides the pod-wide one per resource
// A resource left out keeps the model's value.
import { parseQuantity, quantityToMilli, quantityToNumber } from '../machinery/quantity';

export const USAGE_ANNOTATION = 'wheelhouse.dev/simulated-usage';

export interface UsageOverride {
  cpuMillicores?: number;
  memoryBytes?: number;
}

const fail = (text: string, why: string) => new Error(`invalid ${USAGE_ANNOTATION} annotation "${text}": ${why}`);

function parseEntry(text: string, body: string): UsageOverride {
  const out: UsageOverride = {};
  for (const pair of body.split(',')) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (key !== 'cpu' && key !== 'memory') throw fail(text, `unknown resource "${key}" (want cpu=QUANTITY or memory=QUANTITY)`);
    const q = parseQuantity(value);
    if (!q) throw fail(text, `${key}: "${value}" is not a quantity (e.g. 750m, 300Mi)`);
    if (q.unscaled < 0n) throw fail(text, `${key}: must not be negative`);
    if ((key === 'cpu' ? out.cpuMillicores : out.memoryBytes) !== undefined) throw fail(text, `${key} given twice`);
    if (key === 'cpu') out.cpuMillicores = Math.ceil(quantityToMilli(value));
    else out.memoryBytes = Math.ceil(quantityToNumber(value));
  }
  return out;
}

/** The override for one container, or undefined when the annotation does not name it; throws on a malformed annotation. */
export function usageOverrideFor(annotations: Record<string, string> | undefined, container: string): UsageOverride | undefined {
  const text = annotations?.[USAGE_ANNOTATION];
  if (text === undefined) return undefined;
  let all: UsageOverride | undefined;
  const named = new Map<string, UsageOverride>();
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      if (all) throw fail(text, 'more than one entry without a container name');
      all = parseEntry(text, entry);
      continue;
    }
    const name = entry.slice(0, colon).trim();
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) throw fail(text, `"${name}" is not a container name`);
    if (named.has(name)) throw fail(text, `container "${name}" given twice`);
    named.set(name, parseEntry(text, entry.slice(colon + 1)));
  }
  if (!all && named.size === 0) throw fail(text, 'no entries (e.g. cpu=750m,memory=300Mi)');
  const mine = named.get(container);
  if (!all && !mine) return undefined;
  return { ...all, ...mine };
}
