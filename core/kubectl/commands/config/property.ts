// kubectl config set/unset PROPERTY_NAME [VALUE]: a dot-separated path through client-go's
// internal Config type (its JSON names, e.g. users.NAME.act-as), where a map key runs until the
// next part that names a field of the map's values, so keys may hold dots.
import { CommandError } from '../../command';
import { base64Error, FIELDS, type Kubeconfig, type Section } from '../../kubeconfig/model';

interface Step {
  value: string;
  /** Go's name of the step's type, for kubectl's messages. */
  type: string;
}

const TOP: Record<string, string> = {
  kind: 'string',
  apiVersion: 'string',
  preferences: 'api.Preferences',
  clusters: 'map[string]*api.Cluster',
  users: 'map[string]*api.AuthInfo',
  contexts: 'map[string]*api.Context',
  'current-context': 'string',
  extensions: 'map[string]runtime.Object',
};

const ENTRY_TYPE: Record<Section, string> = { clusters: '*api.Cluster', users: '*api.AuthInfo', contexts: '*api.Context' };

/** An entry's fields by their internal names (LocationOfOrigin's is "-"). */
function entryFieldNames(section: Section): string[] {
  return ['-', ...FIELDS[section].map((f) => f.internal ?? f.name)];
}

const KIND_TYPES: Record<string, string> = { string: 'string', bool: 'bool', bytes: '[]uint8', strings: '[]string', raw: 'map[string]runtime.Object', exec: '*api.ExecConfig', authProvider: '*api.AuthProviderConfig' };

/** newNavigationSteps: the path split into steps, map keys joined up to the next known field. */
export function navigationSteps(path: string): Step[] {
  const parts = path.split('.');
  const steps: Step[] = [];
  const fail = (at: string) => new CommandError(`unable to parse ${path} after [${steps.map((s) => `{${s.value} ${s.type}}`).join(' ')}] at ${at}`);
  const top = parts[0]!;
  if (!(top in TOP)) throw fail('api.Config');
  steps.push({ value: top, type: TOP[top]! });
  let i = 1;
  if (top === 'preferences' && i < parts.length) {
    if (parts[i] !== 'colors' && parts[i] !== 'extensions') throw fail('api.Preferences');
    steps.push({ value: parts[i]!, type: parts[i] === 'colors' ? 'bool' : 'map[string]runtime.Object' });
    i++;
  }
  if ((top === 'clusters' || top === 'users' || top === 'contexts') && i < parts.length) {
    const known = entryFieldNames(top);
    const rest = parts.slice(i + 1);
    const at = rest.findIndex((p) => known.includes(p));
    const keyParts = at < 0 ? parts.length - i : at + 1;
    steps.push({ value: parts.slice(i, i + keyParts).join('.'), type: ENTRY_TYPE[top] });
    i += keyParts;
    if (i < parts.length) {
      const field = FIELDS[top].find((f) => (f.internal ?? f.name) === parts[i]);
      steps.push({ value: parts[i]!, type: field ? KIND_TYPES[field.kind]! : 'string' });
      i++;
    }
  }
  if (i < parts.length) throw new CommandError(`unable to parse one or more field values of ${path}`);
  return steps;
}

function parseGoBool(value: string): boolean {
  if (value === '') return false;
  if (/^(1|t|T|TRUE|true|True)$/.test(value)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(value)) return false;
  throw new CommandError(`strconv.ParseBool: parsing "${value}": invalid syntax`);
}

/** modifyConfig: sets (or with `unset`, clears) what the steps name. */
export function modifyProperty(config: Kubeconfig, steps: Step[], value: string, unset: boolean, rawBytes: boolean): void {
  const [top, second, third] = steps as [Step, Step?, Step?];
  const scalar = (type: string, set: (v: unknown) => void, clear: () => void) => {
    if (unset) return clear();
    if (type === 'string') return set(value);
    if (type === 'bool') return set(parseGoBool(value));
    if (type === '[]uint8') {
      if (rawBytes) return set(Buffer.from(value).toString('base64'));
      const err = base64Error(value);
      if (err) throw new CommandError(`error decoding input value: ${err}`);
      return set(value);
    }
    throw new CommandError(`the built-in kubectl cannot set a value of type ${type}`);
  };
  switch (top.value) {
    case 'current-context':
      return scalar('string', (v) => (config.currentContext = v as string), () => (config.currentContext = ''));
    case 'kind':
    case 'apiVersion':
      return; // not kept: the file is always written as a v1 Config
    case 'preferences':
      if (!second) {
        if (!unset) throw new CommandError('the built-in kubectl cannot set preferences to a value');
        config.preferences = {};
        return;
      }
      return scalar(second.type, (v) => (config.preferences[second.value] = v), () => delete config.preferences[second.value]);
    case 'extensions':
      if (unset && !second) return void delete config.extensions;
      throw new CommandError('the built-in kubectl cannot set extensions');
  }
  const section = top.value as Section;
  const entries = config[section];
  if (!second) {
    if (!unset) throw new CommandError(`can't set a map to a value: map[${[...entries.keys()].join(' ')}]`);
    entries.clear();
    return;
  }
  if (!third) {
    if (!unset) throw new CommandError(`can't set a map to a value: map[${[...entries.keys()].join(' ')}]`);
    entries.delete(second.value);
    return;
  }
  let entry = entries.get(second.value);
  if (!entry) {
    if (unset) throw new CommandError(`current map key \`${second.value}\` is invalid`);
    entry = { fields: {}, origin: '' };
    entries.set(second.value, entry);
  }
  const field = FIELDS[section].find((f) => (f.internal ?? f.name) === third.value);
  if (!field) return; // LocationOfOrigin: not written
  const fields = entry.fields;
  scalar(third.type, (v) => (fields[field.name] = v), () => delete fields[field.name]);
}
