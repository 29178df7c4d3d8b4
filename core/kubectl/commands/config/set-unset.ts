// kubectl config set PROPERTY_NAME PROPERTY_VALUE and kubectl config unset PROPERTY_NAME.
import type { Command } from '../../command';
import { CommandError } from '../../command';
import { configAccess, goList } from './access';
import { modifyProperty, navigationSteps } from './property';

export const set: Command = {
  name: 'set',
  short: 'Set an individual value in a kubeconfig file',
  flags: [{ name: 'set-raw-bytes', type: 'bool', noOptDefVal: 'true' }],
  async run(ctx) {
    if (ctx.args.length !== 2) throw new CommandError(`Unexpected args: ${goList(ctx.args)}`);
    const [name, value] = ctx.args as [string, string];
    if (!value) throw new CommandError('you cannot use set to unset a property');
    if (!name) throw new CommandError('you must specify a property');
    const access = configAccess(ctx);
    const config = access.startingConfig();
    modifyProperty(config, navigationSteps(name), value, false, ctx.flags.bool('set-raw-bytes'));
    access.modify(config, false);
    ctx.io.stdout.write(`Property "${name}" set.\n`);
    return 0;
  },
};

export const unset: Command = {
  name: 'unset',
  short: 'Unset an individual value in a kubeconfig file',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new CommandError(`Unexpected args: ${goList(ctx.args)}`);
    const name = ctx.args[0]!;
    if (!name) throw new CommandError('you must specify a property');
    const access = configAccess(ctx);
    const config = access.startingConfig();
    modifyProperty(config, navigationSteps(name), '', true, true);
    access.modify(config, false);
    ctx.io.stdout.write(`Property "${name}" unset.\n`);
    return 0;
  },
};
