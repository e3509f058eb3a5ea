// The engine never throws while deciding: an unexpected fault becomes a deny that says why.

import type { Decision } from './request.js';

export function failedDecision(error: unknown): Decision {
  return {
    decision: 'ImplicitDeny',
    matched: [],
    missingContextKeys: [],
    byType: {},
    error: error instanceof Error ? error.message : String(error),
  };
}
