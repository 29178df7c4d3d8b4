import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags, type FlagSpec } from './flags';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'label-columns', short: 'L', type: 'stringSlice' },
];

describe('parseFlags (pflag grammar)', () => {
  it.each([
    [['get', '-n', 'kube-system', 'pods'], { namespace: 'kube-system' }, ['get', 'pods']],
    [['-nkube-system'], { namespace: 'kube-system' }, []],
    [['-n=kube-system'], { namespace: 'kube-system' }, []],
    [['--namespace=a', '--namespace', 'b'], { namespace: 'b' }, []],
    [['-it', 'pod'], { stdin: true, tty: true }, ['pod']],
    [['--tty=false'], { tty: false }, []],
    [['--replicas', '3'], { replicas: 3 }, []],
    [['--from-literal=a=1', '--from-literal', 'b=2,c'], { 'from-literal': ['a=1', 'b=2,c'] }, []],
    [['-L', 'a,b', '-Lc'], { 'label-columns': ['a', 'b', 'c'] }, []],
  ])('%j', (args, flags, positionals) => {
    const parsed = parseFlags(args, SPECS);
    expect(Object.fromEntries(parsed.flags)).toEqual(flags);
    expect(parsed.positionals).toEqual(positionals);
  });

  it('stops at -- and remembers where it stood', () => {
    const parsed = parseFlags(['run', 'x', '-i', '--', 'sh', '-c', 'echo -n'], SPECS);
    expect(parsed.positionals).toEqual(['run', 'x', 'sh', '-c', 'echo -n']);
    expect(parsed.dashAt).toBe(2);
  });

  it.each([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-ix'], "unknown shorthand flag: 'x' in -ix"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--replicas=many'], 'invalid argument "many" for "--replicas" flag: strconv.ParseInt: parsing "many": invalid syntax'],
  ])('refuses %j as pflag does', (args, message) => {
    expect(() => parseFlags(args, SPECS)).toThrow(new FlagError(message));
  });
});
