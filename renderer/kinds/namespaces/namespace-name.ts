// A namespace name must be a DNS-1123 label (apimachinery's IsDNS1123Label); the messages are
// the API server's, so the dialog says what kubectl create namespace would.
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LENGTH = 63;

/** Why the name is not a valid namespace name, or undefined when it is. */
export function namespaceNameError(name: string): string | undefined {
  if (!name) return 'A name is required.';
  const problems: string[] = [];
  if (name.length > MAX_LENGTH) problems.push(`must be no more than ${MAX_LENGTH} characters`);
  if (!LABEL.test(name)) {
    problems.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')",
    );
  }
  return problems.length ? `Invalid value "${name}": ${problems.join('; ')}` : undefined;
}
