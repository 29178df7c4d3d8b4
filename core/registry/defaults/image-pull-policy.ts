// The default imagePullPolicy: Always for ":latest" (or no tag and no digest), else IfNotPresent,
// and IfNotPresent when the reference does not parse (as parsers.ParseImageName fails then).

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const domain = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const referenceRe = new RegExp(
  `^(?:${domain}/)?${component}(?:/${component})*(?::([\\w][\\w.-]{0,127}))?(@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** The tag Kubernetes sees in an image reference ("latest" when neither tag nor digest). */
export function imageTag(image: string): string {
  const m = referenceRe.exec(image);
  if (!m) return '';
  const [, tag, digest] = m;
  if (tag) return tag;
  return digest ? '' : 'latest';
}

export const defaultPullPolicy = (image: string | undefined): 'Always' | 'IfNotPresent' =>
  imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
