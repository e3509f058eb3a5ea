// The admin API's audit log (GatehouseAdmin.LookupAuditEvents): the wire adapter has verified,
// validated against the model (MaxResults 1-50) and authorized `gatehouse:LookupAuditEvents`;
// the handler turns the filters into the AuditLog's lookup and events into CloudTrail-named
// PascalCase members, with the structured fields as JSON text.

import type { AuditEvent, AuditIdentity } from '../../domain/audit/audit-event.js';
import type { AuditLookup } from '../../domain/audit/audit-log.js';
import type { ServiceHandlers } from '../operation.js';

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

const identityShape = (u: AuditIdentity) => ({
  Type: u.type,
  Arn: u.arn,
  AccountId: u.accountId,
  UserName: u.userName,
  PrincipalId: u.principalId,
  AccessKeyId: u.accessKeyId,
});

export const auditEventShape = (e: AuditEvent) => ({
  EventId: e.eventId,
  EventTime: new Date(e.eventTime),
  EventSource: e.eventSource,
  EventName: e.eventName,
  AwsRegion: e.awsRegion,
  SourceIPAddress: e.sourceIPAddress,
  UserAgent: e.userAgent,
  RequestId: e.requestId,
  UserIdentity: identityShape(e.userIdentity),
  ReadOnly: e.readOnly,
  ErrorCode: e.errorCode,
  ErrorMessage: e.errorMessage,
  RequestParameters: json(e.requestParameters),
  AdditionalEventData: json(e.additionalEventData),
});

/** Only the members the caller gave: the AuditLog treats a present member as a filter. */
const lookupIn = (input: Record<string, any>): AuditLookup => {
  const ms = (d: Date | undefined) => d?.getTime();
  const given: Record<string, unknown> = {
    startTime: ms(input.StartTime),
    endTime: ms(input.EndTime),
    eventName: input.EventName,
    eventSource: input.EventSource,
    userName: input.UserName,
    failedOnly: input.FailedOnly,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as AuditLookup;
};

export const AUDIT_ADMIN_HANDLERS: ServiceHandlers = {
  async LookupAuditEvents(input, { services: { audit } }) {
    const page = await audit.lookup(lookupIn(input));
    return { Events: page.events.map(auditEventShape), ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}) };
  },
};
