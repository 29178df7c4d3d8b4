// kubectl label: set (KEY=VALUE) or remove (KEY-) labels on the objects named, "labeled",
// "unlabeled" or "not labeled" for each, or --list them.
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { METADATA_MAP_FLAGS, runMetadataMap, type MetadataMapCommand } from '../modify/metadata-map';
import { parseLabels } from '../modify/pairs';

const LABEL: MetadataMapCommand = {
  field: 'labels',
  pairType: 'label',
  fieldManager: 'kubectl-label',
  label: true,
  parse: parseLabels,
  validate(ctx: CommandContext, resources, pairs) {
    const { flags } = ctx;
    if (flags.bool('list') && flags.string('output')) throw new CommandError('--list and --output may not be specified together');
    if (flags.bool('all') && flags.string('selector')) throw new CommandError('cannot set --all and --selector at the same time');
    if (flags.bool('all') && flags.string('field-selector')) throw new CommandError('cannot set --all and --field-selector at the same time');
    if (flags.bool('local')) {
      if (resources.length) throw new CommandError('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
      throw new CommandError('one or more files must be specified as -f pod.yaml or --filename=pod.json');
    }
    if (!resources.length) throw new CommandError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (!pairs.set.size && !pairs.remove.length && !flags.bool('list')) throw new CommandError('at least one label update is required');
  },
  // validateNoOverwrites aggregates one error per key.
  overwriteError: (conflicts) => new AggregateError(conflicts.map(([key, current]) => new Error(`'${key}' already has a value (${current}), and --overwrite is false`))),
};

export const label: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  flags: METADATA_MAP_FLAGS,
  run: (ctx) => runMetadataMap(LABEL, ctx),
};
