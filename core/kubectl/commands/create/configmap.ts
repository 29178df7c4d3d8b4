// kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value] [--from-env-file=source]
import { CommandError } from '../../command';
import { isConfigMapKey } from '../../../machinery/names';
import { withNameHash } from './append-hash';
import { generatorCommand } from './generator';
import { envFileSources, fileSources, isUtf8, parseLiteralSource } from './sources';

export const configmap = generatorCommand({
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [
    { name: 'from-file', type: 'stringSlice' },
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-env-file', type: 'stringSlice' },
    { name: 'append-hash', type: 'bool' },
  ],
  api: '/api/v1',
  resource: 'configmaps',
  namespaced: true,
  failure: 'failed to create configmap: ',
  validate({ ctx }) {
    const f = ctx.flags;
    if (f.strings('from-env-file').length && (f.strings('from-file').length || f.strings('from-literal').length))
      throw new CommandError('from-env-file cannot be combined with from-file or from-literal');
  },
  build({ ctx, name, namespace }) {
    const data: Record<string, string> = {};
    const binaryData: Record<string, string> = {};
    const add = (key: string, value: Buffer, binary: boolean) => {
      const errs = isConfigMapKey(key);
      if (errs.length) throw new CommandError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
      if (key in data) throw new CommandError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
      if (key in binaryData) throw new CommandError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(name)}`);
      if (binary) binaryData[key] = value.toString('base64');
      else data[key] = value.toString('utf8');
    };
    const f = ctx.flags;
    for (const s of fileSources(f.strings('from-file'), ctx.io.cwd)) add(s.key, s.value, !isUtf8(s.value));
    for (const s of f.strings('from-literal')) {
      const [key, value] = parseLiteralSource(s);
      add(key, Buffer.from(value), false);
    }
    for (const s of envFileSources(f.strings('from-env-file'), ctx.io.cwd, ctx.io.env)) add(s.key, s.value, false);
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data, binaryData };
    return f.bool('append-hash') ? withNameHash(configMap) : configMap;
  },
});
