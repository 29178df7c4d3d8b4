// kubectl's command-line grammar (cobra + pflag), so flags are accepted and refused exactly as
// kubectl accepts and refuses them: `--name=value`, `--name value`, `-n value`, `-nvalue`,
// `-n=value`, grouped boolean shorthands (`-it`), flags anywhere among the arguments, and `--`
// ending them. Node's util.parseArgs differs on all of the error messages and on `-nvalue`.
import { parseGoDuration } from '../machinery/go-duration';

export type FlagType = 'bool' | 'string' | 'int' | 'float' | 'duration' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Shown by --help; the parsed value is undefined when the flag is absent. */
  usage?: string;
  /** pflag's NoOptDefVal: the value of `--flag` given bare (`--dry-run` means "unchanged"); only `--flag=x` sets another. */
  noOptDefVal?: string;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedArgs {
  flags: Map<string, FlagValue>;
  positionals: string[];
  /** Where `--` stood among the positionals (kubectl's ArgsLenAtDash), or -1. */
  dashAt: number;
}

/** A flag cobra could not parse: kubectl prints "Error: ..." and where --help is, exit 1. */
export class FlagError extends Error {}

function setValue(flags: Map<string, FlagValue>, spec: FlagSpec, raw: string): void {
  // pflag names the flag by its spellings, however it was given: "-n, --namespace" or "--replicas".
  const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  switch (spec.type) {
    case 'bool': {
      if (!/^(true|false|1|0|t|f|TRUE|FALSE|True|False|T|F)$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      flags.set(spec.name, /^(true|1|t|TRUE|True|T)$/.test(raw));
      return;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      flags.set(spec.name, Number(raw));
      return;
    }
    case 'float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseFloat: parsing "${raw}": invalid syntax`);
      flags.set(spec.name, Number(raw));
      return;
    }
    case 'duration': {
      try {
        flags.set(spec.name, parseGoDuration(raw));
      } catch (err) {
        throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: ${(err as Error).message}`);
      }
      return;
    }
    case 'stringArray':
      flags.set(spec.name, [...((flags.get(spec.name) as string[] | undefined) ?? []), raw]);
      return;
    case 'stringSlice':
      flags.set(spec.name, [...((flags.get(spec.name) as string[] | undefined) ?? []), ...(raw === '' ? [] : raw.split(','))]);
      return;
    default:
      flags.set(spec.name, raw);
  }
}

export function parseFlags(args: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, FlagValue>();
  const positionals: string[] = [];
  let dashAt = -1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      dashAt = positionals.length;
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(flags, spec, arg.slice(eq + 1));
      else if (spec.type === 'bool') flags.set(spec.name, true);
      else if (spec.noOptDefVal !== undefined) setValue(flags, spec, spec.noOptDefVal);
      else if (i + 1 < args.length) setValue(flags, spec, args[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // Shorthands: "-it", "-nfoo", "-n=foo", "-n foo".
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
        const rest = arg.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            setValue(flags, spec, rest.slice(1));
            break;
          }
          flags.set(spec.name, true);
          continue;
        }
        if (rest) setValue(flags, spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (spec.noOptDefVal !== undefined) setValue(flags, spec, spec.noOptDefVal);
        else if (i + 1 < args.length) setValue(flags, spec, args[++i]!);
        else throw new FlagError(`flag needs an argument: '${c}' in ${arg}`);
        break;
      }
      continue;
    }
    positionals.push(arg);
  }
  return { flags, positionals, dashAt };
}

/** Typed reads of parsed flags, with kubectl's defaults given at the call. */
export class Flags {
  constructor(private readonly parsed: ParsedArgs) {}
  has(name: string): boolean {
    return this.parsed.flags.has(name);
  }
  string(name: string, fallback = ''): string {
    const v = this.parsed.flags.get(name);
    return typeof v === 'string' ? v : fallback;
  }
  bool(name: string, fallback = false): boolean {
    const v = this.parsed.flags.get(name);
    return typeof v === 'boolean' ? v : fallback;
  }
  /** int, float and duration flags (durations in milliseconds). */
  int(name: string, fallback: number): number {
    const v = this.parsed.flags.get(name);
    return typeof v === 'number' ? v : fallback;
  }
  strings(name: string): string[] {
    const v = this.parsed.flags.get(name);
    return Array.isArray(v) ? v : [];
  }
}
