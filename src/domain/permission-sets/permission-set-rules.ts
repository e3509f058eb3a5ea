// The permission set's own fields, checked as the documented model constrains them
// (PermissionSetName, PermissionSetDescription, Duration, RelayState) and as Identity Center
// allows session durations (1 to 12 hours). The wire adapter checks the model too; the domain
// checks again because it is called from elsewhere (the demo seed, tests, the console).

import { parseIsoDuration } from '../../lib/iso-duration.js';
import { validation } from './errors.js';

const NAME = /^[\w+=,.@-]{1,32}$/;
const DESCRIPTION = /^[\u0009\u000A\u000D\u0020-\u007E\u00A0-\u00FF]{1,700}$/;
const RELAY_STATE = /^[a-zA-Z0-9&$@#\\/%?=~\-_'"|!:,.;*+[\] (){}]{1,240}$/;

export const DEFAULT_SESSION_DURATION = 'PT1H';
export const MIN_SESSION_SECONDS = 3600;
export const MAX_SESSION_SECONDS = 43200;

export function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw validation('Name', 'The permission set name must be 1 to 32 characters of letters, digits and +=,.@_-.');
  }
}

export function checkDescription(description: string | undefined): void {
  if (description !== undefined && !DESCRIPTION.test(description)) {
    throw validation('Description', 'The description must be 1 to 700 printable Latin-1 characters.');
  }
}

export function checkSessionDuration(duration: string | undefined): void {
  if (duration === undefined) return;
  const seconds = parseIsoDuration(duration);
  if (seconds === undefined || seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
    throw validation('SessionDuration', `The session duration ${duration} is not valid: it must be an ISO 8601 duration from PT1H to PT12H.`);
  }
}

export function checkRelayState(relayState: string | undefined): void {
  if (relayState !== undefined && !RELAY_STATE.test(relayState)) {
    throw validation('RelayState', 'The relay state must be 1 to 240 characters of a URL.');
  }
}
