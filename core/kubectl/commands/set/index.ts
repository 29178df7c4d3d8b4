// kubectl set: changes to a field of existing objects, one subcommand per field.
import type { Command } from '../../command';
import { env } from './env';
import { image } from './image';

export const set: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [env, image],
};
