// Policy validation in the manner of IAM Access Analyzer's ValidatePolicy.
export { loadCatalog, type Catalog } from './catalog.js';
export { validatePolicy } from './validate-policy.js';
export type { Finding, Severity, ValidationPolicyType, IdentityPolicyKind, ValidateOptions } from './finding.js';
