// The mailbox stand-in's signed email webhook (POST /sspr/email), against the exact request
// the edge's webhook mailer builds (e2e/fixtures/email-webhook-request.json, written and
// checked by the Rust test `senders::webhook_mail::tests::the_golden_request_matches_the_fixture`).
// Run by `cargo xtask test` as `node --test e2e/standins/mailbox.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startMailbox } from './mailbox.mjs';
import { signatureProblem } from './http.mjs';

const golden = JSON.parse(readFileSync(new URL('../fixtures/email-webhook-request.json', import.meta.url), 'utf8'));
let mailbox;
let base;

before(async () => {
  mailbox = await startMailbox({ port: 0, apiKey: 're_test', webhookSecret: golden.secret });
  base = `http://127.0.0.1:${mailbox.port}`;
});
after(() => mailbox.server.close());

test('the edge\'s signature of the golden request holds in Node, and a changed body does not', () => {
  const at = Number(golden.headers['sspr-timestamp']);
  assert.equal(signatureProblem(golden.secret, golden.headers, golden.body, at), null);
  assert.equal(signatureProblem(golden.secret, golden.headers, golden.body.replace('123456', '654321'), at), 'signature mismatch');
  assert.equal(signatureProblem('another secret of enough length 0000', golden.headers, golden.body, at), 'signature mismatch');
  assert.equal(signatureProblem(golden.secret, golden.headers, golden.body, at + 301), 'stale Sspr-Timestamp');
});

function signedNow(body, key, secret = golden.secret) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return { 'sspr-timestamp': timestamp, 'sspr-signature': signature, 'idempotency-key': key, 'content-type': 'application/json' };
}

test('a signed message lands once per idempotency key; unsigned or mis-signed ones are refused', async () => {
  const body = golden.body;
  const post = (headers) => fetch(`${base}/sspr/email`, { method: 'POST', headers, body });
  assert.equal((await post({ 'content-type': 'application/json' })).status, 401);
  assert.equal((await post(signedNow(body, 'k1', 'a wrong secret that is long enough'))).status, 401);
  const first = await post(signedNow(body, 'k1'));
  assert.equal(first.status, 200);
  const again = await post(signedNow(body, 'k1'));
  assert.deepEqual(await again.json(), await first.json());
  const messages = await (await fetch(`${base}/api/messages?to=alice@example.com`)).json();
  assert.equal(messages.length, 1);
  assert.equal(messages[0].subject, 'Your Contoso verification code');
  assert.equal(messages[0].via, 'webhook');
});
