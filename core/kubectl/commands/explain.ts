// kubectl explain RESOURCE[.field...] [--recursive] [--api-version=group/version]: the
// resource's schema from the server's /openapi/v3, as kubectl's plaintext template prints it.
import type { Command, CommandContext } from '../command';
import { BareError, CommandError } from '../command';
import { UnknownResourceError } from '../discovery';
import { explainText, ExplainError } from '../explain/render';

async function run(ctx: CommandContext): Promise<number> {
  const { args, flags } = ctx;
  if (args.length === 0)
    throw new CommandError("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.");
  if (args.length > 1) throw new CommandError('We accept only this format: explain RESOURCE');
  const output = flags.string('output', 'plaintext');
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') throw new CommandError(`unsupported output format: ${output}`);
  const session = await ctx.session();
  const discovery = await session.discovery();
  const input = args[0]!;
  const [word, ...rest] = input.split('.');
  let info;
  try {
    info = discovery.resolve(word!);
  } catch (err) {
    if (err instanceof UnknownResourceError) throw new BareError(err.message);
    throw err;
  }
  // "deployments.apps.spec": the resource's group name may follow it.
  const groupResource = info.group ? `${info.resource}.${info.group}` : info.resource;
  const fieldPath = input.startsWith(`${groupResource}.`) || input === groupResource ? input.slice(groupResource.length).split('.').filter(Boolean) : rest;
  let { group, version } = info;
  const apiVersion = flags.string('api-version');
  if (apiVersion) [group, version] = apiVersion.includes('/') ? (apiVersion.split('/', 2) as [string, string]) : ['', apiVersion];
  const index = await session.rest.json<{ paths: Record<string, { serverRelativeURL: string }> }>({ path: '/openapi/v3' });
  const key = group ? `apis/${group}/${version}` : `api/${version}`;
  const entry = index.paths[key];
  if (!entry) throw new CommandError(`couldn't find resource for "${group ? `${group}/` : ''}${version}, Resource=${info.resource}"`);
  const [path, query] = entry.serverRelativeURL.split('?');
  const doc = await session.rest.json<Record<string, unknown>>({ path: path!, query: Object.fromEntries(new URLSearchParams(query ?? '')) });
  try {
    ctx.io.stdout.write(explainText(doc, { group, version, resource: info.resource }, fieldPath, flags.bool('recursive')));
  } catch (err) {
    // The template had printed the header when it failed.
    if (err instanceof ExplainError) {
      ctx.io.stdout.write(err.printed);
      throw new CommandError(err.message);
    }
    throw err;
  }
  return 0;
}

export const explain: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run,
};
