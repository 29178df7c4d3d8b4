import { describe, expect, it } from 'vitest';
import { ManualClock } from '../client/clock';
import { Backoff } from './backoff';
import { imageId, imageName, parseImageRef } from '../runtime/image-ref';
import { goDuration } from './messages';
import { PodIpAllocator } from './pod-ips';

describe('parseImageRef', () => {
  it.each([
    { image: 'nginx', expected: 'docker.io/library/nginx:latest' },
    { image: 'nginx:1.8', expected: 'docker.io/library/nginx:1.8' },
    { image: 'bitnami/redis:7', expected: 'docker.io/bitnami/redis:7' },
    { image: 'registry.k8s.io/pause:3.10', expected: 'registry.k8s.io/pause:3.10' },
    { image: 'localhost:5000/app', expected: 'localhost:5000/app:latest' },
  ])('$image is $expected', ({ image, expected }) => {
    const ref = parseImageRef(image);
    expect(typeof ref === 'string' ? ref : imageName(ref)).toBe(expected);
  });

  it('gives a stable digest as the image ID', () => {
    const ref = parseImageRef('nginx:1.8');
    if (typeof ref === 'string') throw new Error(ref);
    expect(imageId(ref)).toBe(imageId(ref));
    expect(imageId(ref)).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });
});

describe('goDuration', () => {
  it.each([
    { ms: 0, expected: '0s' },
    { ms: 150, expected: '150ms' },
    { ms: 10_000, expected: '10s' },
    { ms: 1500, expected: '1.5s' },
    { ms: 80_000, expected: '1m20s' },
    { ms: 300_000, expected: '5m0s' },
    { ms: 3_600_000, expected: '1h0m0s' },
  ])('$ms ms is $expected', ({ ms, expected }) => {
    expect(goDuration(ms)).toBe(expected);
  });
});

describe('Backoff', () => {
  it('lets the first restart through, then doubles the wait up to the maximum', () => {
    const clock = new ManualClock();
    const b = new Backoff(10_000, 40_000, clock);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const finished = clock.now();
      const wait = b.remaining('k', finished);
      waits.push(wait);
      clock.advance(wait);
      b.next('k', finished);
    }
    expect(waits).toEqual([0, 10_000, 20_000, 40_000, 40_000]);
  });

  it('starts over once untouched for twice the maximum', () => {
    const clock = new ManualClock();
    const b = new Backoff(10, 100, clock);
    b.next('k', clock.now());
    b.next('k', clock.now());
    expect(b.current('k')).toBe(20);
    clock.advance(201);
    expect(b.remaining('k', clock.now())).toBe(0);
    b.next('k', clock.now());
    expect(b.current('k')).toBe(10);
  });
});

describe('PodIpAllocator', () => {
  it('hands out addresses from .2 in turn, skips reserved ones and reuses freed ones last', () => {
    const ips = new PodIpAllocator('10.244.1.0/29');
    ips.reserve('10.244.1.3');
    expect([ips.allocate(), ips.allocate(), ips.allocate()]).toEqual(['10.244.1.2', '10.244.1.4', '10.244.1.5']);
    ips.release('10.244.1.2');
    expect(ips.allocate()).toBe('10.244.1.6');
    expect(ips.allocate()).toBe('10.244.1.2');
    expect(() => ips.allocate()).toThrow(/no pod IPs left/);
  });
});
