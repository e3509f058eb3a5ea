// The inline policy of a permission set: Identity Center allows 32,768 bytes, of which at most
// 10,240 may be other than white space (the role inline policy quota it becomes). The policy
// engine must accept the document; its complaint names the place in the document.

import { parsePolicy, PolicyParseError } from '../../policy/index.js';
import { countedSize } from '../../policy/validate/size-limits.js';
import { quotaExceeded, validation } from './errors.js';

export const MAX_INLINE_POLICY_BYTES = 32768;
export const MAX_INLINE_POLICY_CHARACTERS = 10240;

export function checkInlinePolicy(document: string): void {
  const bytes = Buffer.byteLength(document, 'utf8');
  if (bytes > MAX_INLINE_POLICY_BYTES) {
    throw quotaExceeded('InlinePolicy', `The inline policy has ${bytes} bytes; at most ${MAX_INLINE_POLICY_BYTES} are allowed.`);
  }
  const counted = countedSize(document);
  if (counted > MAX_INLINE_POLICY_CHARACTERS) {
    throw quotaExceeded('InlinePolicy', `The inline policy has ${counted} characters other than white space; at most ${MAX_INLINE_POLICY_CHARACTERS} are allowed.`);
  }
  try {
    parsePolicy(document);
  } catch (e) {
    // The engine's message starts with the place it objects to, e.g. `Statement[1].Effect: …`.
    if (e instanceof PolicyParseError) throw validation('InlinePolicy', `The inline policy is not valid: ${e.message}`);
    throw e;
  }
}
