import { describe, expect, it } from 'vitest';
import { Flags, parseFlags } from '../../flags';
import { applyOverrides, OVERRIDE_FLAGS } from '../../write/overrides';
import { generateService } from './generate-service';

describe('generateService (expose, run --expose)', () => {
  it('names ports only when there are several, and splits a port used with several protocols', () => {
    const svc = generateService({ name: 'dns', selector: 'app=dns', port: '53,9153', protocols: new Map([['53', ['UDP', 'TCP']], ['9153', ['TCP']]]) });
    expect((svc.spec as { ports: unknown[] }).ports).toEqual([
      { name: 'port-1-udp', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'port-1-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
      { name: 'port-2', protocol: 'TCP', port: 9153, targetPort: 9153 },
    ]);
  });

  it('targets the given port, by number or name', () => {
    const ports = (p: string) => (generateService({ name: 'web', selector: 'app=web', port: '80', targetPort: p }).spec as { ports: { targetPort: unknown }[] }).ports;
    expect(ports('8080')[0]!.targetPort).toBe(8080);
    expect(ports('http')[0]!.targetPort).toBe('http');
  });

  it('refuses what kubectl refuses', () => {
    expect(() => generateService({ name: 'web', selector: 'app', port: '80' })).toThrow('unexpected label spec: app');
    expect(() => generateService({ name: 'web', selector: 'app=web', port: 'http' })).toThrow('strconv.Atoi: parsing "http": invalid syntax');
    expect(() => generateService({ name: 'web', selector: 'app=web', port: '80', sessionAffinity: 'Sticky' })).toThrow('unknown session affinity: Sticky');
  });
});

describe('applyOverrides', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'p', image: 'nginx' }] } };
  const flags = (...args: string[]) => new Flags(parseFlags(args, OVERRIDE_FLAGS));
  const noSchema = async () => undefined;

  it('merges a JSON merge patch into the object as Go writes it', async () => {
    const out = await applyOverrides(pod, flags('--overrides={"spec":{"nodeName":"n1"}}'), noSchema);
    expect(out.spec).toMatchObject({ nodeName: 'n1', containers: [{ name: 'p', image: 'nginx', resources: {} }] });
  });

  it('applies a JSON patch and reports its errors in the patch library words', async () => {
    const labelled = await applyOverrides(pod, flags('--override-type=json', '--overrides=[{"op":"add","path":"/metadata/labels","value":{"a":"b"}}]'), noSchema);
    expect(labelled.metadata).toMatchObject({ labels: { a: 'b' } });
    await expect(applyOverrides(pod, flags('--override-type=json', '--overrides=[{"op":"remove","path":"/nope"}]'), noSchema)).rejects.toThrow(
      "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value",
    );
  });

  it('refuses a change of kind or version, and unknown override types', async () => {
    await expect(applyOverrides(pod, flags('--overrides={"apiVersion":"v2"}'), noSchema)).rejects.toThrow('no kind "Pod" is registered for version "v2"');
    await expect(applyOverrides(pod, flags('--override-type=replace', '--overrides={}'), noSchema)).rejects.toThrow('invalid override type: replace');
  });
});
