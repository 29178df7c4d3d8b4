// kubectl auth: can-i and whoami (reconcile is not in the built-in kubectl).
import type { Command } from '../../command';
import { canI } from './can-i';
import { whoami } from './whoami';

export const auth: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  group: { long: 'Inspect authorization.', usage: 'auth [flags]' },
  subcommands: [canI, whoami],
};
