// The review APIs: create-only resources that store nothing and answer a question.
// SelfSubjectAccessReview (`kubectl auth can-i`), SubjectAccessReview, SelfSubjectRulesReview
// (`kubectl auth can-i --list`), SelfSubjectReview (`kubectl auth whoami`), TokenReview.
import type { ResourceDef } from '../registry/types';
import type { UserInfo } from '../registry/generic/resource-store';
import { defaultPrinter } from '../registry/printing/default-printer';
import type { ApiServer } from './api-server';
import type { Authenticator } from './authn';
import type { RbacAuthorizer, RequestAttributes } from './authz/rbac-authorizer';
import { readObjectBody } from './http/body';
import { sendJson } from './http/respond';
import { badRequest } from '../machinery/status';
import type { IncomingMessage } from 'node:http';

type Review = Record<string, unknown> & { spec?: Record<string, unknown>; metadata?: Record<string, unknown> };

const reviewDef = (group: string, kind: string, plural: string, namespaced = false): ResourceDef => ({
  group,
  version: 'v1',
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  verbs: ['create'],
  strategy: {},
  printer: defaultPrinter(),
});

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

function attributesOf(spec: Record<string, unknown> | undefined): RequestAttributes {
  const ra = spec?.resourceAttributes as ResourceAttributes | undefined;
  const nra = spec?.nonResourceAttributes as { path?: string; verb?: string } | undefined;
  if (ra) {
    return {
      verb: ra.verb ?? '',
      resourceRequest: true,
      apiGroup: ra.group ?? '',
      resource: ra.resource,
      subresource: ra.subresource || undefined,
      namespace: ra.namespace || undefined,
      name: ra.name || undefined,
    };
  }
  if (nra) return { verb: nra.verb ?? '', resourceRequest: false, path: nra.path };
  throw badRequest('spec: Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified');
}

const userInfo = (u: UserInfo) => ({ username: u.username, ...(u.uid ? { uid: u.uid } : {}), groups: u.groups, ...(u.extra ? { extra: u.extra } : {}) });

export function registerReviews(api: ApiServer, rbac: RbacAuthorizer, authn: Authenticator): void {
  const answer = (def: ResourceDef, status: object, body: Review) => ({
    kind: def.kind,
    apiVersion: `${def.group}/${def.version}`,
    metadata: { creationTimestamp: null, ...(body.metadata ?? {}) },
    ...(body.spec ? { spec: body.spec } : {}),
    status,
  });
  const read = async (req: IncomingMessage): Promise<Review> => (await readObjectBody(req)) as Review;

  const selfAccess = reviewDef('authorization.k8s.io', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews');
  api.registerVirtual(selfAccess, async (req, res, user) => {
    const body = await read(req);
    const d = rbac.authorize(user, attributesOf(body.spec));
    sendJson(res, 201, answer(selfAccess, { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) }, body));
  });

  const access = reviewDef('authorization.k8s.io', 'SubjectAccessReview', 'subjectaccessreviews');
  api.registerVirtual(access, async (req, res) => {
    const body = await read(req);
    const spec = body.spec ?? {};
    const subject: UserInfo = { username: String(spec.user ?? ''), groups: (spec.groups as string[] | undefined) ?? [] };
    const d = rbac.authorize(subject, attributesOf(spec));
    sendJson(res, 201, answer(access, { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) }, body));
  });

  const rules = reviewDef('authorization.k8s.io', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews');
  api.registerVirtual(rules, async (req, res, user) => {
    const body = await read(req);
    const namespace = body.spec?.namespace as string | undefined;
    // Only RBAC resolves rules, as in kube-apiserver (the system:masters authorizer answers
    // requests but lists no rules): a master sees cluster-admin's rules through its binding,
    // and what every authenticated user has.
    const all = rbac.rulesFor(user, namespace);
    const resourceRules = all
      .filter((r) => r.resources?.length)
      .map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) }));
    const nonResourceRules = all.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }));
    sendJson(res, 201, answer(rules, { resourceRules, nonResourceRules, incomplete: false }, body));
  });

  const selfReview = reviewDef('authentication.k8s.io', 'SelfSubjectReview', 'selfsubjectreviews');
  api.registerVirtual(selfReview, async (req, res, user) => {
    const body = await read(req);
    sendJson(res, 201, answer(selfReview, { userInfo: userInfo(user) }, body));
  });

  const tokenReview = reviewDef('authentication.k8s.io', 'TokenReview', 'tokenreviews');
  api.registerVirtual(tokenReview, async (req, res) => {
    const body = await read(req);
    const token = String(body.spec?.token ?? '');
    const found = token ? await authn.authenticateToken(token) : undefined;
    sendJson(res, 201, answer(tokenReview, found ? { authenticated: true, user: userInfo(found) } : { authenticated: false }, body));
  });
}
