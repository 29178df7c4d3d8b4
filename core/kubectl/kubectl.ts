// `wheelhouse kubectl`: the built-in kubectl, for a terminal where none is installed. It reads
// the kubeconfig as kubectl does and takes kubectl's commands, flags, output and exit codes;
// what it does not know it refuses as kubectl refuses it.
import { Discovery } from './discovery';
import { Flags, parseFlags } from './flags';
import { GLOBAL_FLAGS, loadClientConfig, type ClientConfig } from './config';
import { UsageError, type Command, type CommandContext, type KubectlIo, type Session } from './command';
import { COMMANDS } from './commands/index';
import { errorText } from './errors';
import { RestClient } from './rest';
import { findCommand, firstWord, unknownRootCommand } from './command-words';
import { groupHelp } from './help';

/** cmdutil.DefaultSubCommandRun: a word that names no subcommand is a usage error; none, the group's help and exit 1. */
function groupWithoutSubcommand(command: Command, ctx: CommandContext): number {
  if (ctx.args.length) throw new UsageError(`unknown command ${JSON.stringify(ctx.args.join(' '))}`);
  if (!command.group) ctx.io.stdout.write(helpText(`kubectl ${ctx.path}`, command, COMMANDS));
  else (command.group.helpToStdout ? ctx.io.stdout : ctx.io.stderr).write(groupHelp(command, ctx.path));
  return 1;
}

function helpText(path: string, command: Command | undefined, commands: Command[]): string {
  const list = (command?.subcommands ?? commands).map((c) => `  ${c.name.padEnd(15)}${c.short}`).join('\n');
  const what = command ? command.short : 'kubectl controls the Kubernetes cluster manager (the built-in kubectl of Wheelhouse).';
  return `${what}\n\n${command?.subcommands || !command ? `Available Commands:\n${list}\n\n` : ''}Usage:\n  ${path} [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

export async function runKubectl(argv: string[], io: KubectlIo): Promise<number> {
  const { command, words, rest } = findCommand(argv, COMMANDS, GLOBAL_FLAGS);
  const path = words.join(' ');
  if (!command) {
    const word = firstWord(rest, GLOBAL_FLAGS);
    if (word >= 0) {
      // kubectl looks for a plugin first, and refuses flags before its name.
      io.stderr.write(rest[0]!.startsWith('-') ? `Error: flags cannot be placed before plugin name: ${rest[0]}\n` : unknownRootCommand(rest[word]!));
      return 1;
    }
    try {
      parseFlags(rest, GLOBAL_FLAGS);
    } catch (err) {
      io.stderr.write(errorText(err, ''));
      return 1;
    }
  }
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!command || wantsHelp) {
    io.stdout.write(command?.group ? groupHelp(command, path) : helpText(`kubectl ${path}`.trim(), command, COMMANDS));
    return 0;
  }
  try {
    // A command's own flag hides the global one of that name, shorthand included (pflag's AddFlagSet).
    const local = command.flags ?? [];
    const parsed = parseFlags(rest, [...GLOBAL_FLAGS.filter((g) => !local.some((l) => l.name === g.name)), ...local]);
    const flags = new Flags(parsed);
    let config: ClientConfig | undefined;
    const clientConfig = () => (config ??= loadClientConfig(flags, io.env));
    let session: Promise<Session> | undefined;
    const ctx: CommandContext = {
      io,
      flags,
      args: parsed.positionals,
      dashAt: parsed.dashAt,
      path,
      clientConfig,
      session: () =>
        (session ??= (async () => {
          const cfg = clientConfig();
          const rest = RestClient.forConfig(cfg.kubeconfig, cfg.requestTimeoutMs, cfg.impersonation);
          let discovery: Promise<Discovery> | undefined;
          return { config: cfg, rest, discovery: () => (discovery ??= Discovery.load(rest)) };
        })()),
    };
    if (command.run) return await command.run(ctx);
    return groupWithoutSubcommand(command, ctx);
  } catch (err) {
    io.stderr.write(errorText(err, path));
    return 1;
  }
}

