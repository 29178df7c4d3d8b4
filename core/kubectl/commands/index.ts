// The built-in kubectl's commands, in the order `kubectl --help` lists them.
import type { Command } from '../command';
import { apply } from './apply';
import { create } from './create/index';
import { expose } from './expose/index';
import { runCommand } from './run/run';
import { del } from './delete';
import { describe } from './describe';
import { get } from './get';
import { attach } from './attach';
import { exec } from './exec';
import { portForward } from './port-forward';
import { replace } from './replace';
import { clusterInfo } from './cluster-info';
import { apiResources } from './api-resources';
import { apiVersions } from './api-versions';
import { version } from './version';
import { rollout } from './rollout';
import { cordon, drainCommand, uncordon } from './drain';
import { top } from './top';
import { logs } from './logs';
import { config } from './config/index';
import { auth } from './auth/index';
import { explain } from './explain';





export const COMMANDS: Command[] = [create, explain, expose, runCommand, get, del, apply, replace, clusterInfo, describe, attach, exec, portForward, auth, rollout, cordon, uncordon, drainCommand, top, logs, apiResources, apiVersions, config, version];
