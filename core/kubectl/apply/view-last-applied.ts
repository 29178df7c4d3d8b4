// kubectl apply view-last-applied: the last-applied-configuration annotation of each object
// named (TYPE NAME, TYPE/NAME, -f, -l, --all), fetched from the server, as YAML (the default) or
// indented JSON. An object without the annotation prints nothing; the first failure stops all.
import { UsageError, type Command, type CommandContext } from '../command';
import { objectPath } from '../discovery';
import { FILENAME_FLAGS, type KubeObject } from '../manifests/objects';
import { objectTargets } from '../object-targets';
import { toYaml } from '../printers/yaml-json';
import { LAST_APPLIED } from '../write';

/** json.Indent with two spaces: the annotation's own JSON (Go-escaped, keys as written), re-indented. */
function indented(text: string): string {
  return `${JSON.stringify(JSON.parse(text), null, 2).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}${text.endsWith('\n') ? '\n' : ''}`;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const session = await ctx.session();
  const { targets, errors } = await objectTargets(ctx, session);
  if (errors.length) throw errors[0];
  const configs: string[] = [];
  for (const t of targets) {
    const live = await session.rest.json<KubeObject>({ path: objectPath(t.info, t.namespace || undefined, t.name) });
    const config = live.metadata?.annotations?.[LAST_APPLIED];
    if (config) configs.push(config);
  }
  const output = flags.string('output') || 'yaml';
  for (const config of configs) {
    if (output === 'json') io.stdout.write(indented(config));
    else if (output === 'yaml') io.stdout.write(toYaml(JSON.parse(config)));
    else throw new UsageError(`Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
  }
  return 0;
}

export const viewLastApplied: Command = {
  name: 'view-last-applied',
  short: 'View the latest last-applied-configuration annotations of a resource/object',
  flags: [...FILENAME_FLAGS, { name: 'selector', short: 'l', type: 'string' }, { name: 'all', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run,
};
