// The audit log: recorders hand it what happened, it stamps an id and the time, hides secrets,
// keeps the event and passes it to the sinks (the JSON log). Reading is newest first, by pages.
//
// A failure to keep an event is reported to `onError` and never fails the request that caused
// it: the action has already happened, and refusing to answer would not undo it. Recording does
// not wait for the write (the store gathers events into group commits); reading, and `flush`
// at shutdown, write what is pending first.

import { invalid } from '../../lib/errors.js';
import { randomHex } from '../../lib/random.js';
import type { Ports } from '../ports.js';
import type { AuditEvent, AuditEventInput } from './audit-event.js';
import type { AuditFilter, AuditQuery } from './audit-repository.js';
import { hideSecrets } from './hide-secrets.js';

export const MAX_AUDIT_RESULTS = 50;

export interface AuditLookup extends AuditFilter {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface AuditPage {
  readonly events: readonly AuditEvent[];
  readonly nextToken?: string;
}

export type AuditSink = (event: AuditEvent) => void;

/** The last event given: the next page starts after it. */
const encodeToken = (e: AuditEvent) => Buffer.from(`${e.eventTime}.${e.eventId}`, 'utf8').toString('base64url');

const decodeToken = (token: string): { eventTime: number; eventId: string } => {
  const m = /^(\d{1,16})\.([0-9a-f]{32})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw invalid('NextToken', 'The NextToken is not valid for this request.');
  return { eventTime: Number(m[1]), eventId: m[2]! };
};

export class AuditLog {
  private readonly sinks: AuditSink[] = [];
  private onError: (error: unknown) => void = () => {};

  constructor(private readonly ports: Ports) {}

  /** Where a failure to keep an event is reported (the server's log). */
  reportFailuresTo(onError: (error: unknown) => void): void {
    this.onError = onError;
  }

  /**
   * Events of one millisecond are read back by id, so ids begin with this process's count:
   * one request's events (a failed password, then the right one) keep their order.
   */
  private sequence = 0;
  /** Random once per audit log (96 bits): with the count, ids are unique across nodes too. */
  private instanceId: string | undefined;
  private nextEventId(): string {
    const count = (this.sequence++ % 0x1_0000_0000).toString(16).padStart(8, '0');
    return `${count}${(this.instanceId ??= randomHex(this.ports.random, 24))}`;
  }

  /** Also hands every kept event to `sink` (the server's JSON log). */
  addSink(sink: AuditSink): void {
    this.sinks.push(sink);
  }

  /** Resolves once the event is handed to the store, not once it is written (see `flush`). */
  async record(input: AuditEventInput): Promise<void> {
    let event: AuditEvent;
    try {
      // Built inside the try: even a parameter that cannot be read must not fail the request.
      // Assigned, not spread then extended: V8's slow path, on every recorded request.
      const built: { -readonly [K in keyof AuditEvent]: AuditEvent[K] } = Object.assign({ eventId: this.nextEventId(), eventTime: this.ports.clock.now() }, input);
      if (input.requestParameters) built.requestParameters = hideSecrets(input.requestParameters);
      event = built;
    } catch (error) {
      this.onError(error);
      return;
    }
    const settled = this.ports.store.audit.append(event).then(
      () => this.toSinks(event),
      (error) => this.onError(error),
    );
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  /** Writes every event recorded so far, and hands them to the sinks (or reports the failure). */
  async flush(): Promise<void> {
    await this.ports.store.audit.flush();
    await Promise.all([...this.inFlight]);
  }

  private readonly inFlight = new Set<Promise<void>>();

  /** The event is kept: a sink that fails is its own problem, and the others still get it. */
  private toSinks(event: AuditEvent): void {
    for (const sink of this.sinks) {
      try {
        sink(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  async lookup(req: AuditLookup = {}): Promise<AuditPage> {
    const size = req.maxResults ?? MAX_AUDIT_RESULTS;
    if (!Number.isInteger(size) || size < 1 || size > MAX_AUDIT_RESULTS) throw invalid('MaxResults', `MaxResults must be between 1 and ${MAX_AUDIT_RESULTS}.`);
    if (req.startTime !== undefined && req.endTime !== undefined && req.startTime >= req.endTime) {
      throw invalid('StartTime', 'StartTime must be before EndTime.');
    }
    // What this node recorded a moment ago is read too.
    await this.flush();
    const { maxResults: _size, nextToken, ...filter } = req;
    const query: AuditQuery = { ...filter, ...(nextToken !== undefined ? { before: decodeToken(nextToken) } : {}), limit: size + 1 };
    const found = await this.ports.store.audit.lookup(query);
    const events = found.slice(0, size);
    return found.length > size ? { events, nextToken: encodeToken(events[events.length - 1]!) } : { events };
  }
}
