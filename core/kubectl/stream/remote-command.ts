// The exec and attach subresources as kubectl calls them: the query client-go encodes from
// PodExecOptions / PodAttachOptions (keys sorted, false flags left out, one `command` per
// word), opened as a WebSocket offering v5.channel.k8s.io.
import type { RestClient } from '../rest';
import { attachStreams, EXEC_PROTOCOL, ExitCodeError, type StreamEnds } from './channels';

export interface RemoteCommand {
  namespace: string;
  pod: string;
  subresource: 'exec' | 'attach';
  container: string;
  /** exec only. */
  command?: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export function remoteCommandPath(c: RemoteCommand): string {
  const params: [string, string][] = [];
  for (const word of c.command ?? []) params.push(['command', word]);
  if (c.container) params.push(['container', c.container]);
  for (const key of ['stderr', 'stdin', 'stdout', 'tty'] as const) if (c[key]) params.push([key, 'true']);
  const query = new URLSearchParams(params).toString();
  return `/api/v1/namespaces/${encodeURIComponent(c.namespace)}/pods/${encodeURIComponent(c.pod)}/${c.subresource}${query ? `?${query}` : ''}`;
}

/** Runs the remote command with local streams attached; see attachStreams for how it ends. */
export async function runRemoteCommand(rest: RestClient, c: RemoteCommand, ends: StreamEnds): Promise<void> {
  const { socket } = await rest.webSocket(remoteCommandPath(c), [EXEC_PROTOCOL]);
  await attachStreams(socket, { stdin: c.stdin ? ends.stdin : undefined, stdout: c.stdout ? ends.stdout : undefined, stderr: c.stderr ? ends.stderr : undefined, sizes: c.tty ? ends.sizes : undefined });
}

/** The command's exit code: a non-zero exit is reported as kubectl reports it and becomes ours. */
export async function exitCodeOf(session: Promise<void>, stderr: NodeJS.WritableStream): Promise<number> {
  try {
    await session;
    return 0;
  } catch (err) {
    if (!(err instanceof ExitCodeError)) throw err;
    stderr.write(`${err.message}\n`);
    return err.code;
  }
}
