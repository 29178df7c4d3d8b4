import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { choices, matchesEvent, NO_FILTER } from './event-filter';

const event = (type: string, reason: string, kind: string, name: string, message: string): Event => ({
  metadata: { name: `${name}.1`, namespace: 'default' },
  involvedObject: { kind, name, namespace: 'default' },
  type,
  reason,
  message,
  source: { component: 'kubelet' },
});

const events = [
  event('Normal', 'Scheduled', 'Pod', 'web-1', 'Successfully assigned default/web-1 to wrk1'),
  event('Warning', 'BackOff', 'Pod', 'crashy', 'Back-off restarting failed container'),
  event('Normal', 'ScalingReplicaSet', 'Deployment', 'web', 'Scaled up replica set web-abc to 2'),
];
const names = (f: Partial<typeof NO_FILTER>) => events.filter((e) => matchesEvent(e, { ...NO_FILTER, ...f })).map((e) => e.involvedObject.name);

describe('matchesEvent', () => {
  it.each([
    ['no filter', {}, ['web-1', 'crashy', 'web']],
    ['type', { type: 'Warning' }, ['crashy']],
    ['reason', { reason: 'Scheduled' }, ['web-1']],
    ['involved kind', { kind: 'Deployment' }, ['web']],
    ['text in the message, any case', { text: 'BACK-OFF' }, ['crashy']],
    ['text in the object name', { text: 'web' }, ['web-1', 'web']],
    ['all together', { type: 'Normal', kind: 'Pod', text: 'wrk1' }, ['web-1']],
  ])('%s', (_name, filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });
});

describe('choices', () => {
  it('lists distinct values, sorted', () => {
    expect(choices(events, (e) => e.involvedObject.kind)).toEqual(['Deployment', 'Pod']);
  });
});
