// kubectl config get-users, set-credentials and delete-user.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command, CommandContext } from '../../command';
import { CommandError, UsageError } from '../../command';
import { configAccess, goList } from './access';

export const getUsers: Command = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  async run(ctx) {
    const config = configAccess(ctx).startingConfig();
    const names = [...config.users.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    ctx.io.stdout.write(`NAME\n${names.map((n) => `${n}\n`).join('')}`);
    return 0;
  },
};

/** cmdutil.ParsePairs with removal allowed: key=value sets, key- removes. */
function parsePairs(items: string[], flag: string): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const item of items) {
    if (item.endsWith('-')) remove.push(item.slice(0, -1));
    else {
      const eq = item.indexOf('=');
      if (eq <= 0) throw new CommandError(`invalid ${flag}: ${item}`);
      set.set(item.slice(0, eq), item.slice(eq + 1));
    }
  }
  return { set, remove };
}

function validate(ctx: CommandContext, name: string): void {
  const { flags, io } = ctx;
  if (!name) throw new CommandError('you must specify a non-empty user name');
  const methods: string[] = [];
  if (flags.string('token')) methods.push('--token');
  if (flags.string('username') || flags.string('password')) methods.push('--username/--password');
  if (methods.length > 1) throw new CommandError(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
  if (flags.bool('embed-certs')) {
    const cert = flags.string('client-certificate');
    const key = flags.string('client-key');
    if (!cert && !key) throw new CommandError('you must specify a --client-certificate or --client-key to embed');
    for (const [flag, path] of [['client-certificate', cert], ['client-key', key]] as const) {
      if (!path) continue;
      try {
        statSync(resolve(io.cwd, path));
      } catch {
        throw new CommandError(`could not stat ${flag} file ${path}: stat ${path}: no such file or directory`);
      }
    }
  }
  if (flags.has('exec-interactive-mode') && !['IfAvailable', 'Always', 'Never'].includes(flags.string('exec-interactive-mode')))
    throw new CommandError('invalid interactive mode type, can be only IfAvailable, Never, Always');
}

export const setCredentials: Command = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  flags: [
    { name: 'client-certificate', type: 'string' },
    { name: 'client-key', type: 'string' },
    { name: 'token', type: 'string' },
    { name: 'username', type: 'string' },
    { name: 'password', type: 'string' },
    { name: 'auth-provider', type: 'string' },
    { name: 'auth-provider-arg', type: 'stringSlice' },
    { name: 'exec-command', type: 'string' },
    { name: 'exec-api-version', type: 'string' },
    { name: 'exec-interactive-mode', type: 'string' },
    { name: 'exec-provide-cluster-info', type: 'bool', noOptDefVal: 'true' },
    { name: 'exec-arg', type: 'stringSlice' },
    { name: 'exec-env', type: 'stringArray' },
    { name: 'embed-certs', type: 'bool', noOptDefVal: 'true' },
  ],
  async run(ctx) {
    const { flags, args, io } = ctx;
    if (args.length !== 1) throw new CommandError(`unexpected args: ${goList(args)}`);
    const providerArgs = parsePairs(flags.strings('auth-provider-arg'), 'auth-provider-arg');
    const execEnv = parsePairs(flags.strings('exec-env'), 'exec-env');
    const name = args[0]!;
    validate(ctx, name);
    const access = configAccess(ctx);
    const config = access.startingConfig();
    const entry = config.users.get(name) ?? { fields: {}, origin: '' };
    const f = entry.fields;
    const embed = flags.bool('embed-certs');
    for (const [flag, dataKey] of [['client-certificate', 'client-certificate-data'], ['client-key', 'client-key-data']] as const) {
      if (!flags.has(flag)) continue;
      const path = flags.string(flag);
      if (embed) {
        f[dataKey] = readFileSync(resolve(io.cwd, path)).toString('base64');
        delete f[flag];
      } else {
        f[flag] = path && resolve(io.cwd, path);
        if (path) delete f[dataKey];
      }
    }
    let setToken = false;
    let setBasic = false;
    if (flags.has('token')) setToken = Boolean((f.token = flags.string('token')));
    if (flags.has('username')) setBasic = Boolean((f.username = flags.string('username'))) || setBasic;
    if (flags.has('password')) setBasic = Boolean((f.password = flags.string('password'))) || setBasic;
    if (flags.has('auth-provider')) {
      const provider = f['auth-provider'] as { name?: string } | undefined;
      if (provider?.name !== flags.string('auth-provider')) f['auth-provider'] = { name: flags.string('auth-provider') };
    }
    const provider = f['auth-provider'] as { config?: Record<string, string> } | undefined;
    if (provider) {
      provider.config ??= {};
      for (const key of providerArgs.remove) delete provider.config[key];
      for (const [k, v] of providerArgs.set) provider.config[k] = v;
    }
    if (flags.has('exec-command')) {
      const exec = f.exec as Record<string, unknown> | undefined;
      if (exec) {
        exec.command = flags.string('exec-command');
        delete exec.args;
      } else f.exec = { command: flags.string('exec-command') };
    }
    const exec = f.exec as { apiVersion?: string; args?: string[]; interactiveMode?: string; provideClusterInfo?: boolean; env?: { name: string; value: string }[] } | undefined;
    if (exec) {
      if (flags.has('exec-api-version')) exec.apiVersion = flags.string('exec-api-version');
      if (flags.strings('exec-arg').length) exec.args = flags.strings('exec-arg');
      if (flags.has('exec-interactive-mode')) exec.interactiveMode = flags.string('exec-interactive-mode');
      if (flags.has('exec-provide-cluster-info')) exec.provideClusterInfo = flags.bool('exec-provide-cluster-info');
      if (execEnv.remove.length) exec.env = (exec.env ?? []).filter((e) => !execEnv.remove.includes(e.name));
      if (execEnv.set.size) {
        const env = exec.env ?? [];
        for (const [k, v] of execEnv.set) {
          const found = env.find((e) => e.name === k);
          if (found) found.value = v;
          else env.push({ name: k, value: v });
        }
        exec.env = env;
      }
    }
    if (setToken || setBasic) {
      if (!setToken) delete f.token;
      if (!setBasic) {
        delete f.username;
        delete f.password;
      }
    }
    config.users.set(name, entry);
    access.modify(config, true);
    io.stdout.write(`User "${name}" set.\n`);
    return 0;
  },
};

export const deleteUser: Command = {
  name: 'delete-user',
  short: 'Delete the specified user from the kubeconfig',
  async run(ctx) {
    const access = configAccess(ctx);
    const config = access.startingConfig();
    if (ctx.args.length !== 1) throw new UsageError('user to delete is required');
    const name = ctx.args[0]!;
    const file = access.defaultFile();
    if (!config.users.has(name)) throw new CommandError(`cannot delete user ${name}, not in ${file}`);
    config.users.delete(name);
    access.modify(config, true);
    ctx.io.stdout.write(`deleted user ${name} from ${file}\n`);
    return 0;
  },
};
