// A stand-in for Have I Been Pwned's Pwned Passwords range API, in its documented wire format
// (https://haveibeenpwned.com/API/v3#PwnedPasswords):
//
// - GET /range/{first 5 hex digits of a SHA-1} answers 200 text/plain, one `SUFFIX:COUNT` line
//   per hash of that range it knows (the other 35 hex digits, upper case, and how many times
//   it was seen), lines ended by CRLF. A prefix that is not 5 hex digits is 400 "The hash
//   prefix was not in a valid format".
// - With the request header `Add-Padding: true` the answer is padded with random suffixes of
//   count 0, to between 800 and 1,000 lines, as the real service pads it.
//
// It knows only BREACHED (below), so a test can choose a password that is "breached" and
// know that every other is not. Test API: GET /api/asked lists what was asked ({prefix,
// padding}), DELETE /api/asked clears it; POST /api/outage {status} makes every range answer
// that HTTP status (0: the connection is dropped), DELETE /api/outage ends it.
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { readBody, json, listen } from './http.mjs';

/** Passwords the stand-in lists as breached, with their counts. */
export const BREACHED = {
  'Purple-Monkey-Dishwasher-77': 4821,
  'Leaked-Lantern-Harbour-5': 17,
};

const PREFIX = /^[0-9A-Fa-f]{5}$/;

/** The upper-case hex SHA-1 of `password`'s UTF-8 bytes. */
export function sha1(password) {
  return createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
}

/** The stand-in's state and request handler. */
export function createPwned({ breached = BREACHED } = {}) {
  const known = new Map(Object.entries(breached).map(([password, count]) => [sha1(password), count]));
  const asked = [];
  let outage = null;

  /** The lines of the range `prefix` (upper case), padded when asked. */
  function range(prefix, padding) {
    const lines = [];
    for (const [hash, count] of known) {
      if (hash.startsWith(prefix)) lines.push(`${hash.slice(5)}:${count}`);
    }
    if (padding) {
      const total = 800 + Math.floor(Math.random() * 201);
      while (lines.length < total) {
        lines.push(`${randomBytes(18).toString('hex').toUpperCase().slice(0, 35)}:0`);
      }
      lines.sort();
    }
    return lines.join('\r\n');
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://standin');
    if (url.pathname === '/api/asked') {
      if (req.method === 'DELETE') asked.length = 0;
      return json(res, 200, asked);
    }
    if (url.pathname === '/api/outage') {
      if (req.method === 'DELETE') {
        outage = null;
        return json(res, 200, {});
      }
      const body = JSON.parse((await readBody(req)) || '{}');
      if (!Number.isInteger(body.status)) return json(res, 400, { error: 'status must be an integer (0 drops the connection)' });
      outage = body.status;
      return json(res, 200, {});
    }
    const match = /^\/range\/([^/]*)$/.exec(url.pathname);
    if (!match || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not found');
    }
    const prefix = match[1];
    const padding = (req.headers['add-padding'] ?? '').toLowerCase() === 'true';
    asked.push({ prefix, padding });
    if (outage === 0) return req.socket.destroy();
    if (outage !== null) {
      res.writeHead(outage, { 'content-type': 'text/plain' });
      return res.end('Service unavailable');
    }
    if (!PREFIX.test(prefix)) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end('The hash prefix was not in a valid format');
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(range(prefix.toUpperCase(), padding));
  }

  return { handle };
}

/** Starts the stand-in on `port` (0: any); resolves to `{ port, url }` once it listens. */
export async function startPwned({ port = 0, breached } = {}) {
  const { handle } = createPwned({ breached });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => json(res, 500, { error: String(err) }));
  });
  const bound = await listen(server, port);
  return { port: bound, url: `http://127.0.0.1:${bound}`, server };
}
