// kubectl config get-clusters, set-cluster and delete-cluster.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../../command';
import { CommandError } from '../../command';
import { configAccess, goList } from './access';

export const getClusters: Command = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  async run(ctx) {
    const config = configAccess(ctx).startingConfig();
    // kubectl ranges over a Go map here: its order is random. Ours is the file's.
    ctx.io.stdout.write(`NAME\n${[...config.clusters.keys()].map((n) => `${n}\n`).join('')}`);
    return 0;
  },
};

export const setCluster: Command = {
  name: 'set-cluster',
  short: 'Set a cluster entry in kubeconfig',
  flags: [
    { name: 'server', type: 'string' },
    { name: 'tls-server-name', type: 'string' },
    { name: 'insecure-skip-tls-verify', type: 'bool', noOptDefVal: 'true' },
    { name: 'certificate-authority', type: 'string' },
    { name: 'embed-certs', type: 'bool', noOptDefVal: 'true' },
    { name: 'proxy-url', type: 'string' },
  ],
  async run(ctx) {
    const { flags, args, io } = ctx;
    if (args.length !== 1) throw new CommandError(`Unexpected args: ${goList(args)}`);
    const name = args[0]!;
    if (!name) throw new CommandError('you must specify a non-empty cluster name');
    const ca = flags.string('certificate-authority');
    const embed = flags.bool('embed-certs');
    if (flags.bool('insecure-skip-tls-verify') && ca) throw new CommandError('you cannot specify a certificate authority and insecure mode at the same time');
    if (embed) {
      if (!ca) throw new CommandError('you must specify a --certificate-authority to embed');
      try {
        statSync(resolve(io.cwd, ca));
      } catch {
        throw new CommandError(`could not stat certificate-authority file ${ca}: stat ${ca}: no such file or directory`);
      }
    }
    const access = configAccess(ctx);
    const config = access.startingConfig();
    const entry = config.clusters.get(name) ?? { fields: {}, origin: '' };
    const f = entry.fields;
    if (flags.has('server')) {
      f.server = flags.string('server');
      delete f['tls-server-name'];
    }
    if (flags.has('tls-server-name')) f['tls-server-name'] = flags.string('tls-server-name');
    // kubectl's flag has a default, which makes it always "provided": every set-cluster sets it.
    {
      f['insecure-skip-tls-verify'] = flags.bool('insecure-skip-tls-verify');
      if (f['insecure-skip-tls-verify']) {
        delete f['certificate-authority'];
        delete f['certificate-authority-data'];
      }
    }
    if (flags.has('certificate-authority')) {
      if (embed) {
        f['certificate-authority-data'] = readFileSync(resolve(io.cwd, ca)).toString('base64');
        f['insecure-skip-tls-verify'] = false;
        delete f['certificate-authority'];
      } else {
        f['certificate-authority'] = ca && resolve(io.cwd, ca);
        if (ca) {
          f['insecure-skip-tls-verify'] = false;
          delete f['certificate-authority-data'];
        }
      }
    }
    if (flags.has('proxy-url')) f['proxy-url'] = flags.string('proxy-url');
    config.clusters.set(name, entry);
    access.modify(config, true);
    io.stdout.write(`Cluster "${name}" set.\n`);
    return 0;
  },
};

export const deleteCluster: Command = {
  name: 'delete-cluster',
  short: 'Delete the specified cluster from the kubeconfig',
  async run(ctx) {
    const access = configAccess(ctx);
    const config = access.startingConfig();
    if (ctx.args.length !== 1) throw new CommandError(`Unexpected args: ${goList(ctx.args)}`);
    const name = ctx.args[0]!;
    const file = access.defaultFile();
    if (!config.clusters.has(name)) throw new CommandError(`cannot delete cluster ${name}, not in ${file}`);
    config.clusters.delete(name);
    access.modify(config, true);
    ctx.io.stdout.write(`deleted cluster ${name} from ${file}\n`);
    return 0;
  },
};
