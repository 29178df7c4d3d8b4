// kubectl delete's flags read into what its requests carry (DeleteFlags.ToOptions and
// DeleteOptions.Complete/Validate): the propagation policy of --cascade, the grace period
// after --now, --force and --grace-period have had their say, and --ignore-not-found's default.
import { CommandError } from '../command';
import type { Flags } from '../flags';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteSettings {
  propagation: Propagation;
  /** Seconds; -1 leaves it to the server. */
  gracePeriod: number;
  force: boolean;
  ignoreNotFound: boolean;
}

/** --cascade, with the deprecated boolean spellings and their warnings. */
export function cascadeOf(value: string, stderr: NodeJS.WritableStream): Propagation {
  switch (value.toLowerCase()) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
  }
  const bool = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value) ? /^(1|t|T|TRUE|true|True)$/.test(value) : undefined;
  if (bool === undefined) throw new CommandError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  stderr.write(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${bool ? 'background' : 'orphan'}.\n`);
  return bool ? 'Background' : 'Orphan';
}

export function deleteSettings(flags: Flags, stderr: NodeJS.WritableStream): DeleteSettings {
  const propagation = cascadeOf(flags.has('cascade') ? flags.string('cascade') : 'background', stderr);
  const force = flags.bool('force');
  let gracePeriod = flags.int('grace-period', -1);
  if (flags.bool('now')) {
    if (gracePeriod !== -1) throw new CommandError('--now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  // --grace-period=0 means 1 unless --force: an accidental 0 must not lose data.
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const selecting = flags.bool('all') || Boolean(flags.string('selector')) || Boolean(flags.string('field-selector'));
  const ignoreNotFound = flags.has('ignore-not-found') ? flags.bool('ignore-not-found') : selecting;
  return { propagation, gracePeriod, force, ignoreNotFound };
}

/** DeleteOptions.Validate: -o and the --force/--grace-period pair (the warning is printed here). */
export function validateDelete(flags: Flags, settings: DeleteSettings, stderr: NodeJS.WritableStream): void {
  const output = flags.string('output');
  if (output && output !== 'name') throw new CommandError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (flags.bool('all') && flags.string('selector')) throw new CommandError('cannot set --all and --selector at the same time');
  if (flags.bool('all') && flags.string('field-selector')) throw new CommandError('cannot set --all and --field-selector at the same time');
  if (settings.gracePeriod === 0 && settings.force)
    stderr.write('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  else if (settings.gracePeriod > 0 && settings.force) throw new CommandError('--force and --grace-period greater than 0 cannot be specified together');
}

/** The body of each DELETE (metav1.DeleteOptions). */
export function deleteBody(settings: DeleteSettings): Record<string, unknown> {
  return {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    ...(settings.gracePeriod >= 0 ? { gracePeriodSeconds: settings.gracePeriod } : {}),
    propagationPolicy: settings.propagation,
  };
}
