import { describe, expect, it } from 'vitest';
import { camelSplit, smartLabel } from './generic';

describe('smart labels of the generic describer', () => {
  it('splits camelCase as fatih/camelcase does, keeping acronyms together', () => {
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelSplit('leaseDurationSeconds')).toEqual(['lease', 'Duration', 'Seconds']);
  });

  it('titles words, upper-cases known acronyms and leaves fields with digits or dots alone', () => {
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('creationTimestamp')).toBe('Creation Timestamp');
    expect(smartLabel('x-y')).toBe('X - Y');
    expect(smartLabel('v1beta1')).toBe('v1beta1');
    expect(smartLabel('example.com/key')).toBe('example.com/key');
  });
});
