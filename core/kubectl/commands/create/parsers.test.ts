import { describe, expect, it } from 'vitest';
import { containerNameOf } from './deployment';
import { parseToLabelSelector } from './pdb';
import { dockerConfigJson } from './secret';
import { parsePorts } from './service';
import { parseFileSource, parseLiteralSource } from './sources';

describe('create generators: argument parsing', () => {
  it('splits literal sources at the first =', () => {
    expect(parseLiteralSource('a=b=c')).toEqual(['a', 'b=c']);
    expect(() => parseLiteralSource('=x')).toThrow('invalid literal source =x, expected key=value');
  });

  it('names file sources by their base name unless a key is given', () => {
    expect(parseFileSource('/tmp/dir/app.conf')).toEqual(['app.conf', '/tmp/dir/app.conf']);
    expect(parseFileSource('cfg=/tmp/app.conf')).toEqual(['cfg', '/tmp/app.conf']);
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
    expect(() => parseFileSource('key=')).toThrow('file path for key name key missing');
  });

  it('reads service ports with numeric or named targets', () => {
    expect(parsePorts('80')).toEqual({ port: 80, targetPort: 80 });
    expect(parsePorts('443:https')).toEqual({ port: 443, targetPort: 'https' });
    expect(() => parsePorts('70000')).toThrow('strconv.ParseUint: parsing "70000": value out of range');
    expect(() => parsePorts('80:0')).toThrow('must be between 1 and 65535, inclusive');
  });

  it('names containers after their image', () => {
    expect(containerNameOf('registry.example.com/team/nginx:1.27')).toBe('nginx');
    expect(containerNameOf('busybox@sha256:abc')).toBe('busybox');
    expect(containerNameOf('pause_x:3')).toMatch(/^pause-x-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('turns a selector string into a LabelSelector', () => {
    expect(parseToLabelSelector('b=2,a in (y,x),!c')).toEqual({
      matchLabels: { b: '2' },
      matchExpressions: [
        { key: 'a', operator: 'In', values: ['x', 'y'] },
        { key: 'c', operator: 'DoesNotExist', values: undefined },
      ],
    });
    expect(() => parseToLabelSelector('a!=b')).toThrow('"!=" is not a valid label selector operator');
  });

  it('writes a docker config with base64 user:password and no empty email', () => {
    expect(JSON.parse(dockerConfigJson('r.io', 'me', 'pw', ''))).toEqual({ auths: { 'r.io': { username: 'me', password: 'pw', auth: 'bWU6cHc=' } } });
  });
});
