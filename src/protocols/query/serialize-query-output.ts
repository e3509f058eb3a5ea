// Query protocol output: `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata>…`, members
// in model order, lists as `<member>` elements, timestamps ISO 8601, guided by the output schema.

import type { OperationModel } from '../model/service-model.js';
import type { Schema } from '../model/schema.js';
import { element, escapeXml } from './xml.js';

const scalarText = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return escapeXml(String(value));
};

const valueXml = (schema: Schema, value: unknown): string => {
  switch (schema.kind) {
    case 'structure': {
      const obj = (value ?? {}) as Record<string, unknown>;
      let out = '';
      for (const [name, member] of Object.entries(schema.members)) {
        const v = obj[name];
        if (v !== undefined && v !== null) out += element(name, valueXml(member, v));
      }
      return out;
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      return items.map((item) => element(schema.memberName, valueXml(schema.member, item))).join('');
    }
    case 'map':
      return Object.entries((value ?? {}) as Record<string, unknown>)
        .map(([k, v]) => element('entry', element('key', escapeXml(k)) + element('value', valueXml(schema.value, v))))
        .join('');
    case 'document':
      return escapeXml(typeof value === 'string' ? value : JSON.stringify(value));
    default:
      return scalarText(value);
  }
};

export const serializeQueryOutput = (
  op: OperationModel,
  output: Record<string, unknown>,
  xmlns: string,
  requestId: string,
): string => {
  const result = op.resultWrapper ? element(op.resultWrapper, valueXml(op.output, output)) : '';
  const metadata = element('ResponseMetadata', element('RequestId', escapeXml(requestId)));
  return `<${op.name}Response xmlns="${escapeXml(xmlns)}">${result}${metadata}</${op.name}Response>`;
};
