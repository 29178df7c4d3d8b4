// kubectl config view: the merged kubeconfig (or --kubeconfig's file alone), --minify to what
// the current context uses, secrets redacted (token and password REDACTED, byte data
// DATA+OMITTED) unless --raw, file references inlined by --flatten; printed as YAML by default.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Command, CommandContext } from '../../command';
import { CommandError, UsageError } from '../../command';
import { encodeKubeconfig, type Kubeconfig } from '../../kubeconfig/model';
import { templatePrinter } from '../../printers/template-printers';
import { toYaml } from '../../printers/yaml-json';
import { configAccess, goList } from './access';

const OUTPUTS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** clientcmdapi.MinifyConfig: only the current context, its cluster and its user. */
function minify(config: Kubeconfig): void {
  if (!config.currentContext) throw new CommandError('current-context must exist in order to minify');
  const context = config.contexts.get(config.currentContext);
  if (!context) throw new CommandError(`cannot locate context ${config.currentContext}`);
  const cluster = String(context.fields.cluster ?? '');
  const user = String(context.fields.user ?? '');
  if (cluster && !config.clusters.has(cluster)) throw new CommandError(`cannot locate cluster ${cluster}`);
  if (user && !config.users.has(user)) throw new CommandError(`cannot locate user ${user}`);
  const keep = <T>(m: Map<string, T>, name: string) => new Map(name ? [[name, m.get(name)!]] : []);
  config.clusters = keep(config.clusters, cluster);
  config.users = keep(config.users, user);
  config.contexts = keep(config.contexts, config.currentContext);
}

/** clientcmdapi.RedactSecrets then ShortenConfig. */
function redact(config: Kubeconfig): void {
  for (const { fields } of config.users.values()) {
    for (const k of ['token', 'password']) if (fields[k]) fields[k] = 'REDACTED';
    for (const k of ['client-certificate-data', 'client-key-data']) if (fields[k]) fields[k] = 'DATA+OMITTED';
  }
  for (const { fields } of config.clusters.values()) if (fields['certificate-authority-data']) fields['certificate-authority-data'] = 'DATA+OMITTED';
}

/** clientcmdapi.FlattenConfig: each file reference read into its data field. */
function flatten(config: Kubeconfig, cwd: string): void {
  const inline = (fields: Record<string, unknown>, pathKey: string, dataKey: string, origin: string) => {
    const path = fields[pathKey];
    if (typeof path !== 'string' || !path) return;
    if (fields[dataKey]) throw new CommandError('cannot have values for both path and contents');
    const abs = isAbsolute(path) ? path : join(resolve(cwd, dirname(origin)), path);
    try {
      fields[dataKey] = readFileSync(abs).toString('base64');
    } catch {
      throw new CommandError(`open ${abs}: no such file or directory`);
    }
    delete fields[pathKey];
  };
  for (const e of config.users.values()) {
    inline(e.fields, 'client-certificate', 'client-certificate-data', e.origin);
    inline(e.fields, 'client-key', 'client-key-data', e.origin);
  }
  for (const e of config.clusters.values()) inline(e.fields, 'certificate-authority', 'certificate-authority-data', e.origin);
}

/** Go's encoding/json: escapes <, > and &. */
const goJson = (v: unknown) => JSON.stringify(v, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) + '\n';

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (ctx.args.length) throw new UsageError(`unexpected arguments: ${goList(ctx.args)}`);
  const access = configAccess(ctx);
  const output = flags.string('output') || 'yaml';
  const template = templatePrinter({ output, template: flags.string('template'), allowMissingKeys: flags.bool('allow-missing-template-keys', true), noHeaders: false, cwd: io.cwd });
  if ((!template && !['yaml', 'json', 'name'].includes(output)) || /^custom-columns/.test(output))
    throw new CommandError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUTS}`);
  // kubectl's --merge has a default, which makes it "provided": only --merge=false turns merging off.
  const merge = flags.bool('merge', true);
  if (!merge && !access.explicitFile) throw new CommandError('if merge==false a precise file must be specified');
  if (!merge && !access.exists(access.explicitFile)) throw new CommandError(`open ${access.explicitFile}: no such file or directory`);
  const config = merge ? access.startingConfig() : access.readFile(access.explicitFile);
  if (flags.bool('minify')) {
    if (flags.string('context')) config.currentContext = flags.string('context');
    minify(config);
  }
  if (flags.bool('flatten')) flatten(config, io.cwd);
  else if (!flags.bool('raw')) redact(config);
  const obj = encodeKubeconfig(config);
  if (template) io.stdout.write(template.print(JSON.parse(JSON.stringify(obj)) as Record<string, unknown>));
  else if (output === 'json') io.stdout.write(goJson(obj));
  else if (output === 'name') io.stdout.write('config/<unknown>\n');
  else io.stdout.write(toYaml(obj));
  return 0;
}

export const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'merge', type: 'bool', noOptDefVal: 'true' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'minify', type: 'bool' },
  ],
  run,
};
