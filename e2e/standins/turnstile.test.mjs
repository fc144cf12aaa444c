// The Turnstile stand-in answers siteverify as Cloudflare documents it: node --test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTurnstile, ALWAYS_FAILS, TOKEN_LIFETIME_MS } from './turnstile.mjs';

const SITEKEY = '0x4AAAAAAAstandinsitekey';
const SECRET = '0x4AAAAAAAstandinsecretkey00000000';
let clock = 1_800_000_000_000;
const turnstile = await startTurnstile({ sites: { [SITEKEY]: SECRET }, now: () => clock });
after(() => turnstile.server.close());

async function post(path, body, type = 'application/json') {
  const answer = await fetch(`${turnstile.url}${path}`, {
    method: 'POST', headers: { 'content-type': type },
    body: type === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: answer.status, body: await answer.json() };
}

async function issue(fields = {}) {
  const answer = await post('/turnstile/v0/standin/issue', { sitekey: SITEKEY, hostname: '127.0.0.1', action: 'sspr-reset', ...fields });
  assert.equal(answer.status, 200);
  return answer.body.token;
}

const verify = (fields, type) => post('/turnstile/v0/siteverify', { secret: SECRET, ...fields }, type);

test('a token is good once, with the hostname and action it was solved for', async () => {
  const token = await issue({ cdata: 'c1' });
  const first = await verify({ response: token, remoteip: '203.0.113.7', idempotency_key: 'k1' });
  assert.equal(first.status, 200);
  assert.equal(first.body.success, true);
  assert.deepEqual(first.body['error-codes'], []);
  assert.equal(first.body.hostname, '127.0.0.1');
  assert.equal(first.body.action, 'sspr-reset');
  assert.equal(first.body.cdata, 'c1');
  assert.equal(first.body.challenge_ts, new Date(clock).toISOString());
  const again = await verify({ response: token, idempotency_key: 'k2' });
  assert.deepEqual(again.body, { success: false, 'error-codes': ['timeout-or-duplicate'], messages: [] });
});

test('the same idempotency key gets the first answer again', async () => {
  const token = await issue();
  const first = await verify({ response: token, idempotency_key: 'same' });
  const repeat = await verify({ response: token, idempotency_key: 'same' });
  assert.deepEqual(repeat.body, first.body);
  assert.equal(repeat.body.success, true);
});

test('a token expires after 300 seconds', async () => {
  const token = await issue();
  clock += TOKEN_LIFETIME_MS + 1;
  const late = await verify({ response: token });
  assert.deepEqual(late.body['error-codes'], ['timeout-or-duplicate']);
});

test('the expire knob ends a token now', async () => {
  const token = await issue();
  assert.equal((await post('/turnstile/v0/standin/expire', { token })).status, 200);
  assert.deepEqual((await verify({ response: token })).body['error-codes'], ['timeout-or-duplicate']);
});

test('the secret is checked', async () => {
  const token = await issue();
  assert.deepEqual((await verify({ response: token, secret: 'wrong' })).body['error-codes'], ['invalid-input-secret']);
  assert.deepEqual((await verify({ response: token, secret: '' })).body['error-codes'], ['missing-input-secret']);
  // Not spent by the refused calls.
  assert.equal((await verify({ response: token })).body.success, true);
});

test('missing, unknown and always-failing tokens are refused', async () => {
  assert.deepEqual((await verify({})).body['error-codes'], ['missing-input-response']);
  assert.deepEqual((await verify({ response: 'made-up' })).body['error-codes'], ['invalid-input-response']);
  assert.deepEqual((await verify({ response: ALWAYS_FAILS })).body['error-codes'], ['invalid-input-response']);
});

test('siteverify takes a form body too', async () => {
  const token = await issue();
  const answer = await verify({ response: token }, 'application/x-www-form-urlencoded');
  assert.equal(answer.body.success, true);
});

test('an unknown site key gets no token', async () => {
  const answer = await post('/turnstile/v0/standin/issue', { sitekey: 'nope', hostname: 'h' });
  assert.equal(answer.status, 400);
});

test('the fail knob makes siteverify answer an error status without spending the token', async () => {
  const token = await issue();
  await post('/turnstile/v0/standin/fail', { token, status: 503 });
  const down = await verify({ response: token });
  assert.equal(down.status, 503);
});

test('the client script is served where Cloudflare serves it, readable cross-origin', async () => {
  const answer = await fetch(`${turnstile.url}/turnstile/v0/api.js?render=explicit`);
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('access-control-allow-origin'), '*');
  const script = await answer.text();
  for (const name of ['render(', 'reset(', 'remove(', 'getResponse(', "'expired-callback'", "'error-callback'"]) {
    assert.ok(script.includes(name), name);
  }
  // It parses.
  new Function(script);
});
