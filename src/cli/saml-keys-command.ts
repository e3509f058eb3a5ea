// `gatehouse saml-keys list|rotate|activate`: the instance's SAML signing keys through the
// admin API. A rotation publishes a next key in every application's metadata at once; it signs
// once activated (by hand, or on its own after the publish period).

import { adminCommandFailure, UsageError } from './admin-command-failure.js';
import { parseArgs } from 'node:util';
import { ADMIN_CLIENT_HELP, ADMIN_CLIENT_OPTIONS, adminClientFromArgs } from './admin-client.js';

export const SAML_KEYS_HELP = `Usage: gatehouse saml-keys list [--pem]
       gatehouse saml-keys rotate [--activate-after-hours N]
       gatehouse saml-keys activate KEY_ID

list                         The signing keys: the current one, a rotation's next one, and
                             retired ones that metadata still publishes. --pem prints the
                             certificates too.
rotate                       Creates the next key. Every application's metadata publishes it at
                             once, so service providers that refresh metadata learn it before it
                             signs. It becomes current after --activate-after-hours (default 168)
                             or on 'activate'.
activate KEY_ID              Makes the next key current now. The old key retires; metadata keeps
                             publishing it for 7 days.

${ADMIN_CLIENT_HELP}`;

const OPTIONS = { ...ADMIN_CLIENT_OPTIONS, 'activate-after-hours': { type: 'string' }, pem: { type: 'boolean' } } as const;


interface SigningKey {
  readonly KeyId: string;
  readonly State: string;
  readonly CertificatePem: string;
  readonly NotAfter: number;
  readonly CreatedAt: number;
  readonly ActivateAfter?: number;
  readonly PublishUntil?: number;
}

// awsJson timestamps are epoch seconds.
const when = (s: number | undefined) => (s === undefined ? '' : new Date(s * 1000).toISOString());

const line = (k: SigningKey, pem: boolean) => {
  const note = k.State === 'next' ? `activates ${when(k.ActivateAfter)}` : k.State === 'retired' ? `published until ${when(k.PublishUntil)}` : '';
  return `${k.KeyId}  ${k.State.padEnd(7)}  created ${when(k.CreatedAt)}  expires ${when(k.NotAfter)}${note ? `  ${note}` : ''}\n${pem ? `${k.CertificatePem.trim()}\n` : ''}`;
};

const hours = (raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 8760) throw new UsageError('--activate-after-hours must be a whole number from 0 to 8760');
  return n;
};

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [sub, ...rest] = positionals;
  if (values.help || sub === undefined) {
    process.stdout.write(SAML_KEYS_HELP);
    return values.help ? 0 : 2;
  }
  const expect = (n: number) => {
    if (rest.length !== n) throw new UsageError(n === 0 ? `unexpected ${rest.join(' ')}` : `saml-keys ${sub} needs KEY_ID`);
  };
  if (sub === 'list') {
    expect(0);
    const { SigningKeys } = await (await adminClientFromArgs(values)).call<{ SigningKeys: SigningKey[] }>('ListSamlSigningKeys');
    for (const k of SigningKeys) process.stdout.write(line(k, values.pem === true));
    return 0;
  }
  if (sub === 'rotate') {
    expect(0);
    const after = hours(values['activate-after-hours']);
    const { SigningKey } = await (await adminClientFromArgs(values)).call<{ SigningKey: SigningKey }>('CreateSamlSigningKey', after !== undefined ? { ActivateAfterHours: after } : {});
    process.stdout.write(line(SigningKey, false));
    return 0;
  }
  if (sub === 'activate') {
    expect(1);
    const { SigningKey } = await (await adminClientFromArgs(values)).call<{ SigningKey: SigningKey }>('ActivateSamlSigningKey', { KeyId: rest[0] });
    process.stdout.write(line(SigningKey, false));
    return 0;
  }
  throw new UsageError(`unknown saml-keys command '${sub}'`);
}

export const samlKeysCommand = async (args: string[]): Promise<number> => {
  try {
    return await run(args);
  } catch (e) {
    return adminCommandFailure('saml-keys', SAML_KEYS_HELP, e);
  }
};
