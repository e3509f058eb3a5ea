// The AWS SDK warns on stderr, once per process, that its 2027 releases will need Node 22.
// Gatehouse targets Node 20 and pins the SDK, and tools that run credential_process show its
// stderr to the person, so the sign-in commands turn the warning off unless told otherwise.

export const silenceSdkNodeVersionWarning = (env: NodeJS.ProcessEnv = process.env): void => {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
};
