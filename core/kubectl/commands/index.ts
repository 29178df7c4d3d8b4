// The built-in kubectl's commands, in the order `kubectl --help` lists them.
import type { Command } from '../command';
import { create } from './create/index';
import { describe } from './describe';
import { get } from './get';
import { attach } from './attach';
import { exec } from './exec';
import { portForward } from './port-forward';

export const COMMANDS: Command[] = [create, get, describe, attach, exec, portForward];
