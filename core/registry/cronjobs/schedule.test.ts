import { describe, expect, it } from 'vitest';
import { scheduleError } from './schedule';

describe('cron schedule', () => {
  it.each(['*/5 * * * *', '0 0 * * 0', '0 9-17 * * mon-fri', '15,45 */2 1 JAN *', '@hourly', '@daily', '@every 1h30m', '0 0 ? * *'])(
    'accepts %s',
    (s) => expect(scheduleError(s)).toBeUndefined(),
  );

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['TZ=Nowhere/Else * * * * *', 'provided bad location Nowhere/Else: unknown time zone Nowhere/Else'],
  ])('rejects %j', (s, message) => expect(scheduleError(s)).toBe(message));
});
