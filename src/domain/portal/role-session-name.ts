// Identity Center names role sessions after the user. A session name allows [\w+=,.@-], 2 to 64
// characters; other characters of a user name become `-`.

export const roleSessionName = (userName: string): string => {
  const name = userName.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return name.length >= 2 ? name : `${name}--`.slice(0, 2);
};
