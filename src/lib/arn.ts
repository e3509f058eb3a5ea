// ARN parsing and formatting. The resource part may itself contain colons.

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export const parseArn = (text: string): Arn | undefined => {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
};

export const formatArn = (a: Arn): string =>
  `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${a.resource}`;

export const iamArn = (account: string, resource: string) =>
  formatArn({ partition: 'aws', service: 'iam', region: '', account, resource });
