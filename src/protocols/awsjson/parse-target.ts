// `X-Amz-Target: AWSIdentityStore.CreateUser` → prefix and operation.

export const parseTarget = (target: string): { prefix: string; operation: string } | undefined => {
  const dot = target.lastIndexOf('.');
  if (dot <= 0 || dot === target.length - 1) return undefined;
  return { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
};
