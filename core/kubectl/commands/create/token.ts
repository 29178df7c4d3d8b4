// kubectl create token SERVICE_ACCOUNT_NAME: a TokenRequest on serviceaccounts/<name>/token,
// the token printed without a line break (kubectl adds one only on a terminal), or the
// TokenRequest with -o.
import { CommandError, type Command } from '../../command';
import { ServerError } from '../../rest';
import { resultPrinter, WRITE_PRINT_FLAGS } from '../../write';
import { nameFromArgs, type Obj } from './generator';

const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };

export const token: Command = {
  name: 'token',
  short: 'Request a service account token',
  flags: [
    ...WRITE_PRINT_FLAGS,
    { name: 'audience', type: 'stringArray' },
    { name: 'duration', type: 'duration' },
    { name: 'bound-object-kind', type: 'string' },
    { name: 'bound-object-name', type: 'string' },
    { name: 'bound-object-uid', type: 'string' },
  ],
  async run(ctx) {
    const { flags, io } = ctx;
    const name = nameFromArgs(ctx);
    const namespace = ctx.clientConfig().namespace;
    const printer = resultPrinter(flags, { dryRun: 'none', typed: true, cwd: io.cwd });
    const durationMs = flags.int('duration', 0);
    if (durationMs < 0) throw new CommandError('--duration must be greater than or equal to 0');
    if (durationMs % 1000 !== 0) throw new CommandError('--duration cannot be expressed in units less than seconds');
    const audiences = flags.strings('audience');
    if (audiences.includes('')) throw new CommandError('--audience must not be an empty string');
    const kind = flags.string('bound-object-kind');
    if (!kind) {
      if (flags.string('bound-object-name')) throw new CommandError('--bound-object-name can only be set if --bound-object-kind is provided');
      if (flags.string('bound-object-uid')) throw new CommandError('--bound-object-uid can only be set if --bound-object-kind is provided');
    } else {
      if (!BOUND_KINDS[kind]) throw new CommandError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).join(', ')}`);
      if (!flags.string('bound-object-name')) throw new CommandError('--bound-object-name is required if --bound-object-kind is provided');
    }
    const request = {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: {
        audiences: audiences.length ? audiences : null,
        expirationSeconds: durationMs > 0 ? durationMs / 1000 : undefined,
        boundObjectRef: kind ? { kind, apiVersion: BOUND_KINDS[kind], name: flags.string('bound-object-name'), uid: flags.string('bound-object-uid') || undefined } : undefined,
      },
    };
    const session = await ctx.session();
    let response: Obj;
    try {
      const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`;
      response = await session.rest.json<Obj>({ method: 'POST', path, body: request });
    } catch (err) {
      if (err instanceof ServerError) throw new CommandError(`failed to create token: ${err.message}`);
      throw err;
    }
    const tokenText = (response.status as { token?: string } | undefined)?.token;
    if (!tokenText) throw new CommandError('failed to create token: no token in server response');
    io.stdout.write(flags.string('output') ? printer.print(response, 'created') : tokenText);
    return 0;
  },
};
