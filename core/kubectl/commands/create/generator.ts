// The shape every `kubectl create <generator>` shares (create_deployment.go and its siblings):
// required flags, exactly one NAME, the write options and printer, the command's own checks,
// the typed object built, --save-config, the POST (skipped for --dry-run=client) and the result.
import { CommandError, UsageError, type Command, type CommandContext } from '../../command';
import type { FlagSpec } from '../../flags';
import { klog } from '../../klog';
import { goTyped } from '../../printers/go-typed';
import { ServerError } from '../../rest';
import { resultPrinter, withLastApplied, writeFlags, writeOptions, writeQuery, type WriteOptions } from '../../write';

export type Obj = Record<string, unknown>;

export interface GeneratorContext {
  ctx: CommandContext;
  /** The object's NAME. */
  name: string;
  /** The namespace written into the object: only an explicit -n (kubectl's EnforceNamespace). */
  namespace: string | undefined;
  write: WriteOptions;
}

export interface Generator {
  name: string;
  aliases?: string[];
  short: string;
  flags: FlagSpec[];
  /** cobra's MarkFlagRequired, checked before anything else. */
  required?: string[];
  /** Where the object is created: /api/v1 or /apis/<group>/<version>, and its plural. */
  api: string;
  resource: string;
  namespaced: boolean;
  /** "failed to create deployment: ": the prefix most generators put before the server's error. */
  failure?: string;
  /** The command's Validate(), after the common options are read. */
  validate?(g: GeneratorContext): void | Promise<void>;
  build(g: GeneratorContext): Obj | Promise<Obj>;
  /** --validate and --save-config are offered (all but `create token`). */
  noValidate?: boolean;
}

/** NameFromCommandArgs: the arguments before `--`, which must be exactly one. */
export function nameFromArgs(ctx: CommandContext): string {
  const count = ctx.dashAt >= 0 ? ctx.dashAt : ctx.args.length;
  if (count !== 1) throw new UsageError(`exactly one NAME is required, got ${count}`);
  return ctx.args[0]!;
}

/** The words after NAME (or after `--`): a container's command. */
export function commandArgs(ctx: CommandContext): string[] {
  return ctx.dashAt >= 0 ? ctx.args.slice(ctx.dashAt) : ctx.args.slice(1);
}

/** A command that only groups subcommands (cmdutil.DefaultSubCommandRun): other words are refused. */
export function subcommandGroup(group: Omit<Command, 'run'>): Command {
  return {
    ...group,
    async run(ctx) {
      throw new UsageError(`unknown command ${JSON.stringify(ctx.args.join(' '))}`);
    },
  };
}

/** cobra's check of MarkFlagRequired flags, as kubectl's main logs its failure. */
export function missingRequired(ctx: CommandContext, required: string[]): boolean {
  const missing = required.filter((f) => !ctx.flags.has(f)).sort();
  if (!missing.length) return false;
  const err = `required flag(s) "${missing.join('", "')}" not set`;
  klog(ctx.io.stderr, 'E', 'run.go:72', `"command failed" err=${JSON.stringify(err)}`);
  return true;
}

export function generatorCommand(gen: Generator): Command {
  return {
    name: gen.name,
    aliases: gen.aliases,
    short: gen.short,
    flags: [...gen.flags, ...writeFlags({ validate: !gen.noValidate, saveConfig: !gen.noValidate })],
    async run(ctx) {
      if (missingRequired(ctx, gen.required ?? [])) return 1;
      const name = nameFromArgs(ctx);
      const config = ctx.clientConfig();
      const write = writeOptions(ctx, 'kubectl-create');
      const printer = resultPrinter(ctx.flags, { dryRun: write.dryRun, typed: true, cwd: ctx.io.cwd });
      const g: GeneratorContext = { ctx, name, namespace: config.namespaceExplicit ? config.namespace : undefined, write };
      await gen.validate?.(g);
      let obj = await gen.build(g);
      if (write.saveConfig) obj = withLastApplied(obj, true);
      if (write.dryRun !== 'client') obj = await create(ctx, gen, obj, write);
      ctx.io.stdout.write(printer.print(obj, 'created'));
      return 0;
    },
  };
}

/** POSTs the object as kubectl's typed client does. */
export async function create(ctx: CommandContext, gen: Pick<Generator, 'api' | 'resource' | 'namespaced' | 'failure'>, obj: Obj, write: WriteOptions): Promise<Obj> {
  const session = await ctx.session();
  const ns = gen.namespaced ? `/namespaces/${encodeURIComponent(session.config.namespace)}` : '';
  try {
    return await session.rest.json<Obj>({ method: 'POST', path: `${gen.api}${ns}/${gen.resource}`, query: writeQuery(write), body: goTyped(obj) });
  } catch (err) {
    if (gen.failure && err instanceof ServerError) throw new CommandError(`${gen.failure}${err.message}`);
    throw err;
  }
}
