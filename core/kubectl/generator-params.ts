// How kubectl's generators read their string parameters (pkg/generate, cmdutil.ParsePairs):
// "k=v,k2=v2" label maps and key=value pairs, with kubectl's error texts.
import { CommandError } from './command';

/** generate.ParseLabels: exactly one = per comma-separated part, keys not empty. */
export function parseLabels(spec: string): Record<string, string> {
  if (!spec) throw new CommandError('no label spec passed');
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new CommandError(`unexpected label spec: ${part}`);
    if (!kv[0]) throw new CommandError('unexpected empty label key');
    labels[kv[0]] = kv[1]!;
  }
  return labels;
}

/** polymorphichelpers.MakeLabels: the inverse of parseLabels. */
export const makeLabels = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** cmdutil.ParsePairs without removals: key=value, the value may hold more =. */
export function parsePairs(pairs: string[], pairType: string): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
    else invalid.push(pair);
  }
  if (invalid.length) throw new CommandError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}
