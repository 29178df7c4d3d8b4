import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Flags, parseFlags } from '../flags';
import { dryRunOf, resultPrinter, validationOf, withLastApplied, writeFlags, writeQuery } from './index';

const flagsOf = (args: string[]) => new Flags(parseFlags(args, writeFlags({ validate: true, saveConfig: true })));

function dryRun(args: string[]): { value?: string; warning: string; error?: string } {
  const stderr = new PassThrough();
  try {
    const value = dryRunOf(flagsOf(args), stderr);
    return { value, warning: String(stderr.read() ?? '') };
  } catch (err) {
    return { warning: '', error: (err as Error).message };
  }
}

describe('--dry-run', () => {
  it.each([
    [[], 'none'],
    [['--dry-run=client'], 'client'],
    [['--dry-run=server'], 'server'],
    [['--dry-run=none'], 'none'],
  ])('%j is %s', (args, value) => expect(dryRun(args)).toEqual({ value, warning: '' }));

  it('bare, it means client with a deprecation warning, and takes no value from the next word', () => {
    const parsed = parseFlags(['--dry-run', 'web'], writeFlags());
    expect(parsed.positionals).toEqual(['web']);
    const r = dryRun(['--dry-run']);
    expect(r.value).toBe('client');
    expect(r.warning).toMatch(/^W\d{4} [\d:.]+ +\d+ helpers.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client.\n$/);
  });

  it('booleans are the old spellings of client and none', () => {
    expect(dryRun(['--dry-run=true']).value).toBe('client');
    expect(dryRun(['--dry-run=false']).warning).toContain('--dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.');
  });

  it('refuses anything else as kubectl words it', () => {
    expect(dryRun(['--dry-run=bogus']).error).toBe('Invalid dry-run value (bogus). Must be "none", "server", or "client".');
  });
});

describe('--validate', () => {
  it.each([
    [[], 'Strict'],
    [['--validate'], 'Strict'],
    [['--validate=true'], 'Strict'],
    [['--validate=warn'], 'Warn'],
    [['--validate=false'], 'Ignore'],
    [['--validate=ignore'], 'Ignore'],
  ])('%j sends fieldValidation=%s', (args, value) => expect(validationOf(flagsOf(args))).toBe(value));

  it('refuses other values, case included', () => {
    expect(() => validationOf(flagsOf(['--validate=Strict']))).toThrow('invalid - validate option "Strict"; must be one of: strict (or true), warn, ignore (or false)');
  });
});

describe('writeQuery', () => {
  it('sends dryRun=All only for server dry runs', () => {
    expect(writeQuery({ dryRun: 'server', fieldManager: 'kubectl-create', validation: 'Strict' })).toEqual({ dryRun: 'All', fieldManager: 'kubectl-create', fieldValidation: 'Strict' });
    expect(writeQuery({ dryRun: 'none', fieldManager: 'me' }).dryRun).toBeUndefined();
  });
});

describe('resultPrinter', () => {
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', managedFields: [{ manager: 'x' }] }, spec: {} };
  const print = (args: string[], dry: 'none' | 'client' | 'server' = 'none', typed = false) => resultPrinter(flagsOf(args), { dryRun: dry, typed, cwd: '/' }).print(deploy, 'created');

  it('names the object with its kind and group, and the dry run', () => {
    expect(print([])).toBe('deployment.apps/web created\n');
    expect(print([], 'client')).toBe('deployment.apps/web created (dry run)\n');
    expect(print([], 'server')).toBe('deployment.apps/web created (server dry run)\n');
    expect(print(['-o', 'name'], 'server')).toBe('deployment.apps/web\n');
  });

  it('prints objects without managed fields unless asked', () => {
    expect(print(['-o', 'yaml'])).not.toContain('managedFields');
    expect(print(['-o', 'yaml', '--show-managed-fields'])).toContain('managedFields');
    expect(print(['-o', 'jsonpath={.metadata.name}'])).toBe('web');
  });

  it('prints a typed object in Go field order with the fields Go always writes', () => {
    expect(JSON.parse(print(['-o', 'json'], 'client', true))).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null },
      spec: { selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} },
      status: {},
    });
    expect(Object.keys(JSON.parse(print(['-o', 'json'], 'client', true)))).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  });

  it('refuses unknown formats with the write commands list', () => {
    expect(() => print(['-o', 'wide'])).toThrow(
      'unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
  });
});

describe('withLastApplied', () => {
  it('annotates with the object as encoded before the annotation, newline-terminated', () => {
    const obj = withLastApplied({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }, true);
    expect((obj.metadata as { annotations: Record<string, string> }).annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null},"data":{"a":"1"}}\n',
    );
  });
});
