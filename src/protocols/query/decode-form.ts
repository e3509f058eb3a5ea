// The query protocol's parameters: the URL query string, then the form-encoded body, as one
// flat map (first value wins, as a repeated name has no meaning in this protocol).

export const decodeForm = (query: string, body: Buffer, contentType: string | undefined): Map<string, string> => {
  const params = new Map<string, string>();
  const add = (text: string) => {
    for (const [k, v] of new URLSearchParams(text)) if (!params.has(k)) params.set(k, v);
  };
  add(query);
  if (body.length > 0 && (contentType === undefined || contentType.toLowerCase().startsWith('application/x-www-form-urlencoded'))) {
    add(body.toString('utf8'));
  }
  return params;
};
