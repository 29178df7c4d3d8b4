// kubectl set image: new images for named containers (or `*`, all of them) in the pod template
// of each object, sent as the strategic merge patch between the object before and after; an
// object whose images are already those is left alone and not printed.
import type { Command, CommandContext } from '../../command';
import { CommandError } from '../../command';
import { objectPath } from '../../discovery';
import { ServerError } from '../../rest';
import { collected, readAll, selectResources, type KubeObj } from '../../resource-builder';
import { createTwoWayStrategicMergePatch } from '../../../apiserver/patch/strategic-merge-patch';
import { parsePairs, splitResourcesAndPairs } from '../../modify/pairs';
import { containersOf, podSpecOf, type Container } from '../../modify/pod-template';
import { builtInSchema } from '../../modify/typed-schema';
import { dryRunOf, writeFlags, writeQuery } from '../../write/options';
import { resultPrinter } from '../../write/print';

/** Sets image on the containers named (or all, for `*`); whether any was found. */
function setImage(containers: Container[], name: string, image: string): boolean {
  let found = false;
  for (const c of containers) {
    if (c.name === name || name === '*') {
      c.image = image;
      found = true;
    }
  }
  return found;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const dryRun = dryRunOf(flags, io.stderr);
  const printer = resultPrinter(flags, { dryRun, typed: true, cwd: io.cwd });
  const { resources, pairs } = splitResourcesAndPairs(ctx.args, 'image');
  const images = parsePairs(pairs, 'image', false).set;
  const session = await ctx.session();
  const selection = selectResources(session.rest, await session.discovery(), {
    args: resources,
    namespace: session.config.namespace,
    selector: flags.string('selector'),
    all: flags.bool('all'),
  });
  // Every object is read before anything is checked or changed; one failed read stops all.
  const { found, failures } = await readAll(selection);
  if (failures.length) throw collected(failures);

  const invalid: string[] = [];
  if (flags.bool('all') && flags.string('selector')) invalid.push('cannot set --all and --selector at the same time');
  if (!resources.length) invalid.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (!images.size) invalid.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) invalid.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (invalid.length) throw new AggregateError(invalid.map((m) => new CommandError(m)));

  const errors: unknown[] = [];
  for (const { info, namespace, name, object } of found) {
    const before = structuredClone(object);
    try {
      const spec = podSpecOf(object);
      const { init, regular } = containersOf(spec);
      for (const [container, image] of images) {
        const inInit = setImage(init, container, image);
        const inRegular = setImage(regular, container, image);
        if (!inInit && !inRegular) errors.push(new Error(`error: unable to find container named ${JSON.stringify(container)}`));
      }
    } catch (err) {
      errors.push(new Error(`error: ${info.resource}/${name} ${(err as Error).message}\n`));
      continue;
    }
    const patch = createTwoWayStrategicMergePatch(before, object, builtInSchema(String(object.apiVersion), String(object.kind)));
    if (!Object.keys(patch).length) continue;
    if (dryRun === 'client') {
      io.stdout.write(printer.print(object, 'image updated'));
      continue;
    }
    try {
      const answer = await session.rest.json<KubeObj>({
        method: 'PATCH',
        path: objectPath(info, namespace, name),
        query: writeQuery({ dryRun, fieldManager: flags.string('field-manager') || 'kubectl-set' }),
        contentType: 'application/strategic-merge-patch+json',
        body: patch,
      });
      io.stdout.write(printer.print(answer, 'image updated'));
    } catch (err) {
      errors.push(new Error(`failed to patch image update to pod template: ${err instanceof ServerError ? err.status.message : (err as Error).message}`));
    }
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

export const image: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: [...writeFlags(), { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'record', type: 'bool' }],
  run,
};
