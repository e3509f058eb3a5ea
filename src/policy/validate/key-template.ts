// Catalog condition keys and ARNs carry variable parts written `${TagKey}` or `<key>`, and a
// few keys spell them `/tag-key` or leave them empty (`sagemaker:ResourceTag/`); a policy
// fills them in (`aws:ResourceTag/team`), so lookups turn templates into patterns.

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const VARIABLE = /\$\{[^}]*\}|<[^>]*>/;

/** `aws:RequestTag/${TagKey}` → /^aws:RequestTag\/.+$/i (variables match one or more characters). */
export function templateToRegExp(template: string): RegExp {
  const parts = template.split(new RegExp(VARIABLE.source, 'g'));
  return new RegExp(`^${parts.map(escape).join('.+')}$`, 'i');
}

/** The pattern of a condition key with a variable part, or undefined for a plain key. */
export function conditionKeyPattern(key: string): RegExp | undefined {
  if (VARIABLE.test(key)) return templateToRegExp(key);
  if (key.endsWith('/tag-key')) return templateToRegExp(`${key.slice(0, -'tag-key'.length)}\${TagKey}`);
  if (key.endsWith('/')) return templateToRegExp(`${key}\${TagKey}`);
  return undefined;
}

/** `arn:${Partition}:s3:::${BucketName}` → `arn:*:s3:::*`, a wildcard pattern for ARN checks. */
export function templateToWildcard(template: string): string {
  return template.replace(/\$\{[^}]*\}/g, '*');
}
