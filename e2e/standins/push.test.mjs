// The Web Push stand-in refuses what a push service refuses (RFC 8030, RFC 8292), so the
// edge's sender is held to the real protocol: node's own ES256 signs the VAPID tokens here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { startPush } from './push.mjs';

let push;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = publicKey.export({ format: 'jwk' });
const k = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]).toString('base64url');

function vapid(claims, key = privateKey) {
  const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `vapid t=${header}.${payload}.${signature}, k=${k}`;
}

const good = () => ({ aud: push.url, exp: Math.floor(Date.now() / 1000) + 3600, sub: 'mailto:it@example.com' });

async function subscription(key = k) {
  const answer = await fetch(`${push.url}/api/subscriptions`, { method: 'POST', body: JSON.stringify({ key }) });
  return (await answer.json()).endpoint;
}

function send(endpoint, headers) {
  return fetch(endpoint, { method: 'POST', headers: { 'content-length': '0', ...headers } });
}

before(async () => { push = await startPush({ port: 0 }); });
after(() => push.server.close());

test('a message with TTL and a valid VAPID token is delivered once per topic', async () => {
  const endpoint = await subscription();
  for (let i = 0; i < 2; i++) {
    const answer = await send(endpoint, { ttl: '120', urgency: 'high', topic: 'approval', authorization: vapid(good()) });
    assert.equal(answer.status, 201);
    assert.match(answer.headers.get('location'), /\/message\//);
  }
  const pushes = await (await fetch(`${push.url}/api/pushes?endpoint=${encodeURIComponent(endpoint)}`)).json();
  assert.equal(pushes.length, 1, 'the second message of the topic replaced the first');
  assert.equal(pushes[0].urgency, 'high');
});

test('a message without TTL or authorization is refused', async () => {
  const endpoint = await subscription();
  assert.equal((await send(endpoint, { authorization: vapid(good()) })).status, 400);
  assert.equal((await send(endpoint, { ttl: '60' })).status, 401);
});

test('a token for another audience, expired, too long-lived or signed by another key is 403', async () => {
  const endpoint = await subscription();
  const now = Math.floor(Date.now() / 1000);
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  for (const authorization of [
    vapid({ ...good(), aud: 'https://fcm.googleapis.com' }),
    vapid({ ...good(), exp: now - 1 }),
    vapid({ ...good(), exp: now + 25 * 3600 }),
    vapid({ ...good(), sub: 'it@example.com' }),
    vapid(good(), other),
  ]) {
    assert.equal((await send(endpoint, { ttl: '60', authorization })).status, 403, authorization);
  }
});

test('a subscription made with another application server key takes nothing signed by this one', async () => {
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const otherK = Buffer.concat([Buffer.from([4]), Buffer.from(other.x, 'base64url'), Buffer.from(other.y, 'base64url')]).toString('base64url');
  const endpoint = await subscription(otherK);
  assert.equal((await send(endpoint, { ttl: '60', authorization: vapid(good()) })).status, 403);
});

test('a removed subscription is 410 Gone', async () => {
  const endpoint = await subscription();
  await fetch(`${push.url}/api/gone`, { method: 'POST', body: JSON.stringify({ endpoint }) });
  assert.equal((await send(endpoint, { ttl: '60', authorization: vapid(good()) })).status, 410);
});
