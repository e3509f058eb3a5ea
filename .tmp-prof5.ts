import { opsPerSecond } from './bench/result.js';
import { parseSignature } from './src/protocols/sigv4/parse-signature.js';
const auth = 'AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEBENCH01/20260115/us-east-1/identitystore/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target;x-amz-user-agent, Signature=' + 'a'.repeat(64);
const req = { method: 'POST', path: '/', query: '', headers: [['host','x'],['content-type','y'],['x-amz-target','z'],['x-amz-user-agent','a'],['amz-sdk-invocation-id','b'],['amz-sdk-request','c'],['content-length','1'],['x-amz-date','20260115T120000Z'],['x-amz-content-sha256','e'],['authorization',auth]] as [string,string][], body: Buffer.alloc(0) };
console.log(Math.round(opsPerSecond(() => { parseSignature(req); }, 3000)));
