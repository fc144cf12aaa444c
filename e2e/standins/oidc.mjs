// A real OpenID Connect provider (npm oidc-provider) standing in for the organisation's
// identity provider: its users are the directory's seed users (sub and preferred_username =
// their username, as devInteractions' login makes the login name the account id; groups =
// their directory groups, so the administrators carry `it-admins`), it signs ID tokens with RS256 and publishes its keys at
// /jwks and its discovery document at /.well-known/openid-configuration.
//
// One client, `sspr-demo`: public (no secret), authorization code with PKCE, redirect URIs
// given by the caller (the demo site's callback), CORS on the token endpoint for those
// origins, so a browser page can get an ID token itself. Sign-in uses oidc-provider's
// devInteractions pages: any password is accepted for a seed user. Consent is implied for
// this first-party client.
//
// signIn() drives that flow with fetch alone (as shared/recipes/get-idtoken.sh does with
// curl), and GET /test/id-token?username=alice answers { id_token } after doing so against
// this provider itself: the edge integration tests use it to get genuine ID tokens.
import http from 'node:http';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { SEED_USERS } from './directory.mjs';
import { json, listen } from './http.mjs';

export const OIDC_CLIENT_ID = 'sspr-demo';
const SCOPE = 'openid profile email groups';

export async function startOidc({ port = 0, redirectUris = [] } = {}) {
  const server = http.createServer();
  const bound = await listen(server, port);
  const issuer = `http://127.0.0.1:${bound}`;
  // The provider's own callback: not served, only where signIn() reads the code from.
  const ownCallback = `${issuer}/cb`;
  const byUsername = new Map(SEED_USERS.map((user) => [user.username, user]));
  // Signing keys of this run: RS256 signs the ID tokens; the P-256 key is published too, so
  // the edge picks a key by kid from a JWKS of more than one.
  const key = (type, options, alg) => ({
    ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }),
    kid: `${alg.toLowerCase()}-${randomBytes(4).toString('hex')}`, alg, use: 'sig',
  });
  const jwks = { keys: [key('rsa', { modulusLength: 2048 }, 'RS256'), key('ec', { namedCurve: 'P-256' }, 'ES256')] };
  const provider = new Provider(issuer, {
    clients: [{
      client_id: OIDC_CLIENT_ID,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [ownCallback, ...redirectUris],
    }],
    jwks,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // preferred_username, email and groups in the ID token itself, not only at userinfo.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    clientBasedCORS(ctx, origin, client) {
      return client.redirectUris.some((uri) => new URL(uri).origin === origin);
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!byUsername.has(ctx.oidc.session.accountId)) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
    async findAccount(ctx, username) {
      const user = byUsername.get(username);
      if (!user || !user.enabled) return undefined;
      return {
        accountId: username,
        async claims() {
          return {
            sub: username,
            preferred_username: user.username,
            name: user.display_name,
            email: user.email,
            email_verified: true,
            groups: user.groups,
          };
        },
      };
    },
    ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.on('server_error', (ctx, err) => console.error('oidc server_error', err));
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url, issuer);
    if (req.method === 'GET' && url.pathname === '/test/id-token') {
      if (!byUsername.get(url.searchParams.get('username'))?.enabled) {
        json(res, 404, { error: 'no such enabled user' });
        return;
      }
      signIn({ issuer, username: url.searchParams.get('username') ?? '', redirectUri: ownCallback })
        .then((tokens) => json(res, 200, { id_token: tokens.id_token }))
        .catch((err) => json(res, 400, { error: err.message }));
      return;
    }
    callback(req, res);
  });
  return { server, port: bound, issuer, clientId: OIDC_CLIENT_ID, provider };
}

// Signs in as `username` through the authorization endpoint, the devInteractions login page
// and the token endpoint, with PKCE; answers the token endpoint's JSON (id_token among it).
export async function signIn({ issuer, username, clientId = OIDC_CLIENT_ID, redirectUri = `${issuer}/cb`, nonce = randomBytes(8).toString('hex') }) {
  const verifier = randomBytes(32).toString('base64url');
  const auth = new URL('/auth', issuer);
  auth.search = authorizationQuery({ clientId, redirectUri, verifier, nonce, state: randomBytes(8).toString('hex') });
  const back = await follow(auth, { username, until: redirectUri });
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`sign-in refused: ${back.searchParams.get('error')} ${back.searchParams.get('error_description') ?? ''}`);
  return exchange({ issuer, clientId, redirectUri, code, verifier });
}

/** The authorization request's query: code flow with PKCE (S256). */
export function authorizationQuery({ clientId, redirectUri, verifier, nonce, state }) {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return new URLSearchParams({
    client_id: clientId, response_type: 'code', scope: SCOPE, redirect_uri: redirectUri,
    state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
}

/** Redeems a code at the token endpoint as the public client; answers its JSON. */
export async function exchange({ issuer, clientId = OIDC_CLIENT_ID, redirectUri, code, verifier }) {
  const token = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
  });
  const body = await token.json();
  if (!token.ok) throw new Error(`token endpoint: ${body.error} ${body.error_description ?? ''}`);
  return body;
}

// Follows redirects from `start` like a browser with cookies, answering the provider's login
// page as `username`, until a redirect leads to a URL starting with `until`; answers that URL.
export async function follow(start, { username, until }) {
  const cookies = new Map();
  const go = async (url, init = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    await res.arrayBuffer();
    return res;
  };
  let res = await go(start);
  let at = new URL(start);
  for (let step = 0; step < 12; step += 1) {
    const location = res.headers.get('location');
    if (!location) throw new Error(`sign-in stopped at status ${res.status} on ${at.pathname}`);
    at = new URL(location, at);
    if (at.href.startsWith(until)) return at;
    if (at.pathname.startsWith('/interaction/')) {
      await go(at);
      res = await go(at, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login: username, password: 'any' }),
      });
    } else {
      res = await go(at);
    }
  }
  throw new Error('sign-in did not finish in twelve redirects');
}
