// A stand-in for a Web Push service (what FCM, Mozilla's autopush and Apple's push service are
// to a browser's subscriptions), speaking the protocol an application server uses:
//
// - RFC 8030 §5: POST <subscription endpoint> delivers a message; the `TTL` header is
//   required (400 without it), `Urgency` (very-low | low | normal | high) and `Topic` (≤ 32
//   base64url characters; a newer message of the same topic replaces an undelivered one) are
//   optional; the answer is 201 Created with a `Location`. An empty body is a message with no
//   payload (the browser's service worker gets a `push` event whose `data` is null).
// - RFC 8292: `Authorization: vapid t=<JWT>, k=<the application server's P-256 public key,
//   uncompressed point, base64url>`. The JWT is ES256, signed with that key; its `aud` must be
//   this service's origin, its `exp` in the future and at most 24 hours away, and `sub` a
//   `mailto:` or `https:` contact. A subscription made with an application server key only
//   takes messages signed with that key. Missing → 401, invalid → 403.
// - A subscription that no longer exists answers 410 Gone (RFC 8030 §7.3).
//
// Test API: POST /api/subscriptions {key?} → {endpoint} (what a browser's pushManager.subscribe
// would return; `key` is the applicationServerKey it was made with); POST /api/gone {endpoint}
// ends one; GET /api/pushes?endpoint=… lists what was delivered; DELETE /api/pushes clears.
import http from 'node:http';
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { readBody, json, listen } from './http.mjs';

const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);
const DAY_S = 24 * 60 * 60;

/** Why the VAPID authorization is refused (with its status), or null when it holds. */
export function vapidProblem(authorization, origin, nowS = Date.now() / 1000) {
  if (!authorization) return [401, 'missing Authorization: vapid t=…, k=…'];
  const match = /^vapid\s+(.+)$/i.exec(authorization.trim());
  if (!match) return [401, 'the Authorization scheme is not vapid'];
  const params = Object.fromEntries(match[1].split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  }));
  if (!params.t || !params.k) return [401, 'vapid needs t and k'];
  const key = Buffer.from(params.k, 'base64url');
  if (key.length !== 65 || key[0] !== 4) return [403, 'k is not an uncompressed P-256 point'];
  const parts = params.t.split('.');
  if (parts.length !== 3) return [403, 't is not a JWT'];
  let header;
  let claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return [403, 'the JWT does not decode'];
  }
  if (header.alg !== 'ES256') return [403, 'the JWT is not ES256'];
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: key.subarray(1, 33).toString('base64url'), y: key.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const signature = Buffer.from(parts[2], 'base64url');
  const good = signature.length === 64 && verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (!good) return [403, 'the JWT signature does not verify with k'];
  if (claims.aud !== origin) return [403, `aud must be ${origin}`];
  if (typeof claims.exp !== 'number' || claims.exp <= nowS) return [403, 'the JWT has expired'];
  if (claims.exp > nowS + DAY_S) return [403, 'exp is more than 24 hours away'];
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) return [403, 'sub must be a mailto: or https: contact'];
  return null;
}

export function createPush({ origin }) {
  const subscriptions = new Map();
  let pushes = [];

  function subscribe(key) {
    const id = randomBytes(16).toString('base64url');
    const endpoint = `${origin()}/push/${id}`;
    subscriptions.set(endpoint, { key: key ?? null, gone: false });
    return endpoint;
  }

  async function deliver(req, res, endpoint) {
    const subscription = subscriptions.get(endpoint);
    if (!subscription || subscription.gone) return json(res, 410, { error: 'the subscription has expired or was removed' });
    const body = await readBody(req, 4096);
    const ttl = req.headers.ttl;
    if (ttl === undefined || !/^\d+$/.test(ttl)) return json(res, 400, { error: 'a TTL header (seconds) is required' });
    const urgency = req.headers.urgency ?? 'normal';
    if (!URGENCIES.has(urgency)) return json(res, 400, { error: `Urgency must be one of ${[...URGENCIES].join(', ')}` });
    const topic = req.headers.topic;
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) return json(res, 400, { error: 'Topic must be 1 to 32 base64url characters' });
    const problem = vapidProblem(req.headers.authorization, origin());
    if (problem) return json(res, problem[0], { error: problem[1] });
    const k = /k=([^,\s]+)/.exec(req.headers.authorization)[1];
    if (subscription.key && subscription.key !== k) return json(res, 403, { error: 'signed with another key than the subscription was made with' });
    if (topic) pushes = pushes.filter((p) => !(p.endpoint === endpoint && p.topic === topic));
    const id = randomBytes(8).toString('hex');
    pushes.push({ id, endpoint, ttl: Number(ttl), urgency, topic: topic ?? null, bytes: Buffer.byteLength(body), at: Date.now() });
    res.writeHead(201, { location: `${origin()}/message/${id}`, 'content-length': '0' });
    res.end();
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://push');
    try {
      if (req.method === 'POST' && url.pathname.startsWith('/push/')) return await deliver(req, res, `${origin()}${url.pathname}`);
      if (req.method === 'POST' && url.pathname === '/api/subscriptions') {
        const { key } = JSON.parse(await readBody(req, 4096) || '{}');
        return json(res, 201, { endpoint: subscribe(key) });
      }
      if (req.method === 'POST' && url.pathname === '/api/gone') {
        const { endpoint } = JSON.parse(await readBody(req, 4096) || '{}');
        const subscription = subscriptions.get(endpoint);
        if (!subscription) return json(res, 404, { error: 'no such subscription' });
        subscription.gone = true;
        return json(res, 200, {});
      }
      if (req.method === 'GET' && url.pathname === '/api/pushes') {
        const endpoint = url.searchParams.get('endpoint');
        return json(res, 200, pushes.filter((p) => !endpoint || p.endpoint === endpoint));
      }
      if (req.method === 'DELETE' && url.pathname === '/api/pushes') {
        pushes = [];
        return json(res, 200, {});
      }
      return json(res, 404, { error: 'not found' });
    } catch (err) {
      return json(res, err.status ?? 400, { error: err.message });
    }
  }
  return { handle };
}

export async function startPush({ port = 0 } = {}) {
  let origin = '';
  const push = createPush({ origin: () => origin });
  const server = http.createServer((req, res) => push.handle(req, res));
  const bound = await listen(server, port);
  origin = `http://127.0.0.1:${bound}`;
  return { url: origin, port: bound, server };
}
