import { describe, expect, it } from 'vitest';
import {
  isCIdentifier,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPortName,
} from './names';

const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Msg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const qualifiedNamePart =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('name checks', () => {
  it.each([
    ['subdomain ok', isDNS1123Subdomain, 'example.com', []],
    ['subdomain uppercase', isDNS1123Subdomain, 'Example', [subdomainMsg]],
    ['subdomain too long', isDNS1123Subdomain, 'a'.repeat(254), ['must be no more than 253 characters']],
    ['label ok', isDNS1123Label, 'my-name', []],
    ['label with dots', isDNS1123Label, 'a.b', ['must not contain dots']],
    ['label underscore', isDNS1123Label, 'a_b', [labelMsg]],
    ['label too long', isDNS1123Label, 'a'.repeat(64), ['must be no more than 63 characters']],
    ['1035 ok', isDNS1035Label, 'my-svc', []],
    ['1035 digit first', isDNS1035Label, '1svc', [dns1035Msg]],
    ['qualified ok', isQualifiedName, 'app.kubernetes.io/name', []],
    ['qualified bad name', isQualifiedName, 'foo_', [qualifiedNamePart]],
    ['qualified empty prefix', isQualifiedName, '/foo', ['prefix part must be non-empty']],
    ['qualified bad prefix', isQualifiedName, 'Foo/bar', [`prefix part ${subdomainMsg}`]],
    ['qualified empty name', isQualifiedName, 'foo/', ['name part must be non-empty', qualifiedNamePart]],
    ['label value empty ok', isValidLabelValue, '', []],
    ['label value too long', isValidLabelValue, 'a'.repeat(64), ['must be no more than 63 characters']],
    ['c identifier', isCIdentifier, '_ok1', []],
    ['env name ok', isEnvVarName, 'MY_ENV.NAME', []],
    ['env name digit first', isEnvVarName, '1A', [expect.stringContaining('a valid environment variable name must consist of')]],
    ['relaxed env name', isRelaxedEnvVarName, '1A b', []],
    ['relaxed env equals', isRelaxedEnvVarName, 'A=B', ["a valid environment variable name must consist only of printable ASCII characters other than '='"]],
    ['config key ok', isConfigMapKey, 'game.properties', []],
    ['config key dotdot', isConfigMapKey, '..data', ["must not start with '..'"]],
    ['config key slash', isConfigMapKey, 'a/b', [expect.stringContaining("a valid config key must consist of alphanumeric characters, '-', '_' or '.'")]],
    ['port name ok', isValidPortName, 'http-web', []],
    ['port name no letter', isValidPortName, '-8080-', ['must contain at least one letter (a-z)', 'must not begin or end with a hyphen']],
    ['port name charset', isValidPortName, 'web--A', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must not contain consecutive hyphens']],
    ['port name too long', isValidPortName, 'abcdefghijklmnop', ['must be no more than 15 characters']],
  ] as const)('%s', (_name, fn, input, expected) => {
    expect(fn(input)).toEqual(expected);
  });
});
