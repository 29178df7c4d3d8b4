// The KEY=VALUE and KEY- arguments of label, annotate and set image, read as kubectl reads
// them (cmdutil.GetResourcesAndPairs and ParsePairs, label's own parseLabels), with their
// error messages.
import { CommandError } from '../command';
import { isValidLabelValue } from '../../machinery/names';

export interface Pairs {
  /** Keys to set, in the order given (a later duplicate wins). */
  set: Map<string, string>;
  /** Keys to remove (KEY-). */
  remove: string[];
}

const isPair = (s: string) => (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');

/** Resource arguments first, then pairs; a resource after a pair is an error. */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg);
    else if (pairs.length) throw new CommandError(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs: KEY=VALUE (the value may contain "="), KEY- when removal is allowed. */
export function parsePairs(args: string[], pairType: string, allowRemove: boolean): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) set.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (allowRemove && arg.endsWith('-') && arg !== '-') remove.push(arg.slice(0, -1));
    else invalid.push(arg);
  }
  if (invalid.length) throw new CommandError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}

/** label's parseLabels: exactly one "=", a valid label value, no key both set and removed. */
export function parseLabels(args: string[]): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const arg of args) {
    if (arg.includes('=')) {
      const parts = arg.split('=');
      if (parts.length !== 2) throw new CommandError(`invalid label spec: ${arg}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length) throw new CommandError(`invalid label value: ${JSON.stringify(arg)}: ${errs.join(';')}`);
      set.set(parts[0]!, parts[1]!);
    } else if (arg.endsWith('-')) remove.push(arg.slice(0, -1));
    else throw new CommandError(`unknown label spec: ${arg}`);
  }
  if (remove.some((key) => set.has(key))) throw new CommandError('can not both modify and remove a label in the same command');
  return { set, remove };
}
