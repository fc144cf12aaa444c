// The OpenID Connect stand-in gives genuine ID tokens: signed with the key its JWKS names,
// for the demo client, with the claims the edge reads (preferred_username, groups).
// The demo site signs a visitor in there and hands the page the ID token.
// Run by `cargo xtask test` as `node --test e2e/standins/oidc.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { startOidc, signIn, follow, OIDC_CLIENT_ID } from './oidc.mjs';
import { startSite } from './site.mjs';

const SITE = 'http://127.0.0.1:8080';
let idp;

before(async () => {
  idp = await startOidc({ port: 0, redirectUris: [`${SITE}/oidc/callback`] });
});
after(() => idp.server.close());

const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

async function keys() {
  const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
  assert.equal(discovery.issuer, idp.issuer);
  return (await (await fetch(discovery.jwks_uri)).json()).keys;
}

test('discovery names the issuer and a JWKS with an RS256 and an ES256 key', async () => {
  const published = await keys();
  assert.deepEqual(published.map((k) => [k.kty, k.alg, k.use]), [['RSA', 'RS256', 'sig'], ['EC', 'ES256', 'sig']]);
  assert.ok(published.every((k) => k.kid && !k.d), 'public keys with kids only');
});

test('signing in gives an RS256 ID token for the demo client with the username and groups', async () => {
  const tokens = await signIn({ issuer: idp.issuer, username: 'dana', nonce: 'n-1' });
  const [header, payload, signature] = tokens.id_token.split('.');
  const { alg, kid } = decode(header);
  assert.equal(alg, 'RS256');
  const jwk = (await keys()).find((k) => k.kid === kid);
  assert.ok(jwk, 'the header names a published key');
  const valid = verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  assert.ok(valid, 'the signature verifies with the published key');
  const claims = decode(payload);
  assert.equal(claims.iss, idp.issuer);
  assert.equal(claims.aud, OIDC_CLIENT_ID);
  assert.equal(claims.preferred_username, 'dana');
  assert.deepEqual(claims.groups, ['it-admins']);
  assert.equal(claims.nonce, 'n-1');
  const now = Date.now() / 1000;
  assert.ok(claims.iat <= now + 1 && claims.exp > now + 600, 'issued now, valid for a while');
});

test('a staff member has no admin group', async () => {
  const { id_token: token } = await signIn({ issuer: idp.issuer, username: 'alice' });
  const claims = decode(token.split('.')[1]);
  assert.equal(claims.preferred_username, 'alice');
  assert.deepEqual(claims.groups, ['staff']);
});

test('the test endpoint hands out tokens for enabled seed users only', async () => {
  const res = await fetch(`${idp.issuer}/test/id-token?username=bob`);
  assert.equal(res.status, 200);
  assert.equal(decode((await res.json()).id_token.split('.')[1]).preferred_username, 'bob');
  for (const username of ['nobody', 'carol']) {
    assert.equal((await fetch(`${idp.issuer}/test/id-token?username=${username}`)).status, 404, username);
  }
});

test('the token endpoint answers CORS for the demo site only', async () => {
  const preflight = (origin) => fetch(`${idp.issuer}/token`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST' },
  });
  const allowed = await preflight(SITE);
  assert.equal(allowed.headers.get('access-control-allow-origin'), SITE);
  // A preflight is answered for any origin; the actual response carries the origin only
  // when clientBasedCORS allows it, so check a real request from another origin.
  const other = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x', client_id: OIDC_CLIENT_ID, redirect_uri: `${SITE}/oidc/callback`, code_verifier: 'x'.repeat(43) }),
  });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('the demo site signs a visitor in and hands the page the ID token in the fragment', async () => {
  const site = await startSite({ port: 0, dist: '/nonexistent', edge: 'http://edge', cdn: 'http://cdn', mailbox: '', sms: '', directory: null });
  const provider = await startOidc({ port: 0, redirectUris: [`${site.origin}/oidc/callback`] });
  site.setOidc(provider.issuer);
  try {
    const back = await follow(`${site.origin}/oidc/login?return=/register.html`, { username: 'bob', until: `${site.origin}/register.html` });
    const token = new URLSearchParams(back.hash.slice(1)).get('id_token');
    const claims = decode(token.split('.')[1]);
    assert.equal(claims.iss, provider.issuer);
    assert.equal(claims.aud, OIDC_CLIENT_ID);
    assert.equal(claims.preferred_username, 'bob');
    assert.equal(back.search, '', 'nothing of the sign-in in the query');
    const offsite = await fetch(`${site.origin}/oidc/login?return=//evil.example/`, { redirect: 'manual' });
    assert.equal(offsite.status, 400);
    const replay = await fetch(`${site.origin}/oidc/callback?code=x&state=unknown`, { redirect: 'manual' });
    assert.equal(replay.status, 400);
  } finally {
    site.server.close();
    provider.server.close();
  }
});
