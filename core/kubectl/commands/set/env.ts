// kubectl set env: environment variables set (NAME=VALUE, -e, a KEY=VALUE file on stdin, or
// every key of a ConfigMap or Secret with --from) or removed (NAME-) in the containers of each
// pod template (-c picks them by name, "*" wildcards allowed), sent as the strategic merge
// patch between before and after; --list prints the variables instead.
import type { Command, CommandContext } from '../../command';
import { CommandError } from '../../command';
import { objectPath } from '../../discovery';
import { ServerError } from '../../rest';
import { collected, readAll, selectResources, type KubeObj } from '../../resource-builder';
import { createTwoWayStrategicMergePatch } from '../../../apiserver/patch/strategic-merge-patch';
import { envRefString, parseEnv, splitEnvFromResources, updateEnv, type EnvVar } from '../../modify/env-args';
import { containersOf, matchesContainer, podSpecOf } from '../../modify/pod-template';
import { builtInSchema } from '../../modify/typed-schema';
import { dryRunOf, writeFlags, writeQuery } from '../../write/options';
import { resultPrinter } from '../../write/print';
import { readStdin } from '../../stdin-text';

/** --from: one variable per key of the ConfigMap or Secret, its name made a valid one (with a warning). */
async function envFrom(ctx: CommandContext, from: string, keys: string[]): Promise<EnvVar[]> {
  const session = await ctx.session();
  const selection = selectResources(session.rest, await session.discovery(), { args: [from], namespace: session.config.namespace, selector: ctx.flags.string('selector'), all: ctx.flags.bool('all') });
  const { found, failures } = await readAll(selection);
  if (failures.length) throw collected(failures);
  const env: EnvVar[] = [];
  for (const { object } of found) {
    const kind = object.kind === 'Secret' ? 'secretKeyRef' : object.kind === 'ConfigMap' ? 'configMapKeyRef' : undefined;
    if (!kind) throw new CommandError('unsupported resource specified in --from');
    for (const key of Object.keys((object.data ?? {}) as Record<string, string>)) {
      if (keys.length && !keys.includes(key)) continue;
      const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (name !== key) ctx.io.stderr.write(`Warning: key ${key} transferred to ${name}\n`);
      env.push({ name, valueFrom: { [kind]: { key, name: String(object.metadata?.name ?? '') } } });
    }
  }
  return env;
}

/** --list: each selected container's variables, values or where they come from. */
function listEnv(out: NodeJS.WritableStream, obj: KubeObj, container: { name?: string; env?: EnvVar[] }): void {
  out.write(`# ${String(obj.kind)} ${String(obj.metadata?.name)}, container ${container.name}\n`);
  for (const e of container.env ?? []) out.write(e.valueFrom ? `# ${e.name} from ${envRefString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (flags.bool('all') && flags.string('selector')) throw new CommandError('cannot set --all and --selector at the same time');
  const split = splitEnvFromResources(ctx.args);
  if (!split) throw new CommandError(`all resources must be specified before environment changes: ${ctx.args.join(' ')}`);
  const dryRun = dryRunOf(flags, io.stderr);
  const printer = resultPrinter(flags, { dryRun, typed: true, cwd: io.cwd });
  const list = flags.bool('list');
  const from = flags.string('from');
  const keys = flags.strings('keys');
  if (flags.bool('local') && dryRun === 'server') throw new CommandError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (!split.resources.length) throw new CommandError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (list && flags.string('output')) throw new CommandError('--list and --output may not be specified together');
  if (keys.length && !from) throw new CommandError('when specifying --keys, a configmap or secret must be provided with --from');

  const specs = [...flags.strings('env'), ...split.env];
  const stdin = specs.includes('-') ? await readStdin(io.stdin) : '';
  const { env, remove } = parseEnv(specs, stdin);
  if (from) env.push(...(await envFrom(ctx, from, keys)));
  const prefix = flags.string('prefix');
  for (const e of env) e.name = prefix + e.name;

  const session = await ctx.session();
  const selection = selectResources(session.rest, await session.discovery(), {
    args: split.resources,
    namespace: session.config.namespace,
    selector: flags.string('selector'),
    all: flags.bool('all'),
  });
  const { found, failures } = await readAll(selection);
  if (failures.length) throw collected(failures);

  const selector = flags.string('containers', '*');
  const overwrite = flags.bool('overwrite', true);
  const errors: unknown[] = [];
  const changed: { info: (typeof found)[number]; patch: Record<string, unknown> }[] = [];
  for (const item of found) {
    const { info, name, object } = item;
    const before = structuredClone(object);
    try {
      const { init, regular } = containersOf(podSpecOf(object));
      const containers = [...regular, ...init].filter((c) => matchesContainer(c.name ?? '', selector)) as { name?: string; env?: EnvVar[] }[];
      if (!containers.length) io.stderr.write(`Warning: ${String(object.kind)}/${name} does not have any containers matching ${JSON.stringify(selector)}\n`);
      for (const c of containers) {
        if (!overwrite) {
          const clash = env.find((e) => c.env?.some((x) => x.name === e.name && (x.value ?? '') !== (e.value ?? '')));
          if (clash) {
            const current = c.env!.find((x) => x.name === clash.name)!;
            throw new Error(`'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`);
          }
        }
        const next = updateEnv(c.env ?? [], env, remove);
        if (next.length) c.env = next;
        else delete c.env;
        if (list) listEnv(io.stdout, object, c);
      }
    } catch (err) {
      errors.push(new Error(`error: ${info.resource}/${name} ${(err as Error).message}\n`));
      continue;
    }
    changed.push({ info: item, patch: createTwoWayStrategicMergePatch(before, object, builtInSchema(String(object.apiVersion), String(object.kind))) });
  }
  if (list) return 0;

  for (const { info: item, patch } of changed) {
    if (!Object.keys(patch).length) continue;
    if (dryRun === 'client') {
      io.stdout.write(printer.print(item.object, 'env updated'));
      continue;
    }
    let answer: KubeObj;
    try {
      answer = await session.rest.json<KubeObj>({
        method: 'PATCH',
        path: objectPath(item.info, item.namespace, item.name),
        query: writeQuery({ dryRun, fieldManager: flags.string('field-manager') || 'kubectl-set' }),
        contentType: 'application/strategic-merge-patch+json',
        body: patch,
      });
    } catch (err) {
      errors.push(new Error(`failed to patch env update to pod template: ${err instanceof ServerError ? err.status.message : (err as Error).message}`));
      continue;
    }
    // kubectl checks this only after the first patch was sent.
    if (!env.length && !split.env.length) throw new CommandError('at least one environment variable must be provided');
    io.stdout.write(printer.print(answer, 'env updated'));
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

export const env: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  flags: [
    ...writeFlags(),
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'from', type: 'string' },
    { name: 'prefix', type: 'string' },
    { name: 'env', short: 'e', type: 'stringArray' },
    { name: 'keys', type: 'stringSlice' },
    { name: 'list', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run,
};
