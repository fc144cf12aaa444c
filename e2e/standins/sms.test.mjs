// The SMS stand-in against Twilio's wire format, and against the exact request the edge's
// Twilio adapter builds (e2e/fixtures/twilio-request.json, written and checked by the Rust
// test `senders::twilio::tests::the_golden_request_matches_the_fixture`).
// Run by `cargo xtask test` as `node --test e2e/standins/sms.test.mjs`.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSms, segments } from './sms.mjs';

const golden = JSON.parse(readFileSync(new URL('../fixtures/twilio-request.json', import.meta.url), 'utf8'));
const FROM = '+15005550006';
let sms;
let base;

before(async () => {
  sms = await startSms({ port: 0, accountSid: golden.account_sid, authToken: golden.auth_token });
  base = `http://127.0.0.1:${sms.port}`;
});
after(() => sms.server.close());
beforeEach(() => fetch(`${base}/api/messages`, { method: 'DELETE' }));

const path = `/2010-04-01/Accounts/${golden.account_sid}/Messages.json`;
const auth = (sid, token) => 'Basic ' + Buffer.from(`${sid}:${token}`).toString('base64');
const send = (fields, { authorization = golden.headers.authorization, to = path } = {}) =>
  fetch(base + to, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

test('the request the Rust adapter builds is accepted and stored as sent', async () => {
  const res = await fetch(base + golden.path, { method: golden.method, headers: golden.headers, body: golden.body });
  assert.equal(res.status, 201);
  const message = await res.json();
  const form = new URLSearchParams(golden.body);
  assert.match(message.sid, /^SM[0-9a-f]{32}$/);
  assert.equal(message.account_sid, golden.account_sid);
  assert.equal(message.to, form.get('To'));
  assert.equal(message.from, form.get('From'));
  assert.equal(message.body, form.get('Body'));
  assert.equal(message.status, 'queued');
  assert.equal(message.api_version, '2010-04-01');
  assert.equal(message.num_segments, '1');
  assert.match(message.date_created, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  assert.equal(message.uri, `/2010-04-01/Accounts/${golden.account_sid}/Messages/${message.sid}.json`);
  const stored = await (await fetch(`${base}/api/messages`)).json();
  assert.deepEqual(stored.map(({ sid, to, from, body }) => ({ sid, to, from, body })), [
    { sid: message.sid, to: form.get('To'), from: FROM, body: form.get('Body') },
  ]);
  assert.ok(stored[0].body.endsWith('\n\n@login.contoso.com #123456'));
});

test('a wrong auth token or no credentials get 401 with code 20003', async () => {
  for (const authorization of [auth(golden.account_sid, 'wrong'), '']) {
    const res = await send({ To: '+14155550100', From: FROM, Body: 'x' }, { authorization });
    assert.equal(res.status, 401);
    const err = await res.json();
    assert.deepEqual([err.code, err.status], [20003, 401]);
    assert.equal(err.more_info, 'https://www.twilio.com/docs/errors/20003');
  }
  assert.equal(sms.messages.length, 0);
});

test('another account in the path is not found', async () => {
  const res = await send({ To: '+14155550100', From: FROM, Body: 'x' }, { to: `/2010-04-01/Accounts/AC${'f'.repeat(32)}/Messages.json` });
  assert.equal(res.status, 404);
  assert.equal((await res.json()).code, 20404);
});

test('a To that is not E.164 gets 400 with code 21211, a missing one 21604', async () => {
  for (const to of ['4155550100', '+0155550100', '+1 415 555 0100', '+1234567']) {
    const res = await send({ To: to, From: FROM, Body: 'x' });
    assert.equal(res.status, 400, to);
    assert.equal((await res.json()).code, 21211, to);
  }
  const res = await send({ From: FROM, Body: 'x' });
  assert.deepEqual([res.status, (await res.json()).code], [400, 21604]);
});

test('From or MessagingServiceSid is required (21603)', async () => {
  const res = await send({ To: '+14155550100', Body: 'x' });
  assert.deepEqual([res.status, (await res.json()).code], [400, 21603]);
});

test('a Messaging Service sender is accepted, as Twilio answers before picking a number', async () => {
  const service = 'MG' + 'a'.repeat(32);
  const res = await send({ To: '+14155550100', MessagingServiceSid: service, Body: 'x' });
  assert.equal(res.status, 201);
  const message = await res.json();
  assert.deepEqual([message.from, message.messaging_service_sid, message.status, message.num_segments], [null, service, 'accepted', '0']);
});

test('the body is required (21602) and at most 1600 characters (21617)', async () => {
  let res = await send({ To: '+14155550100', From: FROM });
  assert.deepEqual([res.status, (await res.json()).code], [400, 21602]);
  res = await send({ To: '+14155550100', From: FROM, Body: 'x'.repeat(1601) });
  assert.deepEqual([res.status, (await res.json()).code], [400, 21617]);
  res = await send({ To: '+14155550100', From: FROM, Body: 'x'.repeat(1600) });
  assert.equal(res.status, 201);
});

test('segments follow GSM-7 and UCS-2 sizes', () => {
  assert.equal(segments('x'.repeat(160)), 1);
  assert.equal(segments('x'.repeat(161)), 2);
  assert.equal(segments('€'.repeat(80)), 1); // two septets each
  assert.equal(segments('€'.repeat(81)), 2);
  assert.equal(segments('ł'.repeat(70)), 1); // not GSM-7: UCS-2
  assert.equal(segments('ł'.repeat(71)), 2);
});

test('the inbox page escapes what it shows', async () => {
  await send({ To: '+14155550100', From: FROM, Body: '<script>alert(1)</script>' });
  const html = await (await fetch(`${base}/`)).text();
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes('<script>'));
});

test('messages can be filtered by recipient and cleared', async () => {
  await send({ To: '+14155550100', From: FROM, Body: 'one' });
  await send({ To: '+14155550101', From: FROM, Body: 'two' });
  const to = await (await fetch(`${base}/api/messages?to=${encodeURIComponent('+14155550101')}`)).json();
  assert.deepEqual(to.map((m) => m.body), ['two']);
  await fetch(`${base}/api/messages`, { method: 'DELETE' });
  assert.deepEqual(await (await fetch(`${base}/api/messages`)).json(), []);
});
