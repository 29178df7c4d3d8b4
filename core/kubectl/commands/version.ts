// kubectl version [--client] [-o yaml|json]: the client's version (the built-in kubectl is part
// of Wheelhouse, so it reports Wheelhouse's build, compatible with kubectl 1.32) and the
// server's /version, with kubectl's skew warning. No Kustomize line: the built-in kubectl has
// no kustomize, and saying a version would claim it had.
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { serverVersion } from '../../machinery/version';
import { toYaml } from '../printers/yaml-json';

/** apimachinery's version.Info, in its field order (what -o json keeps). */
interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

const INFO_FIELDS: (keyof VersionInfo)[] = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'];

/** Decoded into Go's struct: its fields, in its order, missing ones empty. */
const asInfo = (raw: Record<string, unknown>): VersionInfo => Object.fromEntries(INFO_FIELDS.map((f) => [f, typeof raw[f] === 'string' ? raw[f] : ''])) as unknown as VersionInfo;

const majorMinor = (v: string) => /^v?(\d+)\.(\d+)\.\d+/.exec(v);

/** kubectl warns when client and server are more than one minor version apart. */
function skewWarning(client: VersionInfo, server: VersionInfo): string {
  const c = majorMinor(client.gitVersion);
  const s = majorMinor(server.gitVersion);
  if (!c || !s) return '';
  if (c[1] === s[1] && Math.abs(Number(c[2]) - Number(s[2])) <= 1) return '';
  return `WARNING: version difference between client (${c[1]}.${c[2]}) and server (${s[1]}.${s[2]}) exceeds the supported minor version skew of +/-1\n`;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io, args } = ctx;
  const output = flags.string('output');
  const clientOnly = flags.bool('client');
  if (!clientOnly && args.length) throw new CommandError(`extra arguments: [${args.join(' ')}]`);
  if (output && output !== 'yaml' && output !== 'json') throw new CommandError(`--output must be 'yaml' or 'json'`);
  const clientVersion = asInfo(serverVersion() as Record<string, unknown>);
  let server: VersionInfo | undefined;
  let serverError: unknown;
  if (!clientOnly) {
    try {
      const session = await ctx.session();
      server = asInfo(await session.rest.json<Record<string, unknown>>({ path: '/version' }));
    } catch (err) {
      serverError = err;
    }
  }
  const versions = { clientVersion, ...(server ? { serverVersion: server } : {}) };
  if (output === 'json') io.stdout.write(`${JSON.stringify(versions, null, 2)}\n`);
  else if (output === 'yaml') {
    io.stdout.write(`${toYaml(versions)}\n`);
  } else io.stdout.write(`Client Version: ${clientVersion.gitVersion}\n${server ? `Server Version: ${server.gitVersion}\n` : ''}`);
  if (server) io.stderr.write(skewWarning(clientVersion, server));
  if (serverError) throw serverError;
  return 0;
}

export const version: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run,
};
