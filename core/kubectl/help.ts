// The help kubectl prints for a command that only groups others (`kubectl config`): its long
// description, examples, subcommands and usage, laid out as kubectl's help template does.
import type { Command } from './command';

export function groupHelp(command: Command, path: string): string {
  const group = command.group!;
  const subcommands = command.subcommands ?? [];
  const width = Math.max(11, ...subcommands.map((c) => c.name.length));
  return (
    `${group.long}\n\n` +
    (group.examples ? `Examples:\n${group.examples}\n\n` : '') +
    `Available Commands:\n${subcommands.map((c) => `  ${c.name.padEnd(width)}   ${c.short}\n`).join('')}\n` +
    `Usage:\n  kubectl ${group.usage} [options]\n\n` +
    `Use "kubectl ${path} <command> --help" for more information about a given command.\n` +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}
