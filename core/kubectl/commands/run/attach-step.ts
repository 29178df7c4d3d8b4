// The seam between `kubectl run` creating its pod and attaching to it (-i, -t, --attach,
// --rm): run.ts calls attachAfterRun once the objects exist and have been validated, as
// kubectl's RunOptions.Run attaches after createGeneratedObject. The interactive part belongs
// to the attach/watch work: implement attachAfterRun and set ATTACH_SUPPORTED.
import type { CommandContext } from '../../command';
import type { RunCreated } from './run';

/** Until attaching is written, run refuses -i/--attach before it creates anything. */
export const ATTACH_SUPPORTED = false;

/**
 * Attaches to the created pod (waiting for it to run, --pod-running-timeout), deletes the
 * created objects afterwards with --rm, and returns kubectl's exit code (the container's, with
 * --restart=Never or OnFailure).
 */
export async function attachAfterRun(_ctx: CommandContext, _created: RunCreated): Promise<number> {
  return 1;
}
