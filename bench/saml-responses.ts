// SAML responses signed per second, the whole build + sign path (XML written, the Assertion
// signed with xml-crypto: exclusive c14n, SHA-256 digest, RSA-SHA256), against raw RSA-2048
// signatures per second of a buffer the size of the response, with node:crypto, in the same
// run. Goal: at least half the raw rate (the RSA signature itself should dominate).

import { createSign, randomBytes } from 'node:crypto';
import { KeyRing } from '../src/lib/key-ring.js';
import { generateIdpSigningKey, openIdpSigningKey } from '../src/saml/idp-signing-key.js';
import { signedSamlResponseXml, type SamlResponseInput } from '../src/saml/build-saml-response.js';
import { NAMEID_PERSISTENT } from '../src/saml/saml-constants.js';
import { median, opsPerSecond, type BenchResult } from './result.js';

const ROUNDS = 7;
const ATTR = 'https://aws.amazon.com/SAML/Attributes/';

export async function run(): Promise<BenchResult[]> {
  const ring = new KeyRing([{ id: 'bench', key: randomBytes(32) }]);
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);
  const key = openIdpSigningKey(ring, generateIdpSigningKey(ring, { commonName: 'bench', now }));
  const input = (signResponse: boolean): SamlResponseInput => ({
    issuer: 'https://gatehouse.example.com/saml/app-0123456789abcdef',
    audience: 'urn:amazon:webservices',
    acsUrl: 'https://signin.aws.amazon.com/saml',
    nameId: '9a7b6c5d-1234-4321-abcd-0123456789ab',
    nameIdFormat: NAMEID_PERSISTENT,
    attributes: {
      [`${ATTR}Role`]: ['arn:aws:iam::444455556666:role/GatehouseDeveloper,arn:aws:iam::444455556666:saml-provider/Gatehouse', 'arn:aws:iam::444455556666:role/GatehouseReadOnly,arn:aws:iam::444455556666:saml-provider/Gatehouse'],
      [`${ATTR}RoleSessionName`]: ['ada'],
      [`${ATTR}SessionDuration`]: ['28800'],
    },
    sessionNotOnOrAfter: now + 8 * 3600_000,
    inResponseTo: '_0123456789abcdef0123456789abcdef',
    now,
    signingKey: key,
    signResponse,
  });
  const sample = signedSamlResponseXml(input(false)).xml;
  const buffer = Buffer.from(sample);
  const raw = () => {
    createSign('sha256').update(buffer).sign(key.privateKey);
  };
  const assertionOnly = () => {
    signedSamlResponseXml(input(false));
  };
  const both = () => {
    signedSamlResponseXml(input(true));
  };
  const rawRuns: number[] = [];
  const assertionRuns: number[] = [];
  const bothRuns: number[] = [];
  const ratios: number[] = [];
  const bothRatios: number[] = [];
  // Interleaved short rounds, medians: a shared machine's load drifts.
  for (let i = 0; i < ROUNDS; i++) {
    const r = opsPerSecond(raw, 250, 10);
    const a = opsPerSecond(assertionOnly, 250, 10);
    const b = opsPerSecond(both, 250, 10);
    rawRuns.push(r);
    assertionRuns.push(a);
    bothRuns.push(b);
    ratios.push(a / r);
    bothRatios.push(b / r);
  }
  return [
    { name: `saml: raw RSA-2048 signature (${buffer.length} bytes)`, value: median(rawRuns), unit: 'sigs/s' },
    {
      name: 'saml: signed responses (build + sign Assertion)',
      value: median(assertionRuns),
      unit: 'responses/s',
      ratio: { against: 'raw RSA-2048 signature', value: median(ratios), goal: '>= 0.5x' },
    },
    {
      name: 'saml: signed responses (Assertion and Response signed)',
      value: median(bothRuns),
      unit: 'responses/s',
      ratio: { against: 'raw RSA-2048 signature', value: median(bothRatios), goal: '>= 0.25x (two signatures)' },
    },
  ];
}
