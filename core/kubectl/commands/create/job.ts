// kubectl create job NAME --image=image [-- COMMAND args...] | --from=cronjob/NAME
import { CommandError } from '../../command';
import { objectPath } from '../../discovery';
import { commandArgs, generatorCommand, type GeneratorContext, type Obj } from './generator';

/** The Job a CronJob would start, marked as started by hand and owned by the CronJob. */
function jobFromCronJob(g: GeneratorContext, cronJob: Obj): Obj {
  const meta = cronJob.metadata as { name: string; uid: string };
  const template = ((cronJob.spec as Obj | undefined)?.jobTemplate ?? {}) as { metadata?: { labels?: object; annotations?: object }; spec?: object };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: g.name,
      namespace: g.namespace,
      labels: template.metadata?.labels,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...template.metadata?.annotations },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: meta.name, uid: meta.uid, controller: true }],
    },
    spec: template.spec,
  };
}

async function fromResource(g: GeneratorContext, from: string): Promise<Obj> {
  const slash = from.indexOf('/');
  const session = await g.ctx.session();
  const info = (await session.discovery()).resolve(slash < 0 ? from : from.slice(0, slash));
  if (slash < 0) throw new CommandError('resource(s) were provided, but no name was specified');
  const obj = await session.rest.json<Obj>({ path: objectPath(info, session.config.namespace, from.slice(slash + 1)) });
  if (info.kind !== 'CronJob' || info.group !== 'batch') throw new CommandError(`unknown object type *${info.version}.${info.kind}`);
  return jobFromCronJob(g, obj);
}

export const job = generatorCommand({
  name: 'job',
  short: 'Create a job with the specified name',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'from', type: 'string' },
  ],
  api: '/apis/batch/v1',
  resource: 'jobs',
  namespaced: true,
  failure: 'failed to create job: ',
  validate(g) {
    const image = g.ctx.flags.string('image');
    const from = g.ctx.flags.string('from');
    if (!image === !from) throw new CommandError('either --image or --from must be specified');
    if (commandArgs(g.ctx).length && from) throw new CommandError('cannot specify --from and command');
  },
  build(g) {
    const from = g.ctx.flags.string('from');
    if (from) return fromResource(g, from);
    const cmd = commandArgs(g.ctx);
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: g.name, namespace: g.namespace },
      spec: { template: { spec: { containers: [{ name: g.name, image: g.ctx.flags.string('image'), command: cmd.length ? cmd : undefined }], restartPolicy: 'Never' } } },
    };
  },
});

export const cronjob = generatorCommand({
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'schedule', type: 'string' },
    { name: 'restart', type: 'string' },
  ],
  required: ['image', 'schedule'],
  api: '/apis/batch/v1',
  resource: 'cronjobs',
  namespaced: true,
  failure: 'failed to create cronjob: ',
  build(g) {
    const cmd = commandArgs(g.ctx);
    const container = { name: g.name, image: g.ctx.flags.string('image'), command: cmd.length ? cmd : undefined };
    return {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: g.name, namespace: g.namespace },
      spec: {
        schedule: g.ctx.flags.string('schedule'),
        jobTemplate: { metadata: { name: g.name }, spec: { template: { spec: { containers: [container], restartPolicy: g.ctx.flags.string('restart') || 'OnFailure' } } } },
      },
    };
  },
});
