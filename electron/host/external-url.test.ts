import { describe, expect, it } from 'vitest';
import { externalHttpUrl } from './external-url';

describe('externalHttpUrl', () => {
  it.each([
    ['http://127.0.0.1:30080/', 'http://127.0.0.1:30080/'],
    ['https://lb.example.com:443/', 'https://lb.example.com/'],
    ['http://[2001:db8::1]:80/', 'http://[2001:db8::1]/'],
  ])('opens %s', (input, expected) => {
    expect(externalHttpUrl(input)).toBe(expected);
  });

  it.each([
    ['file:///etc/passwd', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['vscode://open', /only http and https/],
    ['http://user:pw@example.com/', /credentials/],
    ['/relative', /not a URL/],
  ])('refuses %s', (input, error) => {
    expect(() => externalHttpUrl(input)).toThrow(error);
  });
});
