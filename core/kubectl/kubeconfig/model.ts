// A kubeconfig as client-go's clientcmd holds it: clusters, users and contexts by name, each
// remembering the file it came from, decoded from and encoded to the v1 format exactly as
// client-go does (its field order, omitempty rules, base64 for byte fields), so what `kubectl
// config` writes is byte for byte what kubectl writes.
import * as yaml from 'js-yaml';

type FieldKind = 'string' | 'bool' | 'bytes' | 'strings' | 'raw' | 'exec' | 'authProvider';

interface Field {
  /** The v1 (file) name. */
  name: string;
  kind: FieldKind;
  /** Written even when empty (no omitempty). */
  always?: boolean;
  /** The internal API's JSON name where it differs (what `kubectl config set` paths use). */
  internal?: string;
}

export type Section = 'clusters' | 'users' | 'contexts';

/** v1 field order of Cluster, AuthInfo and Context. */
export const FIELDS: Record<Section, Field[]> = {
  clusters: [
    { name: 'server', kind: 'string', always: true },
    { name: 'tls-server-name', kind: 'string' },
    { name: 'insecure-skip-tls-verify', kind: 'bool' },
    { name: 'certificate-authority', kind: 'string' },
    { name: 'certificate-authority-data', kind: 'bytes' },
    { name: 'proxy-url', kind: 'string' },
    { name: 'disable-compression', kind: 'bool' },
    { name: 'extensions', kind: 'raw' },
  ],
  users: [
    { name: 'client-certificate', kind: 'string' },
    { name: 'client-certificate-data', kind: 'bytes' },
    { name: 'client-key', kind: 'string' },
    { name: 'client-key-data', kind: 'bytes' },
    { name: 'token', kind: 'string' },
    { name: 'tokenFile', kind: 'string' },
    { name: 'as', kind: 'string', internal: 'act-as' },
    { name: 'as-uid', kind: 'string', internal: 'act-as-uid' },
    { name: 'as-groups', kind: 'strings', internal: 'act-as-groups' },
    { name: 'as-user-extra', kind: 'raw', internal: 'act-as-user-extra' },
    { name: 'username', kind: 'string' },
    { name: 'password', kind: 'string' },
    { name: 'auth-provider', kind: 'authProvider' },
    { name: 'exec', kind: 'exec' },
    { name: 'extensions', kind: 'raw' },
  ],
  contexts: [
    { name: 'cluster', kind: 'string', always: true },
    { name: 'user', kind: 'string', always: true },
    { name: 'namespace', kind: 'string' },
    { name: 'extensions', kind: 'raw' },
  ],
};

/** The v1 list entry's key for the stanza: `cluster`, `user`, `context`. */
export const STANZA: Record<Section, string> = { clusters: 'cluster', users: 'user', contexts: 'context' };

/** One cluster, user or context: its v1 fields (byte fields as base64) and its file. */
export interface Entry {
  fields: Record<string, unknown>;
  origin: string;
}

export interface Kubeconfig {
  preferences: Record<string, unknown>;
  clusters: Map<string, Entry>;
  users: Map<string, Entry>;
  contexts: Map<string, Entry>;
  currentContext: string;
  extensions?: unknown;
}

export const SECTIONS: Section[] = ['clusters', 'users', 'contexts'];

/** Like clientcmdapi.NewConfig, preferences hold an empty extensions map: unsetting them changes the config. */
export function emptyConfig(): Kubeconfig {
  return { preferences: { extensions: {} }, clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '' };
}

/** A kubeconfig file that does not decode (kubectl: `error loading config file "F": ...`). */
export class KubeconfigError extends Error {}

/** Go's base64.StdEncoding: padded, the standard alphabet; line breaks are skipped. */
export function base64Error(text: string): string | undefined {
  const s = text.replace(/[\r\n]/g, '');
  const bad = s.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return `illegal base64 data at input byte ${bad}`;
  const pad = s.indexOf('=');
  if (s.length % 4 !== 0 || (pad >= 0 && (pad < s.length - 2 || !/^=+$/.test(s.slice(pad))))) {
    return `illegal base64 data at input byte ${pad >= 0 ? pad : s.length - (s.length % 4 || 4)}`;
  }
  return undefined;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function decodeExec(raw: Record<string, unknown>): Record<string, unknown> {
  const exec: Record<string, unknown> = { ...raw };
  // client-go's defaulting: older exec plugin versions default to IfAvailable.
  if (!exec.interactiveMode && ['client.authentication.k8s.io/v1beta1', 'client.authentication.k8s.io/v1alpha1'].includes(String(exec.apiVersion))) exec.interactiveMode = 'IfAvailable';
  return exec;
}

function decodeEntry(section: Section, stanza: unknown, where: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const raw = (stanza ?? {}) as Record<string, unknown>;
  for (const f of FIELDS[section]) {
    const v = raw[f.name];
    if (v === undefined || v === null) continue;
    if (f.kind === 'string' && typeof v !== 'string') throw new KubeconfigError(`json: cannot unmarshal ${typeof v === 'boolean' ? 'bool' : typeof v} into Go struct field ${where}.${f.name} of type string`);
    if (f.kind === 'bool' && typeof v !== 'boolean') throw new KubeconfigError(`json: cannot unmarshal ${typeof v} into Go struct field ${where}.${f.name} of type bool`);
    if (f.kind === 'bytes') {
      const err = base64Error(String(v));
      if (err) throw new KubeconfigError(err);
    }
    fields[f.name] = f.kind === 'exec' ? decodeExec(v as Record<string, unknown>) : v;
  }
  return fields;
}

/** Decodes one file's text (clientcmd.Load); entries remember `origin`. */
export function decodeKubeconfig(text: string, origin: string): Kubeconfig {
  const config = emptyConfig();
  if (!text) return config;
  const doc = (yaml.load(text) ?? {}) as Record<string, unknown>;
  if (typeof doc !== 'object') throw new KubeconfigError(`couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  config.preferences = { extensions: {}, ...(doc.preferences as Record<string, unknown>) };
  config.currentContext = typeof doc['current-context'] === 'string' ? doc['current-context'] : '';
  if (doc.extensions) config.extensions = doc.extensions;
  for (const section of SECTIONS) {
    const where = `${section === 'users' ? 'AuthInfo' : section === 'clusters' ? 'Cluster' : 'Context'}.${section}.${STANZA[section]}`;
    for (const item of (doc[section] as Record<string, unknown>[] | null) ?? []) {
      config[section].set(String(item.name ?? ''), { fields: decodeEntry(section, item[STANZA[section]], where), origin });
    }
  }
  return config;
}

function encodeExec(exec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { command: exec.command ?? '', args: exec.args ?? null, env: exec.env ?? null };
  if (exec.apiVersion) out.apiVersion = exec.apiVersion;
  if (exec.installHint) out.installHint = exec.installHint;
  out.provideClusterInfo = exec.provideClusterInfo ?? false;
  if (exec.interactiveMode) out.interactiveMode = exec.interactiveMode;
  return out;
}

/** One entry's v1 stanza, in Go's field order. */
export function encodeEntry(section: Section, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[section]) {
    const v = fields[f.name];
    if (f.kind === 'exec') {
      if (v) out[f.name] = encodeExec(v as Record<string, unknown>);
    } else if (f.kind === 'authProvider') {
      if (v) out[f.name] = { name: (v as { name?: string }).name ?? '', config: (v as { config?: unknown }).config ?? null };
    } else if (f.always) out[f.name] = v ?? (f.kind === 'bool' ? false : '');
    else if (!isEmpty(v)) out[f.name] = v;
  }
  return out;
}

const byName = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The v1 Config object, in Go's field order (what `config view -o json` prints). */
export function encodeKubeconfig(c: Kubeconfig): Record<string, unknown> {
  const list = (section: Section) => (c[section].size ? byName(c[section]).map(([name, e]) => ({ name, [STANZA[section]]: encodeEntry(section, e.fields) })) : null);
  const preferences: Record<string, unknown> = {};
  if (c.preferences.colors) preferences.colors = c.preferences.colors;
  if (!isEmpty(c.preferences.extensions)) preferences.extensions = c.preferences.extensions;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences,
    clusters: list('clusters'),
    users: list('users'),
    contexts: list('contexts'),
    'current-context': c.currentContext,
    ...(isEmpty(c.extensions) ? {} : { extensions: c.extensions }),
  };
}
