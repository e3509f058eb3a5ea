// An independent verifier: xmlsec1 (libxmlsec1 over OpenSSL) checks the signatures of responses
// Gatehouse posts from the portal (IdP-initiated) with the certificate its metadata publishes,
// with and without the Response signed as well, and refuses a tampered copy.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from '../support/browser.js';
import { assignedApplication, autoPostForm, metadataCertificates, openSignOnWorld, signedInBrowser, type SignOnWorld } from './sign-on-fixture.js';

const XMLSEC1 = '/usr/bin/xmlsec1';
const run = promisify(execFile);
const ASSERTION_ID = ['--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'];
const RESPONSE_ID = ['--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response'];
const ASSERTION_SIGNATURE = ['--node-xpath', "//*[local-name()='Assertion']/*[local-name()='Signature']"];

describe('xmlsec1 verifies our signatures', { skip: existsSync(XMLSEC1) ? false : `${XMLSEC1} is not installed (.ci/run installs it)` }, () => {
  let world: SignOnWorld;
  let browser: Browser;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-xmlsec-'));
    world = await openSignOnWorld();
    browser = await signedInBrowser(world);
  });
  after(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The response the portal posts for a new application, and the metadata's certificate file. */
  const launch = async (signResponse: boolean) => {
    const app = await assignedApplication(world, { acsUrl: 'https://sp.example.test/acs', audience: 'https://sp.example.test', signResponse });
    const apps = await browser.go('/start/applications');
    const page = await browser.submit(apps, `/start/applications/${app.applicationId}/launch`);
    assert.equal(page.status, 200, page.text);
    const xml = Buffer.from(autoPostForm(page.text).fields.SAMLResponse!, 'base64').toString('utf8');
    const metadata = await (await fetch(`${world.server.endpoint}/saml/${app.applicationId}/metadata.xml`)).text();
    const cert = join(dir, `${app.applicationId}.pem`);
    writeFileSync(cert, metadataCertificates(metadata)[0]!);
    return { xml, cert, name: app.applicationId };
  };

  const verify = async (xml: string, cert: string, name: string, extra: readonly string[]) => {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    return run(XMLSEC1, ['--verify', '--pubkey-cert-pem', cert, ...extra, file]);
  };

  it('the signed Assertion verifies; a tampered copy does not', async () => {
    const { xml, cert, name } = await launch(false);
    const ok = await verify(xml, cert, name, ASSERTION_ID);
    assert.match(ok.stderr, /^OK/m);
    const tampered = xml.replace(`>${world.userId}<`, '>mallory<');
    assert.notEqual(tampered, xml);
    await assert.rejects(verify(tampered, cert, `${name}-tampered`, ASSERTION_ID), (e: { stderr: string }) => /FAIL/.test(e.stderr));
  });

  it('with signResponse, both the Response and the Assertion signatures verify; tampering fails both', async () => {
    const { xml, cert, name } = await launch(true);
    assert.equal(xml.match(/<ds:Signature /g)?.length, 2);
    // The first Signature in the document is the Response's.
    assert.match((await verify(xml, cert, name, [...RESPONSE_ID, ...ASSERTION_ID])).stderr, /^OK/m);
    assert.match((await verify(xml, cert, `${name}-a`, [...RESPONSE_ID, ...ASSERTION_ID, ...ASSERTION_SIGNATURE])).stderr, /^OK/m);
    const tampered = xml.replace(`>${world.userId}<`, '>mallory<');
    for (const [label, extra] of [['response', []], ['assertion', ASSERTION_SIGNATURE]] as const) {
      await assert.rejects(verify(tampered, cert, `${name}-t-${label}`, [...RESPONSE_ID, ...ASSERTION_ID, ...extra]), (e: { stderr: string }) => /FAIL/.test(e.stderr));
    }
  });
});
