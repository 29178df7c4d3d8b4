// The client side of Kubernetes' remote command protocol over WebSocket (v5.channel.k8s.io),
// as kubectl exec and attach speak it: every binary message starts with its channel byte
// (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize, 255 close); the error channel carries
// the final Status, whose NonZeroExitCode failure gives the command's exit code.
import type { Status } from 'kubernetes-types/meta/v1';
import type WebSocket from 'ws';

export const EXEC_PROTOCOL = 'v5.channel.k8s.io';

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

/** The remote command exited non-zero: kubectl prints the message and exits with the code. */
export class ExitCodeError extends Error {
  constructor(readonly code: number) {
    super(`command terminated with exit code ${code}`);
  }
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** Calls `send` with the current size at once and on each change; returns how to stop. */
export type TerminalSizes = (send: (size: TerminalSize) => void) => () => void;

export interface StreamEnds {
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  sizes?: TerminalSizes;
}

/** What the error channel said (client-go's errorDecoderV4): nothing, an exit code, or an error. */
export function decodeErrorChannel(message: string): Error | undefined {
  if (!message) return undefined;
  let status: Status;
  try {
    status = JSON.parse(message) as Status;
  } catch (err) {
    return new Error(`error stream protocol error: ${(err as Error).message} in "${message}"`);
  }
  if (status.status === 'Success') return undefined;
  if (status.status !== 'Failure') return new Error('error stream protocol error: unknown error');
  if (status.reason !== 'NonZeroExitCode') return new Error(status.message ?? '');
  if (!status.details) return new Error('error stream protocol error: details must be set');
  const cause = (status.details.causes ?? []).find((c) => c.reason === 'ExitCode');
  if (!cause) return new Error('error stream protocol error: no ExitCode cause given');
  const code = Number(cause.message);
  if (!/^\d+$/.test(cause.message ?? '') || code > 255) return new Error(`error stream protocol error: invalid exit code value "${cause.message}"`);
  return new ExitCodeError(code);
}

/** A message on a channel: its byte, then the payload. */
export const channelMessage = (channel: number, payload: Buffer | string): Buffer => Buffer.concat([Buffer.from([channel]), Buffer.from(payload)]);

export const resizeMessage = (size: TerminalSize): Buffer => channelMessage(RESIZE, JSON.stringify({ Width: size.width, Height: size.height }));

/**
 * Connects an open exec/attach socket to local streams until the server closes it: stdout and
 * stderr written out, stdin forwarded (and its end sent as a close of channel 0), terminal
 * sizes sent on the resize channel. Resolves when the command succeeded; rejects with
 * ExitCodeError or the server's error otherwise. Used by exec, attach and `run -i`.
 */
export function attachStreams(socket: WebSocket, ends: StreamEnds): Promise<void> {
  let error = '';
  const send = (message: Buffer) => {
    if (socket.readyState === socket.OPEN) socket.send(message);
  };
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length === 0) return;
    const payload = data.subarray(1);
    if (data[0] === STDOUT) ends.stdout?.write(payload);
    else if (data[0] === STDERR) ends.stderr?.write(payload);
    else if (data[0] === ERROR) error += payload.toString('utf8');
  });
  const onData = (chunk: Buffer | string) => send(channelMessage(STDIN, chunk));
  const onEnd = () => send(Buffer.from([CLOSE, STDIN]));
  ends.stdin?.on('data', onData);
  ends.stdin?.on('end', onEnd);
  const stopSizes = ends.sizes?.((size) => send(resizeMessage(size)));
  socket.resume();
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    socket.on('error', (err) => (failure = err));
    socket.on('close', () => {
      ends.stdin?.removeListener('data', onData);
      ends.stdin?.removeListener('end', onEnd);
      ends.stdin?.pause();
      stopSizes?.();
      const result = decodeErrorChannel(error) ?? failure;
      if (result) reject(result);
      else resolve();
    });
  });
}
