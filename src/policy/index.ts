// The public API of the policy engine.

export type * from './ast.js';
export type * from './request.js';
export { parsePolicy } from './parse.js';
export { serializePolicy } from './serialize.js';
export { PolicyParseError } from './policy-parse-error.js';
export { evaluate } from './evaluate.js';
export { compilePolicySet, type CompiledPolicySet } from './compile.js';
export { decide } from './decide.js';
export { PolicyCache } from './policy-cache.js';
export { explainDecision } from './explain.js';
export { operatorSpec, splitOperator, type OperatorSpec, type CompareKind } from './condition-operator.js';
export { policyContextKeys } from './context-keys.js';
export { statementSpans, type StatementSpan, type TextPosition } from './statement-positions.js';
