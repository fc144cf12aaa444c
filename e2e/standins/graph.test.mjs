// The Graph stand-in's token endpoint: the client-credentials grant with a client secret and
// with a certificate's client assertion, checked the way the identity platform documents it.
// The edge's own assertions are checked end to end by the Graph edge in `cargo xtask test`
// (it signs with e2e/fixtures/graph/app-key.pem); this test proves the stand-in refuses what
// Entra refuses. Run by `cargo xtask test` with `node --test`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { X509Certificate, createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign, constants } from 'node:crypto';
import { startGraph } from './graph.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/graph/${name}`, import.meta.url), 'utf8');
const certificate = fixture('app-cert.pem');
const key = createPrivateKey(fixture('app-key.pem'));
const TENANT = 'contoso.onmicrosoft.com';
const CLIENT = '5a3b1c2d-0e4f-4a6b-8c9d-0e1f2a3b4c5d';
const SECRET = 'abcd~0123456789abcdef';
let graph;
let tokenUrl;

before(async () => {
  graph = await startGraph({ port: 0, tenant: TENANT, clientId: CLIENT, clientSecret: SECRET, certificate });
  tokenUrl = `http://127.0.0.1:${graph.port}/${TENANT}/oauth2/v2.0/token`;
});
after(() => graph.server.close());

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const thumbprint = (hash) => createHash(hash).update(new X509Certificate(certificate).raw).digest('base64url');

/** A client assertion as Microsoft documents it, with `changes` applied. */
function assertion({ alg = 'PS256', header = {}, claims = {}, signWith = key } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg, typ: 'JWT', 'x5t#S256': thumbprint('sha256'), ...header });
  const body = b64({ aud: tokenUrl, iss: CLIENT, sub: CLIENT, jti: randomUUID(), nbf: now, iat: now, exp: now + 600, ...claims });
  const padding = alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), { key: signWith, padding, saltLength: 32 });
  return `${head}.${body}.${signature.toString('base64url')}`;
}

const ask = (fields) => fetch(tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    client_id: CLIENT, scope: 'https://graph.microsoft.com/.default', grant_type: 'client_credentials', ...fields,
  }).toString(),
});
const withAssertion = (jwt) => ask({
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt,
});
const aadsts = async (response) => {
  const body = await response.json();
  return [response.status, body.error, body.error_codes[0]];
};

test('a client secret gets a token, a wrong one is invalid_client', async () => {
  const good = await ask({ client_secret: SECRET });
  assert.equal(good.status, 200);
  assert.equal((await good.json()).token_type, 'Bearer');
  assert.deepEqual(await aadsts(await ask({ client_secret: 'nope' })), [401, 'invalid_client', 7000215]);
});

test('a PS256 assertion with x5t#S256 gets a token, once', async () => {
  const jwt = assertion();
  const first = await withAssertion(jwt);
  assert.equal(first.status, 200, await first.clone().text());
  assert.deepEqual(await aadsts(await withAssertion(jwt)), [401, 'invalid_client', 50027]);
});

test('an RS256 assertion with the SHA-1 x5t, the older documented form, gets a token', async () => {
  const jwt = assertion({ alg: 'RS256', header: { 'x5t#S256': undefined, x5t: thumbprint('sha1') } });
  assert.equal((await withAssertion(jwt)).status, 200);
});

test('assertions Entra refuses are refused with its codes', async () => {
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const cases = [
    [assertion({ signWith: other }), 7000274],
    [assertion({ header: { 'x5t#S256': 'AAAA' } }), 700027],
    [assertion({ claims: { aud: 'https://login.microsoftonline.com/common/oauth2/v2.0/token' } }), 700212],
    [assertion({ claims: { iss: 'someone-else' } }), 700021],
    [assertion({ claims: { exp: Math.floor(Date.now() / 1000) - 10 } }), 700024],
    [assertion({ alg: 'HS256' }), 5002738],
    ['not.a.jwt', 50027],
  ];
  for (const [jwt, code] of cases) {
    assert.deepEqual(await aadsts(await withAssertion(jwt)), [401, 'invalid_client', code], `expected AADSTS${code}`);
  }
});

test('the administrators are the members of the activated directory roles, page by page', async () => {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope: 'https://graph.microsoft.com/.default' });
  const { access_token: token } = await (await fetch(tokenUrl, { method: 'POST', body: form })).json();
  const get = async (url) => (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
  const base = `http://127.0.0.1:${graph.port}/v1.0`;
  const roles = await get(`${base}/directoryRoles?$select=id,displayName,roleTemplateId`);
  assert.deepEqual(roles.value.map((r) => r.displayName), ['Helpdesk Administrator']);
  const mails = [];
  let next = `${base}/directoryRoles/${roles.value[0].id}/members?$select=displayName,mail,userPrincipalName`;
  while (next) {
    const page = await get(next);
    assert.equal(page.value[0]['@odata.type'], '#microsoft.graph.user');
    mails.push(...page.value.map((m) => m.mail));
    next = page['@odata.nextLink'];
  }
  assert.deepEqual(mails, ['dana@example.com', 'dana2@example.com', 'dana3@example.com', 'dana4@example.com', 'omar@example.com']);
});
