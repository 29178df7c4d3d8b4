// kubectl create: from files (create -f) or by a generator (create <kind> NAME ...).
import type { Command } from '../../command';
import { writeFlags } from '../../write';
import { clusterrolebinding, rolebinding } from './binding';
import { configmap } from './configmap';
import { deployment } from './deployment';
import { CREATE_FILE_FLAGS, createFromFiles } from './from-files';
import { ingress } from './ingress';
import { cronjob, job } from './job';
import { namespace } from './namespace';
import { poddisruptionbudget } from './pdb';
import { priorityclass } from './priorityclass';
import { quota } from './quota';
import { clusterrole, role } from './role';
import { secret } from './secret';
import { service } from './service';
import { serviceaccount } from './serviceaccount';
import { token } from './token';

export const create: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [...CREATE_FILE_FLAGS, ...writeFlags({ validate: true, saveConfig: true })],
  // In the order `kubectl create --help` lists them.
  subcommands: [
    clusterrole,
    clusterrolebinding,
    configmap,
    cronjob,
    deployment,
    ingress,
    job,
    namespace,
    poddisruptionbudget,
    priorityclass,
    quota,
    role,
    rolebinding,
    secret,
    service,
    serviceaccount,
    token,
  ],
  run: createFromFiles,
};
