// How kubectl reports a failed command on stderr (cmdutil.CheckErr): the server's Status as
// "Error from server (Reason): message", a connection failure as client-go words it, flag
// and usage errors with their hint, anything else as "error: message".
import { CommandError, UsageError } from './command';
import { UnknownResourceError } from './discovery';
import { FlagError } from './flags';
import { ConfigError, ServerError } from './rest';

export function errorText(err: unknown, commandPath: string): string {
  if (err instanceof FlagError) return `Error: ${err.message}\nSee 'kubectl ${commandPath} --help' for usage.\n`;
  if (err instanceof UsageError) return `error: ${err.message}\nSee 'kubectl ${commandPath} -h' for help and examples\n`;
  if (err instanceof ServerError) {
    const { reason, message } = err.status;
    return reason && reason !== 'Unknown' ? `Error from server (${reason}): ${message}\n` : `Error from server: ${message}\n`;
  }
  if (err instanceof ConfigError || err instanceof CommandError || err instanceof UnknownResourceError) return `error: ${err.message}\n`;
  const code = (err as { cause?: { code?: string }; code?: string }).code;
  if (code === 'ECONNREFUSED') return `The connection to the server ${(err as Error).message.match(/\/\/([^/"]+)/)?.[1] ?? 'localhost:8080'} was refused - did you specify the right host or port?\n`;
  return `error: ${err instanceof Error ? err.message : String(err)}\n`;
}
