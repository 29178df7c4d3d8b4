// The built-in kubectl's commands, in the order `kubectl --help` lists them.
import type { Command } from '../command';
import { describe } from './describe';
import { get } from './get';

export const COMMANDS: Command[] = [get, describe];
