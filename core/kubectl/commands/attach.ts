// kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]: the container's own process,
// over the attach subresource, with kubectl's TTY decisions and messages around it.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { attachablePod, defaultContainer, findContainer } from '../attachable-pod';
import type { TerminalSizes } from '../stream/channels';
import { podRunningTimeout, podTarget, STREAM_FLAGS } from '../stream/pod-args';
import { exitCodeOf, runRemoteCommand } from '../stream/remote-command';
import { setupTerminal } from '../stream/terminal';

/** One size larger first, then the real one, so a re-attached screen is redrawn (as kubectl does). */
const nudged =
  (sizes: TerminalSizes): TerminalSizes =>
  (send) => {
    let first = true;
    return sizes((size) => {
      if (first) send({ width: size.width + 1, height: size.height + 1 });
      first = false;
      send(size);
    });
  };

/**
 * Streams the container's own process (the attach subresource) to this terminal, with kubectl's
 * TTY decisions and messages; its exit code, and whether it was a terminal session (stdin in
 * raw mode). Also `kubectl run -i` once its pod runs.
 */
export async function attachContainer(
  ctx: CommandContext,
  pod: Pod,
  container: Container,
  wants: { stdin: boolean; tty: boolean; quiet: boolean },
): Promise<{ code: number; terminalSession: boolean }> {
  const { io } = ctx;
  const session = await ctx.session();
  const { quiet } = wants;
  let tty = wants.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!quiet) io.stderr.write(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) tty = true; // the container has a TTY: a plain stream would not be understood
  const terminal = setupTerminal(io, { stdin: wants.stdin, tty, quiet });
  if (!quiet) io.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  const code = await exitCodeOf(
    terminal.safe(() =>
      runRemoteCommand(
        session.rest,
        { namespace: pod.metadata!.namespace ?? session.config.namespace, pod: pod.metadata!.name!, subresource: 'attach', container: container.name, stdin: terminal.stdin, stdout: true, stderr: !terminal.raw, tty: terminal.raw },
        { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, sizes: terminal.sizes && nudged(terminal.sizes) },
      ),
    ),
    io.stderr,
  );
  return { code, terminalSession: Boolean(terminal.stdin && terminal.raw) };
}

async function run(ctx: CommandContext): Promise<number> {
  const { args, flags, io } = ctx;
  const timeout = podRunningTimeout(ctx);
  if (args.length === 0) throw new CommandError('at least 1 argument is required for attach');
  if (args.length > 2) throw new CommandError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
  const session = await ctx.session();
  const namespace = session.config.namespace;
  const [type, name] = args.length === 2 ? [args[0]!, args[1]!] : podTarget(args[0]!);
  const { pod } = await attachablePod(session, namespace, type, name, timeout);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CommandError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const quiet = flags.bool('quiet');
  let container;
  try {
    container = defaultContainer(pod, flags.string('container'), quiet, io.stderr);
  } catch (err) {
    throw new CommandError(`cannot attach to the container: ${(err as Error).message}`);
  }
  const { code, terminalSession } = await attachContainer(ctx, pod, container, { stdin: flags.bool('stdin'), tty: flags.bool('tty'), quiet });
  if (code) return code;
  const ephemeral = pod.spec?.ephemeralContainers?.some((c) => (c as unknown) === findContainer(pod, container.name));
  if (!quiet && terminalSession && pod.spec?.restartPolicy === 'Always') {
    const how = `'kubectl attach ${pod.metadata!.name} -c ${container.name} -i -t'`;
    io.stdout.write(
      ephemeral
        ? `Session ended, the ephemeral container will not be restarted but may be reattached using ${how} if it is still running\n`
        : `Session ended, resume using ${how} command when the pod is running\n`,
    );
  }
  return 0;
}

export const attach: Command = {
  name: 'attach',
  short: 'Attach to a running container',
  flags: STREAM_FLAGS,
  run,
};
