// kubectl config current-context, get-contexts, use-context, set-context, delete-context and
// rename-context: the contexts of the kubeconfig, read and written as kubectl does.
import type { Command, CommandContext } from '../../command';
import { CommandError, UsageError } from '../../command';
import { alignColumns } from '../../printers/tabwriter';
import { configAccess, goList } from './access';

const sorted = (names: Iterable<string>) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  async run(ctx) {
    const config = configAccess(ctx).startingConfig();
    if (!config.currentContext) throw new CommandError('current-context is not set');
    ctx.io.stdout.write(`${config.currentContext}\n`);
    return 0;
  },
};

async function getContexts(ctx: CommandContext): Promise<number> {
  const output = ctx.flags.string('output');
  if (output !== '' && output !== 'name') throw new CommandError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  const config = configAccess(ctx).startingConfig();
  const errors: string[] = [];
  const names = ctx.args.length ? ctx.args.filter((n) => config.contexts.has(n) || !errors.push(`context ${n} not found`)) : [...config.contexts.keys()];
  if (output === 'name') ctx.io.stdout.write(sorted(names).map((n) => `${n}\n`).join(''));
  else {
    const lines = ctx.flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    for (const name of sorted(names)) {
      const f = config.contexts.get(name)!.fields;
      lines.push([config.currentContext === name ? '*' : ' ', name, String(f.cluster ?? ''), String(f.user ?? ''), String(f.namespace ?? '')]);
    }
    ctx.io.stdout.write(alignColumns(lines));
  }
  // utilerrors.NewAggregate: one error as is, several as a list.
  if (errors.length === 1) throw new CommandError(errors[0]!);
  if (errors.length) throw new CommandError(`[${errors.join(', ')}]`);
  return 0;
}

export const getContextsCommand: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: getContexts,
};

export const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new CommandError(`Unexpected args: ${goList(ctx.args)}`);
    const name = ctx.args[0]!;
    const access = configAccess(ctx);
    const config = access.startingConfig();
    if (!name) throw new CommandError('empty context names are not allowed');
    if (!config.contexts.has(name)) throw new CommandError(`no context exists with the name: "${name}"`);
    config.currentContext = name;
    access.modify(config, true);
    ctx.io.stdout.write(`Switched to context "${name}".\n`);
    return 0;
  },
};

export const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'namespace', type: 'string' },
  ],
  async run(ctx) {
    const { flags, args } = ctx;
    if (args.length > 1) throw new CommandError(`Unexpected args: ${goList(args)}`);
    const current = flags.bool('current');
    let name = args[0] ?? '';
    if (!name && !current) throw new CommandError('you must specify a non-empty context name or --current');
    if (name && current) throw new CommandError('you cannot specify both a context name and --current');
    const access = configAccess(ctx);
    const config = access.startingConfig();
    if (current) {
      if (!config.currentContext) throw new CommandError('no current context is set');
      name = config.currentContext;
    }
    const existing = config.contexts.get(name);
    const entry = existing ?? { fields: {}, origin: '' };
    for (const key of ['cluster', 'user', 'namespace']) if (flags.has(key)) entry.fields[key] = flags.string(key);
    config.contexts.set(name, entry);
    access.modify(config, true);
    ctx.io.stdout.write(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

export const deleteContext: Command = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  async run(ctx) {
    const access = configAccess(ctx);
    const config = access.startingConfig();
    if (ctx.args.length !== 1) throw new UsageError(`Unexpected args: ${goList(ctx.args)}`);
    const name = ctx.args[0]!;
    const file = access.defaultFile();
    if (!config.contexts.has(name)) throw new CommandError(`cannot delete context ${name}, not in ${file}`);
    if (config.currentContext === name) ctx.io.stderr.write('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    config.contexts.delete(name);
    access.modify(config, true);
    ctx.io.stdout.write(`deleted context ${name} from ${file}\n`);
    return 0;
  },
};

export const renameContext: Command = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  async run(ctx) {
    if (ctx.args.length !== 2) throw new CommandError(`Unexpected args: ${goList(ctx.args)}`);
    const [from, to] = ctx.args as [string, string];
    if (!to) throw new CommandError('You must specify a new non-empty context name');
    const access = configAccess(ctx);
    const config = access.startingConfig();
    const file = access.defaultFile();
    const context = config.contexts.get(from);
    if (!context) throw new CommandError(`cannot rename the context "${from}", it's not in ${file}`);
    if (config.contexts.has(to)) throw new CommandError(`cannot rename the context "${from}", the context "${to}" already exists in ${file}`);
    config.contexts.set(to, context);
    config.contexts.delete(from);
    if (config.currentContext === from) config.currentContext = to;
    access.modify(config, true);
    ctx.io.stdout.write(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};
