// How cobra finds the command in kubectl's arguments: command words may stand among flags
// (`kubectl -n x get pods`, `kubectl config --kubeconfig f view`), a flag that takes a value
// hides the word after it, and an unknown root command gets "Did you mean this?" suggestions
// drawn from all of kubectl's commands.
import type { Command } from './command';
import type { FlagSpec } from './flags';

/** kubectl 1.32's visible root commands, in the order it adds them (the order of its suggestions). */
const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate',
  'completion', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

/** cobra's stripFlags: does this flag argument take the next one as its value? Unknown flags do. */
function takesValue(arg: string, specs: FlagSpec[]): boolean {
  if (arg.includes('=')) return false;
  let spec: FlagSpec | undefined;
  if (arg.startsWith('--')) spec = specs.find((s) => s.name === arg.slice(2));
  else if (arg.length === 2) spec = specs.find((s) => s.short === arg[1]);
  else return false;
  return !spec || (spec.type !== 'bool' && spec.noOptDefVal === undefined);
}

/** Index of the first argument that is not a flag or a flag's value, -1 if none before `--`. */
export function firstWord(args: string[], specs: FlagSpec[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return -1;
    if (arg.startsWith('-') && arg.length > 1) {
      if (takesValue(arg, specs)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** Levenshtein distance, case-insensitive as cobra's. */
function distance(a: string, b: string): number {
  const [s, t] = [a.toLowerCase(), b.toLowerCase()];
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
  return d[s.length]![t.length]!;
}

/** cobra's legacyArgs error for the root: the word and kubectl's commands within 2 edits or starting with it. */
export function unknownRootCommand(word: string): string {
  const suggestions = KUBECTL_COMMANDS.filter((c) => c !== word && (distance(word, c) <= 2 || c.startsWith(word.toLowerCase())));
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `Error: unknown command "${word}" for "kubectl"${hint}\n`;
}

/** The command the arguments name, its words, and the arguments without them. */
export function findCommand(argv: string[], commands: Command[], globals: FlagSpec[]): { command?: Command; words: string[]; rest: string[] } {
  let command: Command | undefined;
  const words: string[] = [];
  let rest = argv;
  for (;;) {
    const choices = command ? (command.subcommands ?? []) : commands;
    const i = firstWord(rest, [...globals, ...(command?.flags ?? [])]);
    const found = i < 0 ? undefined : choices.find((c) => c.name === rest[i] || c.aliases?.includes(rest[i]!));
    if (!found) return { command, words, rest };
    command = found;
    words.push(found.name);
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
  }
}
