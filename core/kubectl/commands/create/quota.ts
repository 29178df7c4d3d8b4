// kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]
import { CommandError } from '../../command';
import { formatQuantity, parseQuantity, quantityFormatError } from '../../../machinery/quantity';
import { generatorCommand } from './generator';

/** populateResourceListV1: resource=quantity pairs, quantities in canonical form. */
function resourceList(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CommandError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const q = parseQuantity(parts[1]!);
    if (!q) throw new CommandError(quantityFormatError);
    out[parts[0]!] = formatQuantity(q);
  }
  return out;
}

function scopes(spec: string): string[] | undefined {
  if (!spec) return undefined;
  const list = spec.split(',');
  if (list.includes('')) throw new CommandError('invalid resource quota scope ""');
  return list;
}

export const quota = generatorCommand({
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  flags: [
    { name: 'hard', type: 'string' },
    { name: 'scopes', type: 'string' },
  ],
  api: '/api/v1',
  resource: 'resourcequotas',
  namespaced: true,
  failure: 'failed to create quota: ',
  build: ({ ctx, name, namespace }) => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name, namespace },
    spec: { hard: resourceList(ctx.flags.string('hard')), scopes: scopes(ctx.flags.string('scopes')) },
  }),
});
