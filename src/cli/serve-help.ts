// `gatehouse serve --help`, apart from the command so that `gatehouse --help` loads no server code.

export const SERVE_HELP = `Usage: gatehouse serve [options]

Options (each also from an environment variable):
  --port N             Port to listen on                    GATEHOUSE_PORT       (8080)
  --host ADDR          Address to listen on                 GATEHOUSE_HOST       (127.0.0.1)
  --data-dir DIR       Data folder: the SQLite database,    GATEHOUSE_DATA_DIR   (./data)
                       the generated master key and the
                       administrator's credentials file
  --database-url URL   A postgres:// URL selects PostgreSQL GATEHOUSE_DATABASE_URL (SQLite)
  --region REGION      The region Gatehouse answers as      GATEHOUSE_REGION     (us-east-1)
  --public-url URL     The base URL users and SAML service  GATEHOUSE_PUBLIC_URL
                       providers reach Gatehouse at; SAML   (http://HOST:PORT)
                       entity ids and endpoints use it
  --tls-cert FILE      Serve HTTPS with this PEM certificate GATEHOUSE_TLS_CERT
  --tls-key FILE       chain and its PEM private key        GATEHOUSE_TLS_KEY
                       (both or neither; else plain HTTP)
  --trust-proxy LIST   Reverse proxies (addresses, CIDR     GATEHOUSE_TRUST_PROXY
                       ranges, loopback) whose X-Forwarded-
                       For and -Proto give aws:SourceIp and
                       aws:SecureTransport (none)
  --demo               Seed a demo organization             GATEHOUSE_DEMO
  --log-level LEVEL    trace, debug, info, warn, error      GATEHOUSE_LOG_LEVEL  (info)
  -h, --help           Show this help

Environment only:
  GATEHOUSE_MASTER_KEY                 Key ring that seals secrets at rest: a base64 32-byte
                                       key, or id:key,id:key with the sealing key first.
                                       Without it a key file is generated under --data-dir
                                       (nodes sharing a PostgreSQL database must share it).
  GATEHOUSE_MFA_MODE                   MFA at sign-in for a new instance: required (default),
                                       optional or off; later 'gatehouse settings' changes it.
  GATEHOUSE_PROVISIONING_POLL_MS       How often the provisioning worker looks for jobs queued
                                       by other nodes (1000)
  GATEHOUSE_PROVISIONING_LEASE_MS      How long a node's claim on a job holds without renewal;
                                       a dead node's jobs are taken up after it (10000)
  GATEHOUSE_PROVISIONING_BATCH_SIZE    Accounts per provisioning transaction (100)
  GATEHOUSE_RETENTION_INTERVAL_MS      How often ended and expired portal sessions, sso-oidc
                                       codes, tokens and client registrations are deleted,
                                       the first time one interval after start (600000; at
                                       most 86400000)
  GATEHOUSE_RETENTION_GRACE_MS         How long they are kept after they end or expire
                                       (86400000; portal sessions at least 12 hours)
  GATEHOUSE_AUDIT_RETENTION_DAYS       How long audit events are kept (90)
  GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID    Fix the administrator's access key created on first
  GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY start instead of generating one.
`;
