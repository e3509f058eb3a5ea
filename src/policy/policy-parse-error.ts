// The one error the parser throws: it names the place in the source document that is wrong,
// so an editor or an API response can point at it.

import type { SourcePath } from './ast.js';

export class PolicyParseError extends Error {
  /** A stable code, as the rest of Gatehouse uses for its errors. */
  readonly code = 'MalformedPolicyDocument';
  /** Where in the document the problem is, e.g. `Statement[1].Effect` (`''` for the whole document). */
  readonly path: SourcePath;

  constructor(message: string, path: SourcePath) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'PolicyParseError';
    this.path = path;
  }
}
