// kubectl set env's NAME=VALUE and NAME- arguments (-e and positional), read as kubectl's env
// package reads them, and the container env lists they change (updateEnv).
import { CommandError } from '../command';
import { isEnvVarName } from '../../machinery/names';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, Record<string, unknown>>;
}

const ENV_ARGUMENT = /^(.+)=(.*)$/s;

/** SplitEnvironmentFromResources: resources, then NAME=VALUE / NAME- arguments; undefined when a resource follows. */
export function splitEnvFromResources(args: string[]): { resources: string[]; env: string[] } | undefined {
  const resources: string[] = [];
  const env: string[] = [];
  for (const arg of args) {
    const isEnv = ENV_ARGUMENT.test(arg) || arg.endsWith('-');
    if (isEnv) env.push(arg);
    else if (env.length) return undefined;
    else resources.push(arg);
  }
  return { resources, env };
}

/** A KEY=VALUE file on stdin ("-"): comments after "#" dropped, lines without "=" skipped. */
function readEnvFile(text: string): EnvVar[] {
  return text
    .split('\n')
    .map((line) => (line.includes('#') ? line.slice(0, line.indexOf('#')) : line))
    .filter((line) => line.includes('='))
    .map((line) => ({ name: line.slice(0, line.indexOf('=')), value: line.slice(line.indexOf('=') + 1) }));
}

/** ParseEnv: the variables to set (in order) and the names to remove. */
export function parseEnv(specs: string[], stdin: string): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') env.push(...readEnvFile(stdin));
    else if (spec.includes('=')) {
      const name = spec.slice(0, spec.indexOf('='));
      const errs = isEnvVarName(name);
      if (errs.length) throw new CommandError(`${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`);
      set.add(name);
      env.push({ name, value: spec.slice(spec.indexOf('=') + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new CommandError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((name) => set.has(name))) throw new CommandError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** updateEnv: existing variables kept in place (replaced when set again, dropped when removed), new ones appended. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** GetEnvVarRefString: where a variable's value comes from, for --list. */
export function envRefString(from: EnvVar['valueFrom']): string {
  const ref = (k: string) => from?.[k] as Record<string, string> | undefined;
  if (ref('configMapKeyRef')) return `configmap ${ref('configMapKeyRef')!.name}, key ${ref('configMapKeyRef')!.key}`;
  if (ref('secretKeyRef')) return `secret ${ref('secretKeyRef')!.name}, key ${ref('secretKeyRef')!.key}`;
  if (ref('fieldRef')) return `field path ${ref('fieldRef')!.fieldPath}`;
  if (ref('resourceFieldRef')) {
    const r = ref('resourceFieldRef')!;
    return `resource field ${r.containerName ? `${r.containerName}/` : ''}${r.resource}`;
  }
  return 'invalid valueFrom';
}
