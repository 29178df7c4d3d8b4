// kubectl run NAME --image=image [--env=...] [--port=...] [--labels=...] [--restart=...]
// [--expose] [--overrides=...] [--dry-run=...] [--command] -- [COMMAND] [args...]
// Creates the pod (and with --expose its ClusterIP service) and prints them; with -i or
// --attach it goes on to attach-step.ts.
import { CommandError, UsageError, type Command, type CommandContext } from '../../command';
import { missingRequired } from '../create/generator';
import { generateService } from '../expose/generate-service';
import { goTyped } from '../../printers/go-typed';
import { ServerError } from '../../rest';
import { resultPrinter, withLastApplied, writeFlags, writeOptions, writeQuery, type ResultPrinter, type WriteOptions } from '../../write';
import { applyOverrides, OVERRIDE_FLAGS, serverSchema } from '../../write/overrides';
import { ATTACH_SUPPORTED, attachAfterRun, type RunCreated } from './attach-step';
import { IMAGE_REFERENCE } from './image-reference';
import { generatePod } from './pod';

type Obj = Record<string, unknown>;

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', ''];

/** Sends one generated object, or (client dry run) gives it its namespace when -n was given. */
async function createObject(ctx: CommandContext, write: WriteOptions, obj: Obj, plural: string): Promise<Obj> {
  const session = await ctx.session();
  const namespace = session.config.namespace;
  if (write.dryRun === 'client') return session.config.namespaceExplicit ? { ...obj, metadata: { ...(obj.metadata as Obj), namespace } } : obj;
  const body = goTyped(write.saveConfig ? withLastApplied(obj, true) : obj);
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/${plural}`;
  return session.rest.json<Obj>({ method: 'POST', path, query: writeQuery({ dryRun: write.dryRun, fieldManager: write.fieldManager }), body });
}

/** --expose: the pod's service, printed before the pod (a YAML document separator after it). */
async function exposePod(ctx: CommandContext, write: WriteOptions, printer: ResultPrinter, name: string): Promise<Obj> {
  const labels = ctx.flags.string('labels');
  const service = generateService({ name, selector: labels || `run=${name}`, labels, port: ctx.flags.string('port') });
  const created = await createObject(ctx, write, service, 'services');
  ctx.io.stdout.write(printer.print(created, 'created'));
  if (ctx.flags.string('output') === 'yaml') ctx.io.stdout.write('---\n');
  return created;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (missingRequired(ctx, ['image'])) return 1;
  const write = writeOptions(ctx, 'kubectl-run');
  const interactive = flags.bool('stdin');
  const attach = flags.has('attach') ? flags.bool('attach') : interactive;
  const printer = resultPrinter(flags, { dryRun: write.dryRun, typed: true, cwd: io.cwd });
  // kubectl means to refuse `run -- NAME` too (ArgsLenAtDash == 0), but 1.32 takes the first word after `--` as the name.
  if (!ctx.args.length) throw new UsageError('NAME is required for run');
  const image = flags.string('image');
  if (!image) throw new CommandError('--image is required');
  if (!IMAGE_REFERENCE.test(image)) throw new CommandError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (flags.bool('tty') && !interactive) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true');
  if (flags.bool('expose') && !flags.string('port')) throw new UsageError('--port must be set when exposing a service');
  const restart = flags.string('restart', 'Always');
  if (restart && !RESTART_POLICIES.includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
  const remove = flags.bool('rm');
  if (!attach && remove) throw new UsageError('--rm should only be used for attached containers');
  if (attach && write.dryRun !== 'none') throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (!PULL_POLICIES.includes(flags.string('image-pull-policy'))) throw new UsageError(`invalid image pull policy: ${flags.string('image-pull-policy')}`);
  if (attach && !ATTACH_SUPPORTED) throw new CommandError('attaching to the pod (-i, -t, --attach) is not supported by the built-in kubectl yet');

  const [name, ...args] = ctx.args;
  const pod = await applyOverrides(generatePod(name!, args, flags), flags, () => serverSchema(ctx, 'pods'));
  const created: RunCreated = { pod: await createObject(ctx, write, pod, 'pods'), namespace: ctx.clientConfig().namespace, restartPolicy: restart || (interactive ? 'OnFailure' : 'Always'), remove };
  // A service that fails is reported after the pod is printed.
  let serviceError: unknown;
  if (flags.bool('expose')) {
    try {
      created.service = await exposePod(ctx, write, printer, name!);
    } catch (err) {
      if (!(err instanceof ServerError || err instanceof CommandError)) throw err;
      serviceError = err;
    }
  }
  if (attach) return attachAfterRun(ctx, created);
  io.stdout.write(printer.print(created.pod, 'created'));
  if (serviceError) throw serviceError;
  return 0;
}

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    ...writeFlags({ saveConfig: true }),
    ...OVERRIDE_FLAGS,
    { name: 'annotations', type: 'stringArray' },
    { name: 'image', type: 'string' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'rm', type: 'bool' },
    { name: 'env', type: 'stringArray' },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'restart', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration' },
    // --rm's deletion (kubectl's DeleteFlags).
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'duration' },
    { name: 'wait', type: 'bool' },
  ],
  run,
};
