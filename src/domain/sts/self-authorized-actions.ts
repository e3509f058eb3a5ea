// STS actions the generic request authorization must let through to their handlers:
// GetCallerIdentity needs no permission at all (AWS answers it even under an explicit deny),
// and AssumeRole is decided by its handler, where the role's trust policy is the resource
// policy: a same-account trust policy naming the caller allows without any identity policy.

// AssumeRoleWithSAML is decided by the assertion and the role's trust policy alone.
export const STS_SELF_AUTHORIZED_ACTIONS: ReadonlySet<string> = new Set(['sts:GetCallerIdentity', 'sts:AssumeRole', 'sts:AssumeRoleWithSAML']);
