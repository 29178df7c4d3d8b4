import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Flags, parseFlags } from '../flags';
import { del } from '../commands/delete';
import { deleteBody, deleteSettings } from './options';

const settings = (...args: string[]) => {
  const stderr = new PassThrough();
  const s = deleteSettings(new Flags(parseFlags(args, del.flags!)), stderr);
  return { ...s, warned: String(stderr.read() ?? '') };
};

describe('kubectl delete options', () => {
  it('maps --cascade to a propagation policy, background when bare or absent', () => {
    expect(settings().propagation).toBe('Background');
    expect(settings('--cascade').propagation).toBe('Background');
    expect(settings('--cascade=orphan').propagation).toBe('Orphan');
    expect(settings('--cascade=Foreground').propagation).toBe('Foreground');
  });
  it('takes the deprecated boolean spellings with a warning', () => {
    expect(settings('--cascade=false')).toMatchObject({ propagation: 'Orphan', warned: 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n' });
    expect(() => settings('--cascade=bogus')).toThrow('invalid cascade value (bogus). Must be "background", "foreground", or "orphan"');
  });
  it('turns --grace-period=0 into 1 unless --force, and --force alone into 0', () => {
    expect(settings('--grace-period=0').gracePeriod).toBe(1);
    expect(settings('--grace-period=0', '--force').gracePeriod).toBe(0);
    expect(settings('--force').gracePeriod).toBe(0);
    expect(settings('--now').gracePeriod).toBe(1);
    expect(() => settings('--now', '--grace-period=3')).toThrow('--now and --grace-period cannot be specified together');
  });
  it('ignores NotFound by default only when selecting', () => {
    expect(settings().ignoreNotFound).toBe(false);
    expect(settings('--all').ignoreNotFound).toBe(true);
    expect(settings('-l', 'a=b', '--ignore-not-found=false').ignoreNotFound).toBe(false);
  });
  it('sends the grace period only when one was chosen', () => {
    expect(deleteBody(settings())).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    expect(deleteBody(settings('--now'))).toMatchObject({ gracePeriodSeconds: 1 });
  });
});
