// An AWS account outside the organization, signed in to through Gatehouse as a SAML 2.0
// application, in headless Chromium. The account is made the real way: CreateAccount, then
// RemoveAccountFromOrganization, so it is standalone; its administrator (the management admin
// through OrganizationAccountAccessRole, which still trusts the management account) creates an
// IAM SAML provider from the application's metadata and two roles trusting it, through the
// real IAM client; the user holds both. From the portal's Applications tab the user
// opens the application; the browser posts the response to the ACS, https://signin.aws.amazon.com/saml,
// which the test answers in AWS's place (it is not reachable here): it takes the Role values
// posted, as AWS's role chooser does, exchanges the response through STS AssumeRoleWithSAML
// (the real AWS SDK against Gatehouse), and shows GetCallerIdentity's ARN.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AssumeRoleCommand, AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateAccountCommand, DescribeAccountCommand, DescribeCreateAccountStatusCommand, OrganizationsClient, RemoveAccountFromOrganizationCommand } from '@aws-sdk/client-organizations';
import { CreateRoleCommand, CreateSAMLProviderCommand, IAMClient } from '@aws-sdk/client-iam';
import { openSignOnWorld, SIGN_ON_USER, type SignOnWorld } from '../saml/sign-on-fixture.js';
import { trustPolicyFor } from '../saml/saml-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AWS_ACS = 'https://signin.aws.amazon.com/saml';
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';

describe('an AWS account outside the organization as a SAML application, in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let world: SignOnWorld;
  let browser: Browser;
  let roles: { roleArn: string; providerArn: string }[];
  let applicationId: string;
  /** Created in the organization, then removed from it: a standalone account. */
  let outsideAccount: string;
  const exchanges: { roleValues: string[]; arn: string }[] = [];

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [world, browser] = await Promise.all([openSignOnWorld(), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    const { services } = world.server.server;
    const config = world.server.clientConfig;

    // The account: created in the organization, waited for, then removed from it.
    const orgs = new OrganizationsClient(config);
    const { CreateAccountStatus: requested } = await orgs.send(new CreateAccountCommand({ AccountName: 'Sandbox', Email: 'sandbox@example.com' }));
    let status = requested!;
    for (let i = 0; status.State === 'IN_PROGRESS' && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await orgs.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requested!.Id! }))).CreateAccountStatus!;
    }
    assert.equal(status.State, 'SUCCEEDED');
    outsideAccount = status.AccountId!;
    await orgs.send(new RemoveAccountFromOrganizationCommand({ AccountId: outsideAccount }));
    await assert.rejects(orgs.send(new DescribeAccountCommand({ AccountId: outsideAccount })), { name: 'AccountNotFoundException' }, 'the account is not in the organization');

    const app = await services.applications.create({ name: 'Sandbox (outside the organization)', template: 'aws-account' });
    applicationId = app.applicationId;
    const metadata = await (await fetch(`${world.server.endpoint}/saml/${applicationId}/metadata.xml`)).text();

    // The account's administrator: the management admin in its OrganizationAccountAccessRole.
    const { Credentials: c } = await new STSClient(config).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${outsideAccount}:role/OrganizationAccountAccessRole`, RoleSessionName: 'admin' }),
    );
    const iam = new IAMClient({ ...config, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } });
    const { SAMLProviderArn: providerArn } = await iam.send(new CreateSAMLProviderCommand({ Name: 'Gatehouse', SAMLMetadataDocument: metadata }));
    assert.equal(providerArn, `arn:aws:iam::${outsideAccount}:saml-provider/Gatehouse`);
    roles = [];
    for (const roleName of ['GatehouseReadOnly', 'GatehouseDeveloper']) {
      const { Role } = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicyFor(providerArn!) }));
      roles.push({ roleArn: Role!.Arn!, providerArn: providerArn! });
    }
    await services.applications.assign(applicationId, 'USER', world.userId, roles);
  });

  after(async () => {
    await browser?.close();
    await world?.close();
  });

  /** AWS's sign-in endpoint, played by the test: exchange the posted response for credentials. */
  const answerAsAws = async (page: Page, roleName: string) => {
    await page.route(AWS_ACS, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      const samlResponse = form.get('SAMLResponse') ?? '';
      const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
      const roleValues = [...xml.matchAll(/<saml:AttributeValue>([^<]*)<\/saml:AttributeValue>/g)]
        .map((m) => m[1]!)
        .filter((v) => v.includes(':saml-provider/'));
      const chosen = roles.find((r) => r.roleArn.endsWith(`/${roleName}`))!;
      const sts = new STSClient({ endpoint: world.server.endpoint, region: world.server.region, maxAttempts: 1 });
      const out = await sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: chosen.roleArn, PrincipalArn: chosen.providerArn, SAMLAssertion: samlResponse }));
      const c = out.Credentials!;
      const me = await new STSClient({
        endpoint: world.server.endpoint,
        region: world.server.region,
        maxAttempts: 1,
        credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
      }).send(new GetCallerIdentityCommand({}));
      exchanges.push({ roleValues, arn: me.Arn! });
      await route.fulfill({ status: 200, contentType: 'text/html', body: `<!DOCTYPE html><title>AWS console</title><h1 id="arn">${me.Arn}</h1>` });
    });
  };

  test('the user opens the application from the portal and lands in the account with the role they chose', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 560 } });
    const page = await context.newPage();
    await answerAsAws(page, 'GatehouseDeveloper');
    await page.goto(`${world.server.endpoint}/start/applications`);
    await page.getByLabel('User name').fill(SIGN_ON_USER.userName);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Password').fill(SIGN_ON_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${world.server.endpoint}/start/applications`);

    await page.screenshot({ path: `${SCREENSHOTS}applications.png` });
    await page.getByRole('button', { name: 'Open Sandbox (outside the organization)' }).click();
    await page.waitForURL(AWS_ACS);
    const arn = (await page.locator('#arn').textContent())!;
    assert.equal(arn, `arn:aws:sts::${outsideAccount}:assumed-role/GatehouseDeveloper/${SIGN_ON_USER.userName}`);
    // Both roles were posted, as AWS's chooser needs them.
    assert.deepEqual(exchanges.at(-1)!.roleValues.sort(), roles.map((r) => `${r.roleArn},${r.providerArn}`).sort());
    await context.close();
  });

  test('without applications the tab says none are assigned', async () => {
    const { services } = world.server.server;
    await services.applications.unassign(applicationId, 'USER', world.userId);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.server.endpoint}/start/applications`);
    await page.getByLabel('User name').fill(SIGN_ON_USER.userName);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Password').fill(SIGN_ON_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${world.server.endpoint}/start/applications`);
    await page.getByText('No applications are assigned to you yet.').waitFor();
    await context.close();
  });
});
