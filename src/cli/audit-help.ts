// The help of `gatehouse audit`.

import { ADMIN_CLIENT_HELP } from './admin-client.js';

export const AUDIT_HELP = `Usage: gatehouse audit [--user NAME] [--event NAME] [--source SOURCE] [--failed]
                      [--since TIME|DURATION] [--until TIME] [--limit N] [--json]

Shows the audit log, newest first: every call that changed something, every refused call, and
sign-in events. One line per event: time (UTC), source, event name, who (user name or ARN),
source IP address, and FAILED with the error code when it did not succeed.

  --user NAME        only events of this user name (IAM user, role session or directory user)
  --event NAME       only events of this name, e.g. CreateAccountAssignment
  --source SOURCE    only events of this source, e.g. sso.amazonaws.com, signin.amazonaws.com
  --failed           only events that did not succeed
  --since WHEN       only events at or after WHEN: an ISO 8601 time (2026-03-01 or
                     2026-03-01T12:00:00Z; UTC unless it gives an offset), or a duration back
                     from now: 30s, 15m, 1h, 7d, 2w
  --until TIME       only events before TIME (ISO 8601)
  --limit N          at most N events (default 50)
  --json             the events as the admin API returns them (LookupAuditEvents), as JSON

${ADMIN_CLIENT_HELP}`;
