// kubectl annotate: set (KEY=VALUE) or remove (KEY-) annotations on the objects named, or
// --list them.
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { METADATA_MAP_FLAGS, runMetadataMap, type MetadataMapCommand } from '../modify/metadata-map';
import { parsePairs } from '../modify/pairs';

const ANNOTATE: MetadataMapCommand = {
  field: 'annotations',
  pairType: 'annotation',
  fieldManager: 'kubectl-annotate',
  label: false,
  parse: (pairs) => parsePairs(pairs, 'annotation', true),
  validate(ctx: CommandContext, resources, pairs) {
    const { flags } = ctx;
    if (flags.bool('all') && flags.string('selector')) throw new CommandError('cannot set --all and --selector at the same time');
    if (flags.bool('all') && flags.string('field-selector')) throw new CommandError('cannot set --all and --field-selector at the same time');
    if (flags.bool('local')) {
      if (resources.length) throw new CommandError('can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set');
      throw new CommandError('one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json');
    }
    if (!resources.length) throw new CommandError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (!pairs.set.size && !pairs.remove.length && !flags.bool('list')) throw new CommandError('at least one annotation update is required');
    const both = pairs.remove.filter((key) => pairs.set.has(key));
    if (both.length) throw new CommandError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  },
  overwriteError: (conflicts) =>
    new Error(`--overwrite is false but found the following declared annotation(s): ${conflicts.map(([key, current]) => `'${key}' already has a value (${current})`).join('; ')}`),
};

export const annotate: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  flags: METADATA_MAP_FLAGS,
  run: (ctx) => runMetadataMap(ANNOTATE, ctx),
};
