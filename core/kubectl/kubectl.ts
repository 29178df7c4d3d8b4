// `wheelhouse kubectl`: the built-in kubectl, for a terminal where none is installed. It reads
// the kubeconfig as kubectl does and takes kubectl's commands, flags, output and exit codes;
// what it does not know it refuses as kubectl refuses it.
import { Discovery } from './discovery';
import { Flags, parseFlags } from './flags';
import { GLOBAL_FLAGS, loadClientConfig, type ClientConfig } from './config';
import type { Command, CommandContext, KubectlIo, Session } from './command';
import { COMMANDS } from './commands/index';
import { errorText } from './errors';
import { RestClient } from './rest';

/** Levenshtein distance, for cobra's "Did you mean this?" (suggestions within 2 edits or by prefix). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

function unknownCommand(word: string, parent: string, commands: Command[]): string {
  const suggestions = commands.filter((c) => distance(word.toLowerCase(), c.name) <= 2 || c.name.startsWith(word.toLowerCase())).map((c) => c.name);
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `Error: unknown command "${word}" for "${parent}"${hint}\n`;
}

function helpText(path: string, command: Command | undefined, commands: Command[]): string {
  const list = (command?.subcommands ?? commands).map((c) => `  ${c.name.padEnd(15)}${c.short}`).join('\n');
  const what = command ? command.short : 'kubectl controls the Kubernetes cluster manager (the built-in kubectl of Wheelhouse).';
  return `${what}\n\n${command?.subcommands || !command ? `Available Commands:\n${list}\n\n` : ''}Usage:\n  ${path} [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

export async function runKubectl(argv: string[], io: KubectlIo): Promise<number> {
  // The command's words come first; flags may appear anywhere after them.
  let commands = COMMANDS;
  let command: Command | undefined;
  const words: string[] = [];
  let rest = argv;
  // Global flags may come before the command word (kubectl -n ns get pods).
  const leading: string[] = [];
  while (rest.length && rest[0]!.startsWith('-')) {
    const flag = rest[0]!;
    leading.push(flag);
    rest = rest.slice(1);
    const spec = GLOBAL_FLAGS.find((f) => flag === `--${f.name}` || (f.short && flag === `-${f.short}`));
    if (spec && spec.type !== 'bool' && rest.length) {
      leading.push(rest[0]!);
      rest = rest.slice(1);
    }
  }
  while (rest.length && !rest[0]!.startsWith('-')) {
    const word = rest[0]!;
    const found = commands.find((c) => c.name === word || c.aliases?.includes(word));
    if (!found) {
      if (!command || !command.run) {
        io.stderr.write(unknownCommand(word, ['kubectl', ...words].join(' '), commands));
        return 1;
      }
      break;
    }
    command = found;
    words.push(found.name);
    rest = rest.slice(1);
    if (!found.subcommands) break;
    commands = found.subcommands;
  }
  const path = words.join(' ');
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!command || wantsHelp || !command.run) {
    io.stdout.write(helpText(`kubectl ${path}`.trim(), command, COMMANDS));
    return 0;
  }
  try {
    const parsed = parseFlags([...leading, ...rest], [...GLOBAL_FLAGS, ...(command.flags ?? [])]);
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
          const rest = RestClient.forConfig(cfg.kubeconfig, cfg.requestTimeoutMs);
          let discovery: Promise<Discovery> | undefined;
          return { config: cfg, rest, discovery: () => (discovery ??= Discovery.load(rest)) };
        })()),
    };
    return await command.run(ctx);
  } catch (err) {
    io.stderr.write(errorText(err, path));
    return 1;
  }
}

