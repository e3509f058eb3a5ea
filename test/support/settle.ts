// Polls an asynchronous request's status (provisioning, account assignments) until it leaves
// IN_PROGRESS.

export async function settle<T extends { Status?: string }>(read: () => Promise<T | undefined>, attempts = 400): Promise<T> {
  for (let n = 0; n < attempts; n++) {
    const s = await read();
    if (s && s.Status !== 'IN_PROGRESS') return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('request still IN_PROGRESS');
}
