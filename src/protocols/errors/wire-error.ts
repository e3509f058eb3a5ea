// An error as it goes on the wire, protocol-neutral: the exception name (awsJson `__type`; the
// query protocol's `Code`), the HTTP status, the message, and any extra members the service's
// exception shape declares (`Reason`, `ResourceType`, ...).

export interface WireError {
  readonly name: string;
  readonly status: number;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
  /** Query protocol: `Sender` (client fault) or `Receiver` (ours). */
  readonly fault?: 'Sender' | 'Receiver';
}

export const INTERNAL_FAILURE: WireError = {
  name: 'InternalFailure',
  status: 500,
  message: 'The request processing has failed because of an unknown error, exception or failure.',
  fault: 'Receiver',
};
