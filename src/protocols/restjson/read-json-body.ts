// restJson request bodies arrive as raw Buffers (the app parses no body itself): an empty body
// is `{}`, anything but a JSON object is refused by the caller's InvalidRequestException.

export const readJsonBody = (body: unknown): Record<string, unknown> | undefined => {
  if (body === undefined || body === null) return {};
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
  if (text === undefined) return undefined;
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Buffers so that Fastify does not append `; charset=utf-8` to the content type. */
export const jsonBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
