import { opsPerSecond } from './bench/result.js';
import { parseAmzDate, formatAmzDate } from './src/protocols/sigv4/amz-date.js';
import { headerValue } from './src/protocols/sigv4/signable-request.js';
const req = { method: 'POST', path: '/', query: '', headers: [['host','x'],['content-type','y'],['x-amz-target','z'],['x-amz-user-agent','a'],['amz-sdk-invocation-id','b'],['amz-sdk-request','c'],['content-length','1'],['x-amz-date','20260115T120000Z'],['x-amz-content-sha256','e'],['authorization','AWS4...']] as [string,string][], body: Buffer.alloc(0) };
const r = (n: string, f: () => void) => console.log(n.padEnd(12), Math.round(opsPerSecond(f, 400)));
r('parseAmzDate', () => { parseAmzDate('20260115T120000Z'); });
r('formatAmzDate', () => { formatAmzDate(1768478400000); });
r('headerValue x4', () => { headerValue(req, 'authorization'); headerValue(req, 'x-amz-date'); headerValue(req, 'x-amz-security-token'); headerValue(req, 'x-amz-content-sha256'); });
