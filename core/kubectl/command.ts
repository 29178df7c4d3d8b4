// What a built-in kubectl command is: its name, flags and subcommands, and a run function
// that gets its arguments and a lazily opened session with the cluster (commands such as
// `config` or `version --client` never connect).
import type { ClientConfig } from './config';
import type { Discovery } from './discovery';
import type { Flags, FlagSpec } from './flags';
import type { RestClient } from './rest';

export interface KubectlIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Session {
  config: ClientConfig;
  rest: RestClient;
  /** The server's resources, read once per command. */
  discovery(): Promise<Discovery>;
}

export interface CommandContext {
  io: KubectlIo;
  flags: Flags;
  /** Positional arguments, flags removed. */
  args: string[];
  /** Index in args where `--` stood, or -1. */
  dashAt: number;
  /** The command's words, e.g. "rollout status", for kubectl's hints. */
  path: string;
  session(): Promise<Session>;
  /** The kubeconfig alone, for commands that read or edit it. */
  clientConfig(): ClientConfig;
}

export interface GroupHelp {
  /** The long description, as kubectl renders it. */
  long: string;
  examples?: string;
  /** The usage line after "kubectl ", e.g. "config SUBCOMMAND". */
  usage: string;
  /** kubectl rollout prints it on stdout; the others on stderr. */
  helpToStdout?: boolean;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  short: string;
  flags?: FlagSpec[];
  subcommands?: Command[];
  /** A command that only groups subcommands (no run): what `kubectl X` alone prints. */
  group?: GroupHelp;
  run?(ctx: CommandContext): Promise<number>;
}

/** A command used wrongly (cmdutil.UsageErrorf): "error: ..." and the -h hint, exit 1. */
export class UsageError extends Error {}

/** An error kubectl prints as is, after "error: ". */
export class CommandError extends Error {}

/** An error kubectl prints as it is, without "error: " (checkErr's texts for unmapped resource types). */
export class BareError extends Error {}
