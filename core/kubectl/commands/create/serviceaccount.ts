// kubectl create serviceaccount NAME
import { generatorCommand } from './generator';

export const serviceaccount = generatorCommand({
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  flags: [],
  api: '/api/v1',
  resource: 'serviceaccounts',
  namespaced: true,
  failure: 'failed to create serviceaccount: ',
  build: (g) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: g.name, namespace: g.namespace } }),
});
