// apimachinery's path.IsValidPathSegmentName: the rule for names that appear as one URL path
// segment but are otherwise free-form (RBAC objects, HPA target references).
const reserved = ['.', '..'];
const forbiddenChars = ['/', '%'];

export function isValidPathSegmentName(name: string): string[] {
  if (reserved.includes(name)) return [`may not be '${name}'`];
  return forbiddenChars.filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}
