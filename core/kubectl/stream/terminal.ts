// The local terminal around a remote session, as kubectl's StreamOptions.SetupTTY decides it:
// a TTY only with stdin that is a terminal (else a warning and none), raw mode for the
// session and restored after it, and the output terminal's size on each SIGWINCH.
import type { ReadStream, WriteStream } from 'node:tty';
import type { KubectlIo } from '../command';
import type { TerminalSizes } from './channels';

export interface LocalTerminal {
  /** stdin is passed to the remote side. */
  stdin: boolean;
  /** The session is a raw TTY. */
  raw: boolean;
  sizes?: TerminalSizes;
  /** Runs the session with the terminal in raw mode when raw, restoring it however it ends. */
  safe<T>(fn: () => Promise<T>): Promise<T>;
}

export function setupTerminal(io: KubectlIo, wants: { stdin: boolean; tty: boolean; quiet: boolean }): LocalTerminal {
  const plain: LocalTerminal = { stdin: wants.stdin, raw: false, safe: (fn) => fn() };
  if (!wants.stdin || !wants.tty) return plain;
  const input = io.stdin as ReadStream;
  if (!input.isTTY) {
    if (!wants.quiet) io.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return plain;
  }
  const output = io.stdout as WriteStream;
  const sizes: TerminalSizes | undefined = output.isTTY
    ? (send) => {
        const current = () => send({ width: output.columns, height: output.rows });
        current();
        process.on('SIGWINCH', current);
        return () => process.removeListener('SIGWINCH', current);
      }
    : undefined;
  return {
    stdin: true,
    raw: true,
    sizes,
    async safe(fn) {
      const was = input.isRaw;
      input.setRawMode(true);
      try {
        return await fn();
      } finally {
        input.setRawMode(was);
      }
    },
  };
}
