// A selection of AWS's published SigV4 test suite (docs.aws.amazon.com, "Signature Version 4
// test suite"): the request as sent, the canonical request AWS expects, and the signature.
// Credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20150830T123600Z,
// us-east-1, service "service".

export interface Vector {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: string;
  readonly signedHeaders: string;
  readonly creq: string;
  readonly signature: string;
}

const DATE = '20150830T123600Z';
const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HOST: readonly [string, string] = ['Host', 'example.amazonaws.com'];
const XDATE: readonly [string, string] = ['X-Amz-Date', DATE];
const UNRESERVED = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const simple = (name: string, method: string, path: string, query: string, canonPath: string, canonQuery: string, signature: string): Vector => ({
  name,
  method,
  path,
  query,
  headers: [HOST, XDATE],
  body: '',
  signedHeaders: 'host;x-amz-date',
  creq: `${method}\n${canonPath}\n${canonQuery}\nhost:example.amazonaws.com\nx-amz-date:${DATE}\n\nhost;x-amz-date\n${EMPTY_HASH}`,
  signature,
});

export const VECTORS: readonly Vector[] = [
  simple('get-vanilla', 'GET', '/', '', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'),
  simple('get-unreserved', 'GET', `/${UNRESERVED}`, '', `/${UNRESERVED}`, '', '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f'),
  simple('get-vanilla-query-order-key', 'GET', '/', 'Param1=value2&Param1=Value1', '/', 'Param1=Value1&Param1=value2', 'eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1'),
  simple('get-vanilla-query-order-key-case', 'GET', '/', 'Param2=value2&Param1=value1', '/', 'Param1=value1&Param2=value2', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'),
  simple('get-vanilla-query-order-value', 'GET', '/', 'Param1=value2&Param1=value1', '/', 'Param1=value1&Param1=value2', '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694'),
  simple('get-vanilla-query-unreserved', 'GET', '/', `${UNRESERVED}=${UNRESERVED}`, '/', `${UNRESERVED}=${UNRESERVED}`, '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197'),
  simple('get-vanilla-utf8-query', 'GET', '/', 'ሴ=bar', '/', '%E1%88%B4=bar', '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04'),
  simple('get-relative', 'GET', '/example/..', '', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'),
  simple('get-relative-relative', 'GET', '/example1/example2/../..', '', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'),
  simple('get-slash', 'GET', '//', '', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'),
  simple('get-slash-dot-slash', 'GET', '/./', '', '/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'),
  simple('get-slash-pointless-dot', 'GET', '/./example', '', '/example', '', 'ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5'),
  simple('get-slashes', 'GET', '//example//', '', '/example/', '', '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84'),
  simple('get-space', 'GET', '/example space/', '', '/example%20space/', '', '652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741'),
  simple('post-vanilla', 'POST', '/', '', '/', '', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'),
  simple('post-vanilla-query', 'POST', '/', 'Param1=value1', '/', 'Param1=value1', '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11'),
  {
    name: 'get-header-key-duplicate',
    method: 'GET',
    path: '/',
    query: '',
    headers: [HOST, ['My-Header1', 'value2'], ['My-Header1', 'value2'], ['My-Header1', 'value1'], XDATE],
    body: '',
    signedHeaders: 'host;my-header1;x-amz-date',
    creq: `GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:${DATE}\n\nhost;my-header1;x-amz-date\n${EMPTY_HASH}`,
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  {
    name: 'get-header-value-order',
    method: 'GET',
    path: '/',
    query: '',
    headers: [HOST, ['My-Header1', 'value4'], ['My-Header1', 'value1'], ['My-Header1', 'value3'], ['My-Header1', 'value2'], XDATE],
    body: '',
    signedHeaders: 'host;my-header1;x-amz-date',
    creq: `GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:${DATE}\n\nhost;my-header1;x-amz-date\n${EMPTY_HASH}`,
    signature: '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01',
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    path: '/',
    query: '',
    headers: [HOST, ['My-Header1', ' value1'], ['My-Header2', ' "a   b   c"'], XDATE],
    body: '',
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    creq: `GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:"a b c"\nx-amz-date:${DATE}\n\nhost;my-header1;my-header2;x-amz-date\n${EMPTY_HASH}`,
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  {
    name: 'post-header-value-case',
    method: 'POST',
    path: '/',
    query: '',
    headers: [HOST, ['My-Header1', 'VALUE1'], XDATE],
    body: '',
    signedHeaders: 'host;my-header1;x-amz-date',
    creq: `POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:${DATE}\n\nhost;my-header1;x-amz-date\n${EMPTY_HASH}`,
    signature: 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d',
  },
  {
    name: 'post-sts-header-before',
    method: 'POST',
    path: '/',
    query: '',
    headers: [HOST, XDATE, ['X-Amz-Security-Token', 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==']],
    body: '',
    signedHeaders: 'host;x-amz-date;x-amz-security-token',
    creq: `POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:${DATE}\nx-amz-security-token:AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==\n\nhost;x-amz-date;x-amz-security-token\n${EMPTY_HASH}`,
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
  },
];
