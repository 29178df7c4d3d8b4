// How kubectl reports a failed command on stderr (cmdutil.CheckErr): the server's Status as
// "Error from server (Reason): message", a connection failure as client-go words it, flag
// and usage errors with their hint, anything else as "error: message".
import { BareError, CommandError, UsageError } from './command';
import { UnknownResourceError } from './discovery';
import { FlagError } from './flags';
import { ConfigError, RequestTimeoutError, ServerError } from './rest';
import type { Status } from 'kubernetes-types/meta/v1';

/** An Invalid Status as checkErr words it: "The Kind "name" is invalid: " and its causes, one or a list. */
function invalidText(status: Status): string {
  const details = status.details;
  let text = 'The request is invalid';
  if (!details) return `${text}${status.message ? `: ${status.message}` : ''}\n`;
  if (details.kind || details.name) text = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  else if (status.message && !details.causes?.length) text += `: ${status.message}`;
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (causes.length === 0) return `${text}\n`;
  if (causes.length === 1) return `${text}: ${causes[0]}\n`;
  return `${text}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/** checkErr's fallback: "error: " once, even when the message already starts with it. */
const prefixed = (message: string) => `${message.startsWith('error: ') ? '' : 'error: '}${message}${message.endsWith('\n') ? '' : '\n'}`;

/** utilerrors.Aggregate's Error(): one message alone, several in brackets. */
export function aggregateMessage(errors: unknown[]): string {
  const messages = errors.map((e) => (e instanceof AggregateError ? aggregateMessage(e.errors) : e instanceof Error ? e.message : String(e)));
  return messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
}

/** One error's line inside an aggregate (cmdutil.messageForError): no "error: " prefix. */
function messageForError(err: unknown): string {
  if (err instanceof ServerError) return errorText(err, '');
  return `${err instanceof AggregateError ? aggregateMessage(err.errors) : err instanceof Error ? err.message : String(err)}\n`;
}

export function errorText(err: unknown, commandPath: string): string {
  // A utilerrors.Aggregate: one error alone prints as itself, several one per line. checkErr
  // unwraps one level only: an aggregate inside prints its errors one per line.
  if (err instanceof AggregateError) {
    const inner = err.errors.length === 1 ? (err.errors[0] as unknown) : err;
    return inner instanceof AggregateError ? inner.errors.map(messageForError).join('') : errorText(inner, commandPath);
  }
  const kubectl = ['kubectl', commandPath].filter(Boolean).join(' ');
  if (err instanceof FlagError) return `Error: ${err.message}\nSee '${kubectl} --help' for usage.\n`;
  if (err instanceof BareError) return `${err.message}\n`;
  if (err instanceof UsageError) return `${prefixed(err.message)}See '${kubectl} -h' for help and examples\n`;
  if (err instanceof ServerError && err.status.reason === 'Invalid') return invalidText(err.status);
  if (err instanceof ServerError) {
    const { reason, message } = err.status;
    return reason && reason !== 'Unknown' ? `Error from server (${reason}): ${message}\n` : `Error from server: ${message}\n`;
  }
  if (err instanceof ConfigError || err instanceof CommandError || err instanceof UnknownResourceError) return prefixed(err.message);
  if (err instanceof RequestTimeoutError) return `Unable to connect to the server: ${err.message}\n`;
  const code = (err as { cause?: { code?: string }; code?: string }).code;
  if (code === 'ECONNREFUSED') return `The connection to the server ${(err as Error).message.match(/\/\/([^/"]+)/)?.[1] ?? 'localhost:8080'} was refused - did you specify the right host or port?\n`;
  return prefixed(err instanceof Error ? err.message : String(err));
}

/** Several errors as cmdutil.CheckErr prints an aggregate: one alone as above, several one per line without "error: ". */
export function errorsText(errs: unknown[], commandPath: string): string {
  return errorText(new AggregateError(errs), commandPath);
}

/** cmdutil.AddSourceToErr: a server's refusal of an object from a file names the file. */
export function withSource(err: unknown, verb: string, source: string | undefined): unknown {
  if (!source || !(err instanceof ServerError)) return err;
  return new ServerError({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` }, err.httpStatus);
}
