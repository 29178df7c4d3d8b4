// RBAC object names are path segments, not DNS names ("system:controller:job" is valid):
// apimachinery's path.IsValidPathSegmentName.
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  for (const bad of ['/', '%']) if (name.includes(bad)) return [`may not contain '${bad}'`];
  return [];
}
