import { describe, expect, it } from 'vitest';
import { requestTarget } from './request-target';

/** What WHATWG URL parsing gives, which every target must match. */
function viaUrl(raw: string) {
  const url = new URL(raw, 'https://apiserver');
  return { pathname: url.pathname, query: [...url.searchParams] };
}

const TARGETS = [
  '/',
  '/api/v1/namespaces/default/configmaps',
  '/api/v1/namespaces/default/configmaps/cm-1.2?fieldManager=kubectl-create&fieldValidation=Strict',
  '/apis/apps/v1/deployments?labelSelector=app%3Dweb%2Ctier+in+(a,b)&limit=500&continue=eyJ4Ijo',
  '/api/v1/pods?fieldSelector=spec.nodeName=node-1,status.phase!=Running',
  '/api/v1/namespaces/a/pods/p/log?container=c&follow=true&sinceSeconds=10',
  '/api/v1/namespaces/x/configmaps/a%20b',
  '/api/v1/namespaces/x/configmaps/100%',
  '/api/v1/namespaces/x/configmaps/..',
  '/api/v1/namespaces/x/../y/configmaps',
  '/api/v1/namespaces/x/%2e%2E/y',
  '/api/v1/./pods',
  '//evil/api/v1/pods',
  '/api//v1/pods',
  '/api/v1/pods?watch=1#frag',
  '/api/v1/pods#frag?x=1',
  '/api/v1/pods?q="quoted" <tag>',
  '/api/v1/namespaces/x/configmaps/ünïcode',
  '/api/v1/pods\\..\\x',
  '/openapi/v3/apis/apps/v1?hash=ABC',
  '/api/v1/pods?a=1&a=2&b=&c',
  '/api/v1/pods?',
  '/api/v1/pods/',
  '/.well-known/openid-configuration',
];

describe('requestTarget', () => {
  for (const raw of TARGETS) {
    it(`splits ${raw} as URL does`, () => {
      const got = requestTarget(raw);
      expect({ pathname: got.pathname, query: [...got.query] }).toEqual(viaUrl(raw));
    });
  }

  it('reads a missing target as /', () => {
    expect(requestTarget(undefined).pathname).toBe('/');
  });
});
