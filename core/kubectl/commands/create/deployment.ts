// kubectl create deployment NAME --image=image [--replicas=n] [--port=p] [-- COMMAND args...]
import { CommandError } from '../../command';
import { randomString } from '../../../registry/generic/names';
import { commandArgs, generatorCommand } from './generator';

/** The container's name from its image: the last path part, without tag or digest; `_` and `.` made `-` with a random suffix. */
export function containerNameOf(image: string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  return /[_.]/.test(name) ? `${name.replace(/[_.]/g, '-')}-${randomString(5)}` : name;
}

export const deployment = generatorCommand({
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [
    { name: 'image', type: 'stringSlice' },
    { name: 'port', type: 'int' },
    { name: 'replicas', short: 'r', type: 'int' },
  ],
  required: ['image'],
  api: '/apis/apps/v1',
  resource: 'deployments',
  namespaced: true,
  failure: 'failed to create deployment: ',
  validate(g) {
    if (g.ctx.flags.strings('image').length > 1 && commandArgs(g.ctx).length) throw new CommandError('cannot specify multiple --image options and command');
  },
  build(g) {
    const labels = { app: g.name };
    const cmd = commandArgs(g.ctx);
    const port = g.ctx.flags.int('port', -1);
    const containers = g.ctx.flags.strings('image').map((image, i) => ({
      name: containerNameOf(image),
      image,
      command: cmd.length ? cmd : undefined,
      ports: i === 0 && port >= 0 ? [{ containerPort: port }] : undefined,
    }));
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: g.name, namespace: g.namespace, labels },
      spec: {
        replicas: g.ctx.flags.int('replicas', 1),
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers } },
      },
    };
  },
});
