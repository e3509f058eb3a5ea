// The help of `gatehouse apps`.

import { ADMIN_CLIENT_HELP } from './admin-client.js';

export const APPS_HELP = `Usage: gatehouse apps list [--json]
       gatehouse apps create --name NAME [--template custom|aws-account] [SETTINGS] [--json]
       gatehouse apps describe APP [--json]
       gatehouse apps update APP [--name NAME] [SETTINGS] [--json]
       gatehouse apps delete APP
       gatehouse apps assign APP (--user USERNAME | --group GROUPNAME) [--role ROLE_ARN,PROVIDER_ARN]...
       gatehouse apps unassign APP (--user USERNAME | --group GROUPNAME)
       gatehouse apps assignments APP [--json]

APP is an application's id (app-...) or its name. Users and groups are named by user name and
display name (or their ids).

list          Lists the applications by name.
create        Creates an application. The aws-account template fills in what AWS sign-in
              expects (ACS https://signin.aws.amazon.com/saml, audience urn:amazon:webservices,
              a persistent NameID, RoleSessionName and SessionDuration); custom needs
              --acs-url and --audience.
describe      Shows an application's settings.
update        Changes the given settings; the template cannot change.
delete        Deletes the application and its assignments.
assign        Gives a user or group the application. An aws-account application needs one or
              more --role pairs (the role and the IAM SAML provider it trusts, one account);
              assigning again replaces the roles.
unassign      Takes it away again.
assignments   Lists who holds the application.

SETTINGS:
  --description TEXT            ('' clears it)
  --acs-url URL                 where responses are posted: https (http on localhost only)
  --audience ENTITY_ID          the service provider's entity id
  --name-id-format FORMAT       persistent, emailAddress, unspecified or transient
  --name-id-source TEMPLATE     e.g. '\${user:email}' (default '\${user:subject}')
  --attribute NAME=TEMPLATE     an attribute of the assertion; repeat it; replaces them all.
                                Templates: literal text with \${user:email}, \${user:subject},
                                \${user:userName}, \${user:displayName}, \${user:givenName},
                                \${user:familyName}, \${user:groups} (one value per group),
                                \${app:sessionDurationSeconds}, \${path:name.givenName}
  --clear-attributes            no attributes (update)
  --session-duration DURATION   PT15M to PT12H (default PT1H)
  --relay-state URL             sent on sign-on from the portal ('' clears it)
  --sp-certificate FILE         the service provider's signing certificate, PEM ('' clears it)
  --require-signed-requests yes|no   AuthnRequests must be signed with that certificate
  --sign-response yes|no        sign the Response as well as the Assertion (default yes)

${ADMIN_CLIENT_HELP}`;
