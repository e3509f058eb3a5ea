// NIST SP 800-63B 5.1.1.2: passwords are Unicode-normalized (NFKC) before hashing, so the same
// password typed on two keyboards (composed or decomposed accents, full-width digits) matches.

export const normalizePassword = (password: string): string => password.normalize('NFKC');

/** Length in code points, as NIST counts characters (an emoji is one, not two UTF-16 units). */
export const passwordLength = (normalized: string): number => {
  let n = 0;
  for (const _ of normalized) n++;
  return n;
};
