// ISO 8601 durations of the kind IAM Identity Center uses (`PT1H`, `PT12H`, `PT30M`).

const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Seconds in an ISO 8601 duration, or undefined when it is not one. */
export const parseIsoDuration = (text: string): number | undefined => {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0));
  return ((d * 24 + h) * 60 + min) * 60 + s;
};
