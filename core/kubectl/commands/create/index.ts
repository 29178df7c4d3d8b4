// kubectl create: the generators (create <kind> NAME ...). `create -f` (from files) is added
// by the file-based commands.
import type { Command } from '../../command';
import { configmap } from './configmap';
import { deployment } from './deployment';
import { namespace } from './namespace';

export const create: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  subcommands: [configmap, deployment, namespace],
};
