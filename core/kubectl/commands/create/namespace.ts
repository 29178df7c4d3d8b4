// kubectl create namespace NAME
import { generatorCommand } from './generator';

export const namespace = generatorCommand({
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: [],
  api: '/api/v1',
  resource: 'namespaces',
  namespaced: false,
  build: (g) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: g.name }, spec: {}, status: {} }),
});
