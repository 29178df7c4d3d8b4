// kubectl expose (TYPE NAME | TYPE/NAME): a Service for a deployment, replica set, replication
// controller, pod or service, its selector, ports and protocols read from that object.
import type { Command, CommandContext } from '../../command';
import { objectPath, type ResourceInfo } from '../../discovery';
import { makeLabels } from '../../generator-params';
import { readManifests } from '../../manifests/objects';
import { resolveTargets } from '../../resource-args';
import { applyOverrides, OVERRIDE_FLAGS, serverSchema } from '../../write/overrides';
import { resultPrinter, withLastApplied, writeFlags, writeOptions, writeQuery } from '../../write';
import { goTyped } from '../../printers/go-typed';
import { generateService } from './generate-service';
import { checkExposable, portsFor, selectorFor } from './service-for';

type Obj = Record<string, unknown>;

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
/** DNS-1035 labels are at most 63 characters: a longer object name is cut for the service. */
const MAX_NAME = 63;

interface Exposed {
  info: ResourceInfo;
  name: string;
  obj: Obj;
}

/** The objects to expose: from -f files as written, or by TYPE NAME from the server. */
async function exposed(ctx: CommandContext, filenames: string[]): Promise<Exposed[]> {
  const session = await ctx.session();
  const discovery = await session.discovery();
  const { namespace, namespaceExplicit } = session.config;
  if (filenames.length) {
    const read = await readManifests({ filenames, recursive: ctx.flags.bool('recursive'), validate: false, namespace, enforceNamespace: namespaceExplicit }, ctx.io, discovery);
    if (read.errors.length) throw read.errors[0];
    return read.objects.map((m) => ({ info: m.info, name: m.name, obj: m.object }));
  }
  const out: Exposed[] = [];
  for (const { info, names } of resolveTargets(ctx.args, discovery)) {
    if (!names.length) throw new Error('resource(s) were provided, but no name was specified');
    for (const name of names) out.push({ info, name, obj: await session.rest.json<Obj>({ path: objectPath(info, namespace, name) }) });
  }
  return out;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const write = writeOptions(ctx, 'kubectl-expose');
  const printer = resultPrinter(flags, { dryRun: write.dryRun, typed: true, cwd: io.cwd });
  const filenames = flags.strings('filename');
  if (!ctx.args.length && !filenames.length) throw new Error(NO_RESOURCES);
  const session = await ctx.session();
  const namespace = session.config.namespace;
  let selector = flags.string('selector');
  let labels = flags.string('labels');
  for (const { info, name, obj } of await exposed(ctx, filenames)) {
    checkExposable(info);
    selector ||= selectorFor(info.kind, obj);
    let port = flags.string('port');
    const found = portsFor(info.kind, obj);
    if (!port) {
      if (!found.ports.length && flags.string('cluster-ip') !== 'None') throw new Error("couldn't find port via --port flag or introspection");
      port = found.ports.join(',');
    }
    labels ||= makeLabels((obj.metadata as { labels?: Record<string, string> }).labels);
    let service = generateService({
      name: flags.string('name') || name.slice(0, MAX_NAME),
      selector,
      labels,
      port,
      protocol: flags.string('protocol'),
      protocols: found.protocols,
      targetPort: flags.string('target-port'),
      externalIP: flags.string('external-ip'),
      type: flags.string('type'),
      loadBalancerIP: flags.string('load-balancer-ip'),
      sessionAffinity: flags.string('session-affinity'),
      clusterIP: flags.string('cluster-ip'),
    });
    service = await applyOverrides(service, flags, () => serverSchema(ctx, 'services'));
    if (write.dryRun === 'client') {
      if (session.config.namespaceExplicit) service = { ...service, metadata: { ...(service.metadata as Obj), namespace } };
      io.stdout.write(printer.print(service, 'exposed'));
      continue;
    }
    if (write.saveConfig) service = withLastApplied(service, true);
    const created = await session.rest.json<Obj>({
      method: 'POST',
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`,
      query: writeQuery({ dryRun: write.dryRun, fieldManager: write.fieldManager }),
      body: goTyped(service),
    });
    io.stdout.write(printer.print(created, 'exposed'));
  }
  return 0;
}

export const expose: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [
    ...writeFlags({ saveConfig: true }),
    ...OVERRIDE_FLAGS,
    { name: 'protocol', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run,
};
