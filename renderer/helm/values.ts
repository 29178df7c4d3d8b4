// The computed values of a release (helm get values --all): the chart's defaults with the
// user's values laid over them, maps merged key by key, and a null from the user deleting the
// default, as Helm's chartutil.CoalesceValues does.
type Values = Record<string, unknown>;

const isMap = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

export function coalesceValues(user: Values | undefined, defaults: Values | undefined): Values {
  const out: Values = { ...(defaults ?? {}) };
  for (const [key, value] of Object.entries(user ?? {})) {
    if (value === null) delete out[key];
    else if (isMap(value) && isMap(out[key])) out[key] = coalesceValues(value, out[key]);
    else out[key] = value;
  }
  return out;
}
