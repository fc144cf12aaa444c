// The Pwned Passwords stand-in answers as the range API documents, so the edge's check is
// held to the real wire format: the range, the padding, the refusal of a bad prefix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BREACHED, sha1, startPwned } from './pwned.mjs';

let pwned;
before(async () => { pwned = await startPwned({ port: 0 }); });
after(() => pwned.server.close());

const range = (prefix, headers = {}) => fetch(`${pwned.url}/range/${prefix}`, { headers });

test('a breached password\'s range lists its suffix and count, CRLF-separated', async () => {
  const [password, count] = Object.entries(BREACHED)[0];
  const hash = sha1(password);
  const answer = await range(hash.slice(0, 5).toLowerCase());
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('content-type'), /^text\/plain/);
  const body = await answer.text();
  assert.ok(body.split('\r\n').includes(`${hash.slice(5)}:${count}`), body);
});

test('padding fills the range to 800–1,000 lines of count 0, the real entry kept', async () => {
  const [password, count] = Object.entries(BREACHED)[1];
  const hash = sha1(password);
  const lines = (await (await range(hash.slice(0, 5), { 'add-padding': 'true' })).text()).split('\r\n');
  assert.ok(lines.length >= 800 && lines.length <= 1000, `${lines.length} lines`);
  assert.ok(lines.every((line) => /^[0-9A-F]{35}:\d+$/.test(line)));
  assert.deepEqual(lines.filter((line) => !line.endsWith(':0')), [`${hash.slice(5)}:${count}`]);
});

test('an unknown range is empty without padding, and a bad prefix is 400', async () => {
  assert.equal(await (await range('00000')).text(), '');
  for (const bad of ['0000', '00000F', 'GGGGG']) {
    const answer = await range(bad);
    assert.equal(answer.status, 400, bad);
    assert.equal(await answer.text(), 'The hash prefix was not in a valid format');
  }
});

test('what was asked is listed, and an outage answers its status or drops the connection', async () => {
  await fetch(`${pwned.url}/api/asked`, { method: 'DELETE' });
  await range('ABCDE', { 'add-padding': 'true' });
  assert.deepEqual(await (await fetch(`${pwned.url}/api/asked`)).json(), [{ prefix: 'ABCDE', padding: true }]);
  await fetch(`${pwned.url}/api/outage`, { method: 'POST', body: JSON.stringify({ status: 503 }) });
  assert.equal((await range('ABCDE')).status, 503);
  await fetch(`${pwned.url}/api/outage`, { method: 'POST', body: JSON.stringify({ status: 0 }) });
  await assert.rejects(range('ABCDE'));
  await fetch(`${pwned.url}/api/outage`, { method: 'DELETE' });
  assert.equal((await range('ABCDE')).status, 200);
});
