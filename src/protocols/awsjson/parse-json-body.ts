// The awsJson request document. An empty body is an empty input; anything that is not a JSON
// object is a SerializationException, as AWS answers.

import { wireFailure } from '../errors/wire-failure.js';

export const parseJsonBody = (body: Buffer): unknown => {
  if (body.length === 0) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch {
    throw wireFailure('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw wireFailure('SerializationException', 'Start of structure or map expected.');
  }
  return doc;
};
