// kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--description=...] [--preemption-policy=...]
import { generatorCommand } from './generator';

export const priorityclass = generatorCommand({
  name: 'priorityclass',
  aliases: ['pc'],
  short: 'Create a priority class with the specified name',
  flags: [
    { name: 'value', type: 'int' },
    { name: 'global-default', type: 'bool' },
    { name: 'description', type: 'string' },
    { name: 'preemption-policy', type: 'string' },
  ],
  api: '/apis/scheduling.k8s.io/v1',
  resource: 'priorityclasses',
  namespaced: false,
  failure: 'failed to create priorityclass: ',
  build: ({ ctx, name }) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value: ctx.flags.int('value', 0),
    globalDefault: ctx.flags.bool('global-default'),
    description: ctx.flags.string('description'),
    preemptionPolicy: ctx.flags.string('preemption-policy', 'PreemptLowerPriority'),
  }),
});
