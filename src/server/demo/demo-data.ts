// What --demo seeds. Addresses use the reserved `.invalid` domain: nothing is ever sent there.

export const DEMO_OUS = ['Workloads', 'Sandbox'] as const;

export const DEMO_ACCOUNTS = [
  { name: 'Production', email: 'production@demo.gatehouse.invalid', ou: 'Workloads' },
  { name: 'Staging', email: 'staging@demo.gatehouse.invalid', ou: 'Workloads' },
  { name: 'Sandbox', email: 'sandbox@demo.gatehouse.invalid', ou: 'Sandbox' },
] as const;

// Demo passwords are printed at start: they protect nothing but a demo.
export const DEMO_USERS = [
  { userName: 'alice', givenName: 'Alice', familyName: 'Admin', email: 'alice@demo.gatehouse.invalid', title: 'Platform lead', password: 'alice-gatehouse-demo' },
  { userName: 'bob', givenName: 'Bob', familyName: 'Builder', email: 'bob@demo.gatehouse.invalid', title: 'Developer', password: 'bob-gatehouse-demo' },
  { userName: 'carol', givenName: 'Carol', familyName: 'Checker', email: 'carol@demo.gatehouse.invalid', title: 'Auditor', password: 'carol-gatehouse-demo' },
] as const;

export const DEMO_GROUPS = [
  { name: 'Administrators', description: 'Full access to every account', members: ['alice'] },
  { name: 'Developers', description: 'Build and run workloads', members: ['alice', 'bob'] },
  { name: 'Auditors', description: 'Read-only access everywhere', members: ['carol'] },
] as const;

/** Permission sets, and who holds them where (group → accounts). */
export const DEMO_PERMISSION_SETS = [
  {
    name: 'AdministratorAccess',
    description: 'Full access to the account',
    sessionDuration: 'PT1H',
    managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    assignments: [{ group: 'Administrators', accounts: ['Production', 'Staging', 'Sandbox'] }],
  },
  {
    name: 'ReadOnlyAccess',
    description: 'Read everything, change nothing',
    sessionDuration: 'PT8H',
    managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    assignments: [{ group: 'Auditors', accounts: ['Production', 'Staging', 'Sandbox'] }],
  },
  {
    name: 'Developer',
    description: 'Build and deploy workloads; no IAM changes',
    sessionDuration: 'PT4H',
    managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    inlinePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Workloads', Effect: 'Allow', Action: ['lambda:*', 's3:*', 'dynamodb:*', 'logs:*', 'cloudwatch:*'], Resource: '*' },
        { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
      ],
    }),
    boundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    assignments: [{ group: 'Developers', accounts: ['Staging', 'Sandbox'] }],
  },
] as const;
