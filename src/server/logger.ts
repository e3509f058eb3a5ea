// JSON logs (pino). Requests are logged without their query string's credentials and never with
// headers, so a presigned URL's signature or session token cannot reach a log.

import pino, { type Logger } from 'pino';

// Session and SigninToken: the federation endpoint's credentials and console sign-in tokens.
const SECRET_PARAMS = /^(x-amz-signature|x-amz-security-token|x-amz-credential|code|code_verifier|token|password|session|signintoken)$/i;

/** The URL with the value of every credential-bearing query parameter replaced. */
export const redactUrl = (url: string): string => {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return SECRET_PARAMS.test(decodeURIComponent(name)) ? `${name}=[REDACTED]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
};

export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: { service: 'gatehouse' },
    redact: { paths: ['req.headers', 'secretAccessKey', '*.secretAccessKey', 'password', '*.password'], censor: '[REDACTED]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  });
