// A SCIM 2.0 service provider for the SCIM identity backend, built on the npm `scimmy` and
// `scimmy-routers` packages (an independent implementation of RFC 7643 / 7644 with Express).
// It holds the same people as the directory stand-in (same user names, addresses, numbers,
// groups) so codes reach the same mailbox. Around scimmy it adds what the backend is tested
// against: a bearer token, changePassword and ETags announced in ServiceProviderConfig,
// `ETag` on user reads and `If-Match` checked on PATCH (scimmy-routers does neither), a
// password history refused with 400 `invalidValue`, and test endpoints: `POST /api/login`
// (password check), `GET /api/log` (requests seen, with their If-Match), `POST
// /api/conflict-next` (the next PATCH gets 412 as if someone changed the user meanwhile),
// `POST /api/reset-fixture`.
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { SEED_USERS } from './directory.mjs';
import { listen } from './http.mjs';

const HISTORY = 3;

export function createScim({ token }) {
  let users;
  let log;
  let conflictNext;
  const reset = () => {
    users = new Map();
    SEED_USERS.forEach((person, index) => {
      const id = `scim-${1000 + index}`;
      users.set(id, {
        id,
        userName: person.username,
        displayName: person.display_name,
        emails: person.email ? [{ value: person.email, type: 'work', primary: true }] : [],
        ...(person.phone ? { phoneNumbers: [{ value: person.phone, type: 'mobile' }] } : {}),
        active: person.enabled,
        ...(person.language ? { preferredLanguage: person.language } : {}),
        groups: person.groups.map((name) => ({ value: `group-${name}`, display: name })),
        history: [person.password],
        version: 1,
      });
    });
    log = [];
    conflictNext = false;
  };
  reset();

  const etag = (user) => `W/"${user.version}"`;
  const visible = ({ history, version, ...user }) => ({ ...user, meta: { resourceType: 'User', version: etag({ version }) } });

  SCIMMY.Config.set({ patch: true, filter: 200, changePassword: true, sort: false, bulk: false, etag: true });
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress(async (resource) => {
      if (resource.id) {
        const user = users.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        return visible(user);
      }
      const all = [...users.values()].map(visible);
      return resource.filter ? resource.filter.match(all) : all;
    })
    .ingress(async (resource, instance) => {
      const user = resource.id && users.get(resource.id);
      if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
      if (instance.password !== undefined) {
        const password = String(instance.password);
        if (password.length < 8) throw new SCIMMY.Types.Error(400, 'invalidValue', 'The password is too short: use at least 8 characters.');
        if (user.history.includes(password)) {
          throw new SCIMMY.Types.Error(400, 'invalidValue', `The password was used recently: choose one you have not used for your last ${HISTORY} passwords.`);
        }
        user.history = [password, ...user.history].slice(0, HISTORY);
        user.password_changes = (user.password_changes ?? 0) + 1;
      }
      user.version += 1;
      return visible(user);
    });

  // Groups, derived from the users' memberships (read-only): found by displayName, their
  // members listed as User references (RFC 7643 §4.2).
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress(async (resource) => {
      const groups = new Map();
      for (const user of users.values()) {
        for (const group of user.groups) {
          if (!groups.has(group.value)) groups.set(group.value, { id: group.value, displayName: group.display, members: [] });
          groups.get(group.value).members.push({ value: user.id, display: user.displayName, type: 'User' });
        }
      }
      if (resource.id) {
        const group = groups.get(resource.id);
        if (!group) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        return group;
      }
      const all = [...groups.values()];
      return resource.filter ? resource.filter.match(all) : all;
    })
    .ingress(async () => { throw new SCIMMY.Types.Error(403, null, 'Groups are read-only here'); });

  const app = express();
  app.set('etag', false); // Express's body-hash ETags would muddle the users' versions.
  // ETags and If-Match around scimmy-routers (RFC 7644 §3.14).
  app.use('/scim/v2/Users/:id', (req, res, next) => {
    const user = users.get(req.params.id);
    log.push({ method: req.method, path: `/Users/${req.params.id}`, if_match: req.header('If-Match') ?? null });
    if (!user || req.header('Authorization') !== `Bearer ${token}`) return next();
    if (req.method === 'GET') res.setHeader('ETag', etag(user));
    if (req.method === 'PATCH') {
      const wanted = req.header('If-Match');
      const stale = conflictNext || (wanted !== undefined && wanted !== etag(user) && wanted !== '*');
      if (stale) {
        if (conflictNext) { conflictNext = false; user.version += 1; }
        return res.status(412).type('application/scim+json').send({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '412',
          detail: 'Failed to update. Resource changed on the server.',
        });
      }
    }
    return next();
  });
  app.use('/scim/v2', (req, res, next) => {
    if (!req.path.startsWith('/Users/')) log.push({ method: req.method, path: req.path, if_match: req.header('If-Match') ?? null });
    next();
  });
  app.use('/scim/v2', new SCIMMYRouters({
    type: 'bearer',
    docUri: 'https://example.com/scim-auth',
    handler: (req) => {
      if (req.header('Authorization') !== `Bearer ${token}`) throw new Error('Authorization not detected!');
      return 'sspr';
    },
  }));
  app.use('/api', express.json({ limit: '8kb' }));
  app.post('/api/login', (req, res) => {
    const { username, password } = req.body ?? {};
    const user = [...users.values()].find((u) => u.userName === String(username ?? '').toLowerCase());
    res.json({ ok: Boolean(user && user.active && user.history[0] === password) });
  });
  app.get('/api/log', (req, res) => res.json(log));
  app.get('/api/users', (req, res) => res.json([...users.values()].map(({ history, ...u }) => u)));
  app.post('/api/conflict-next', (req, res) => { conflictNext = true; res.json({}); });
  app.post('/api/reset-fixture', (req, res) => { reset(); res.json({}); });
  return app;
}

export async function startScim({ port, token }) {
  const app = createScim({ token });
  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });
  return { server, port: server.address().port };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { port } = await startScim({ port: Number(process.env.PORT ?? 3001), token: process.env.SCIM_TOKEN ?? 'scim-test-token' });
  console.log(`SCIM on http://127.0.0.1:${port}/scim/v2`);
}
