// `gatehouse audit`: the audit log through the admin API of a running server (LookupAuditEvents),
// newest first, page after page until --limit events are shown.

import { adminCommandFailure, UsageError } from './admin-command-failure.js';
import { parseArgs } from 'node:util';
import { ADMIN_CLIENT_OPTIONS, adminClientFromArgs, type AdminClient } from './admin-client.js';
import { AUDIT_HELP } from './audit-help.js';

const OPTIONS = {
  ...ADMIN_CLIENT_OPTIONS,
  user: { type: 'string' },
  event: { type: 'string' },
  source: { type: 'string' },
  failed: { type: 'boolean' },
  since: { type: 'string' },
  until: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const DEFAULT_LIMIT = 50;
/** The API's largest page. */
const PAGE = 50;


interface WireEvent {
  readonly EventTime: number;
  readonly EventSource: string;
  readonly EventName: string;
  readonly SourceIPAddress?: string;
  readonly UserIdentity?: { readonly UserName?: string; readonly Arn?: string };
  readonly ErrorCode?: string;
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 time (UTC unless it carries an offset), as epoch milliseconds. */
const isoTime = (flag: string, raw: string): number => {
  const m = ISO.exec(raw);
  const ms = m ? Date.parse(raw.length > 10 && !m[1] ? `${raw}Z` : raw) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--${flag} takes an ISO 8601 time such as 2026-03-01T12:00:00Z, not '${raw}'`);
  return ms;
};

/** `--since`: an ISO time, or a duration back from now (`1h`, `7d`). */
const sinceTime = (raw: string, now: number): number => {
  const d = /^(\d{1,6})([smhdw])$/.exec(raw);
  return d ? now - Number(d[1]) * UNIT_MS[d[2]!]! : isoTime('since', raw);
};

const limitOf = (raw: string | undefined): number => {
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1) throw new UsageError(`--limit takes a positive whole number, not '${raw}'`);
  return Number(raw);
};

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** The LookupAuditEvents filters the options give. */
const filtersOf = (v: Values, now: number): Record<string, unknown> => {
  const filters: Record<string, unknown> = {
    UserName: v.user,
    EventName: v.event,
    EventSource: v.source,
    FailedOnly: v.failed ? true : undefined,
    StartTime: v.since === undefined ? undefined : sinceTime(v.since, now) / 1000,
    EndTime: v.until === undefined ? undefined : isoTime('until', v.until) / 1000,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, x]) => x !== undefined));
};

/** Newest first, following NextToken only until `limit` events are in hand. */
const lookup = async (client: AdminClient, filters: Record<string, unknown>, limit: number): Promise<WireEvent[]> => {
  const events: WireEvent[] = [];
  let token: string | undefined;
  do {
    const page = await client.call<{ Events: WireEvent[]; NextToken?: string }>('LookupAuditEvents', {
      ...filters,
      MaxResults: Math.min(PAGE, limit - events.length),
      ...(token ? { NextToken: token } : {}),
    });
    events.push(...page.Events);
    token = page.NextToken;
  } while (token && events.length < limit);
  return events.slice(0, limit);
};

const isoSeconds = (epochSeconds: number) => new Date(Math.floor(epochSeconds) * 1000).toISOString().replace('.000Z', 'Z');

/** One line an event, columns aligned over the lines shown. */
const lines = (events: readonly WireEvent[]): string[] => {
  const rows = events.map((e) => [
    isoSeconds(e.EventTime),
    e.EventSource,
    e.EventName,
    e.UserIdentity?.UserName ?? e.UserIdentity?.Arn ?? '-',
    e.SourceIPAddress ?? '-',
    e.ErrorCode !== undefined ? `FAILED ${e.ErrorCode}` : '',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
};

export const auditCommand = async (args: string[]): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(AUDIT_HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    const limit = limitOf(values.limit);
    const filters = filtersOf(values, Date.now());
    const events = await lookup(await adminClientFromArgs(values), filters, limit);
    if (values.json) process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
    else process.stdout.write(events.length === 0 ? 'No events.\n' : `${lines(events).join('\n')}\n`);
    return 0;
  } catch (e) {
    return adminCommandFailure('audit', AUDIT_HELP, e);
  }
};
