// Serves the demo login page (the widget's Trunk build in dist/) under a strict CSP, fills in
// the edge, CDN and mailbox addresses, and answers the page's own sign-in form from the
// directory. A second server plays the CDN: it serves only the widget's two files, from
// another origin, with the CORS headers a CDN sends, so every test loads the widget
// cross-origin as a real host page would.
//
// With an OpenID Connect provider set (setOidc), the site also signs its visitors in there,
// as a host site's backend would before showing registration: GET /oidc/login?return=/path
// sends the browser to the provider (code flow, PKCE), and /oidc/callback redeems the code
// and sends the browser back to /path with the ID token in the fragment (#id_token=…),
// which never reaches a server and which the page hands to the edge as a bearer token.
import http from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readBody, json, listen } from './http.mjs';
import { authorizationQuery, exchange, OIDC_CLIENT_ID } from './oidc.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.ico': 'image/x-icon', '.ftl': 'text/plain; charset=utf-8',
};

/** The files a host page downloads for the widget, and the languages it fetches on demand. */
const WIDGET_FILES = /^(sspr\.js|sspr-widget_bg\.wasm|sspr-register\.js|sspr-register_bg\.wasm|sspr-report\.js|sspr-report_bg\.wasm|sspr-approver\.js|sspr-approver_bg\.wasm|sspr-strength\.js|sspr-strength_bg\.wasm|locales\/[A-Za-z-]+\.ftl)$/;

/**
 * An `sspr1.` sign-in ticket (see sspr_core::ticket): what a host's backend mints for the
 * signed-in user with the secret it shares with the edge (REGISTRATION_TICKET_KEY).
 */
export function mintTicket(key, sub, iat, lifetimeSecs) {
  const payload = Buffer.from(JSON.stringify({ sub, iat, exp: iat + lifetimeSecs })).toString('base64url');
  const signed = `sspr1.${payload}`;
  return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
}

export function createSite({ dist, edge, approverEdge = edge, cdn, mailbox, sms, directory, ticketKey, otherEdges = [], turnstile }) {
  const root = path.resolve(dist);
  const examples = path.resolve(root, '..', 'examples');
  // With the Turnstile stand-in, pages may load its api.js and it may fetch its tokens (the
  // real script needs script-src and frame-src https://challenges.cloudflare.com instead).
  const extra = turnstile ? ` ${turnstile}` : '';
  const csp = [
    "default-src 'none'", `script-src 'self' ${cdn}${extra} 'wasm-unsafe-eval'`, "style-src 'self'", "img-src 'self' data:",
    `connect-src 'self' ${[edge, ...otherEdges, cdn].join(' ')}${extra}`, "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; ');
  const site = { server: null, origin: null, oidc: null };
  // Sign-ins under way, by state: the PKCE verifier and where to go back to.
  const pending = new Map();

  async function handle(req, res) {
    const url = new URL(req.url, 'http://site');
    if (req.method === 'POST' && url.pathname === '/demo/login') {
      const { username, password } = JSON.parse((await readBody(req, 8192)) || '{}');
      return json(res, 200, directory.login(username, password));
    }
    if (req.method === 'GET' && url.pathname === '/oidc/login') {
      const back = url.searchParams.get('return') ?? '/';
      if (!site.oidc) return json(res, 404, { error: 'no OpenID Connect provider' });
      if (!back.startsWith('/') || back.startsWith('//')) return json(res, 400, { error: 'return must be a path of this site' });
      const state = randomBytes(16).toString('base64url');
      const verifier = randomBytes(32).toString('base64url');
      pending.set(state, { verifier, back });
      const query = authorizationQuery({
        clientId: OIDC_CLIENT_ID, redirectUri: `${site.origin}/oidc/callback`, verifier, state,
        nonce: randomBytes(16).toString('base64url'),
      });
      res.writeHead(302, { location: `${site.oidc}/auth?${query}`, 'cache-control': 'no-store' });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/oidc/callback') {
      const signIn = pending.get(url.searchParams.get('state'));
      pending.delete(url.searchParams.get('state'));
      const code = url.searchParams.get('code');
      if (!signIn || !code) return json(res, 400, { error: url.searchParams.get('error') ?? 'unknown sign-in' });
      const tokens = await exchange({ issuer: site.oidc, redirectUri: `${site.origin}/oidc/callback`, code, verifier: signIn.verifier });
      res.writeHead(302, { location: `${signIn.back}#id_token=${tokens.id_token}`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/demo/ticket') {
      // The example registration page's "backend": the signed-in user is whoever the page
      // names (a real host takes them from its session). `age` back-dates the sign-in, in
      // seconds; an age past the 15-minute lifetime gives an expired ticket.
      if (!ticketKey) return json(res, 503, { error: 'SSPR_REGISTRATION_TICKET_KEY is not set' });
      const { user, age = 0 } = JSON.parse((await readBody(req, 8192)) || '{}');
      if (typeof user !== 'string' || !user) return json(res, 400, { error: 'user is required' });
      const iat = Math.floor(Date.now() / 1000) - Math.max(0, Number(age) || 0);
      return json(res, 200, { ticket: mintTicket(ticketKey, user, iat, 15 * 60) });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    // A folder's address serves its index.html (/ and /approver/, the phone's page).
    const relative = `${decodeURIComponent(url.pathname).replace(/^\/+/, '')}${url.pathname.endsWith('/') ? 'index.html' : ''}`;
    // /examples/… are the example host pages in the repository; everything else is dist/.
    const [base, rest] = relative.startsWith('examples/') ? [examples, relative.slice('examples/'.length)] : [root, relative];
    const file = path.resolve(base, rest);
    if (!file.startsWith(base + path.sep)) return json(res, 404, { error: 'not found' });
    let data;
    try {
      data = await readFile(file);
    } catch {
      return json(res, 404, { error: 'not found' });
    }
    const ext = path.extname(file);
    if (ext === '.html') {
      data = data.toString('utf8').replaceAll('__SSPR_APPROVER_EDGE__', approverEdge).replaceAll('__SSPR_EDGE__', edge).replaceAll('__SSPR_CDN__', cdn).replaceAll('__SSPR_MAILBOX__', mailbox).replaceAll('__SSPR_SMS__', sms);
    }
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  site.server = http.createServer((req, res) => {
    handle(req, res).catch((err) => json(res, 500, { error: err.message }));
  });
  /** Signs visitors in at this issuer from now on (the provider starts after the site). */
  site.setOidc = (issuer) => { site.oidc = issuer; };
  return site;
}

export async function startSite({ port, ...options }) {
  const site = createSite(options);
  site.port = await listen(site.server, port);
  site.origin = `http://127.0.0.1:${site.port}`;
  return site;
}

/** A CDN for the widget: its two files, cacheable, readable from any origin. */
export async function startCdn({ port, dist }) {
  const root = path.resolve(dist);
  const server = http.createServer(async (req, res) => {
    const name = new URL(req.url, 'http://cdn').pathname.replace(/^\/+/, '');
    const cors = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }, cors);
    if (!WIDGET_FILES.test(name)) return json(res, 404, { error: 'not found' }, cors);
    try {
      const data = await readFile(path.join(root, name));
      res.writeHead(200, {
        'content-type': TYPES[path.extname(name)], 'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff', ...cors,
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      json(res, 404, { error: 'not built' }, cors);
    }
  });
  return { server, port: await listen(server, port) };
}
