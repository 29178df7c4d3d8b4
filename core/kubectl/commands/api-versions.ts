// kubectl api-versions: every group/version the server serves, sorted, one a line.
import type { APIGroupList, APIVersions } from 'kubernetes-types/meta/v1';
import type { Command, CommandContext } from '../command';
import { CommandError, UsageError } from '../command';

async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length) throw new UsageError(`unexpected arguments: [${ctx.args.join(' ')}]`);
  const { rest } = await ctx.session();
  let versions: string[];
  try {
    const [core, groups] = await Promise.all([rest.json<APIVersions>({ path: '/api' }), rest.json<APIGroupList>({ path: '/apis' })]);
    versions = [...core.versions, ...groups.groups.flatMap((g) => g.versions.map((v) => v.groupVersion))];
  } catch (err) {
    throw new CommandError(`couldn't get available api versions from server: ${(err as Error).message}`);
  }
  ctx.io.stdout.write(versions.sort().map((v) => `${v}\n`).join(''));
  return 0;
}

export const apiVersions: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run,
};
