// Starts the local stand-ins the edge talks to — the Resend-compatible mailbox, the
// Twilio-compatible SMS inbox, the signed-webhook directory, and the SCIM 2.0 and Microsoft
// Graph peers of the other identity backends — the OpenID Connect provider whose ID tokens
// the edge accepts, the demo site and the CDN that serves it the widget (on the site's
// port + 1 when the site's port is fixed). `cargo xtask demo|test` runs it; when all
// three listen it prints one line, `ready {json}`, with their URLs.
//
//   node stack.mjs --dist DIR --edge URL --mailbox-port N --sms-port N --directory-port N
//                  --site-port N --oidc-port N [--scim-port N --graph-port N --graph-tenant T --graph-client-id ID]
//                  [--edge-questions URL (another edge the site's pages may talk to: its CSP allows it)]
//                  [--edge-turnstile URL (likewise) --turnstile-port N]
//   (secrets come from SSPR_WEBHOOK_SECRET, SSPR_EMAIL_API_KEY, SSPR_SMS_ACCOUNT_SID and
//   SSPR_SMS_AUTH_TOKEN; SSPR_REGISTRATION_TICKET_KEY lets the site mint sign-in tickets; the SCIM and Graph peers start when SSPR_SCIM_TOKEN and
//   SSPR_GRAPH_CLIENT_SECRET are set; the Turnstile stand-in when SSPR_TURNSTILE_SITEKEY and
//   SSPR_TURNSTILE_SECRET are, and the site's CSP then lets pages load its api.js; the Web
//   Push service, where the phones' subscriptions point in the tests, and the Pwned Passwords
//   range API, always)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startMailbox } from './mailbox.mjs';
import { startSms } from './sms.mjs';
import { startDirectory } from './directory.mjs';
import { startCdn, startSite } from './site.mjs';
import { startScim } from './scim.mjs';
import { startGraph } from './graph.mjs';
import { startOidc } from './oidc.mjs';
import { startTurnstile } from './turnstile.mjs';
import { startPush } from './push.mjs';
import { startPwned } from './pwned.mjs';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' }, edge: { type: 'string' },
    'mailbox-port': { type: 'string', default: '0' }, 'sms-port': { type: 'string', default: '0' },
    'directory-port': { type: 'string', default: '0' },
    'site-port': { type: 'string', default: '0' }, 'oidc-port': { type: 'string', default: '0' },
    'scim-port': { type: 'string', default: '0' }, 'graph-port': { type: 'string', default: '0' },
    'graph-tenant': { type: 'string' }, 'graph-client-id': { type: 'string' },
    'edge-questions': { type: 'string' },
    'edge-turnstile': { type: 'string' }, 'turnstile-port': { type: 'string', default: '0' },
  },
});
const secret = process.env.SSPR_WEBHOOK_SECRET;
const apiKey = process.env.SSPR_EMAIL_API_KEY;
const accountSid = process.env.SSPR_SMS_ACCOUNT_SID;
const authToken = process.env.SSPR_SMS_AUTH_TOKEN;
for (const [name, value] of [
  ['--dist', values.dist], ['--edge', values.edge], ['SSPR_WEBHOOK_SECRET', secret], ['SSPR_EMAIL_API_KEY', apiKey],
  ['SSPR_SMS_ACCOUNT_SID', accountSid], ['SSPR_SMS_AUTH_TOKEN', authToken],
]) {
  if (!value) {
    console.error(`stack.mjs: ${name} is required`);
    process.exit(2);
  }
}

// The Graph edge sends its email through the signed email webhook (EMAIL_PROVIDER=webhook).
const mailbox = await startMailbox({ port: Number(values['mailbox-port']), apiKey, webhookSecret: process.env.SSPR_EMAIL_WEBHOOK_SECRET });
const sms = await startSms({ port: Number(values['sms-port']), accountSid, authToken });
const directory = await startDirectory({ port: Number(values['directory-port']), secret });
const mailboxUrl = `http://127.0.0.1:${mailbox.port}`;
const cdn = await startCdn({ port: Number(values['site-port']) ? Number(values['site-port']) + 1 : 0, dist: values.dist });
const cdnUrl = `http://127.0.0.1:${cdn.port}`;
let turnstile = null;
if (process.env.SSPR_TURNSTILE_SITEKEY && process.env.SSPR_TURNSTILE_SECRET) {
  turnstile = await startTurnstile({
    port: Number(values['turnstile-port']),
    sites: { [process.env.SSPR_TURNSTILE_SITEKEY]: process.env.SSPR_TURNSTILE_SECRET },
  });
}
const site = await startSite({
  port: Number(values['site-port']), dist: values.dist, edge: values.edge, cdn: cdnUrl, mailbox: mailboxUrl,
  sms: `http://127.0.0.1:${sms.port}`, directory, ticketKey: process.env.SSPR_REGISTRATION_TICKET_KEY,
  otherEdges: [values['edge-questions'], values['edge-turnstile']].filter(Boolean),
  // The phone's approver page talks to the edge that has APPROVER_URL: the questions edge
  // in the test stack (its policy allows app notifications), else the demo's edge.
  approverEdge: values['edge-questions'] ?? values.edge,
  turnstile: turnstile?.url,
});

// The demo site's callback is where a page of the site would receive its code.
const oidc = await startOidc({ port: Number(values['oidc-port']), redirectUris: [`http://127.0.0.1:${site.port}/oidc/callback`] });
site.setOidc(oidc.issuer);

const peers = {};
if (turnstile) peers.turnstile = turnstile.url;
// The Web Push service the approver's push subscriptions point at in the tests.
peers.push = (await startPush({ port: 0 })).url;
// The Pwned Passwords range API every edge asks about new passwords (PWNED_PASSWORDS_URL).
peers.pwned = (await startPwned({ port: 0 })).url;
if (process.env.SSPR_SCIM_TOKEN) {
  const scim = await startScim({ port: Number(values['scim-port']), token: process.env.SSPR_SCIM_TOKEN });
  peers.scim = `http://127.0.0.1:${scim.port}`;
  peers.scim_base = `${peers.scim}/scim/v2`;
}
if (process.env.SSPR_GRAPH_CLIENT_SECRET) {
  if (!values['graph-tenant'] || !values['graph-client-id']) {
    console.error('stack.mjs: --graph-tenant and --graph-client-id are required with SSPR_GRAPH_CLIENT_SECRET');
    process.exit(2);
  }
  const graph = await startGraph({
    port: Number(values['graph-port']), tenant: values['graph-tenant'],
    clientId: values['graph-client-id'], clientSecret: process.env.SSPR_GRAPH_CLIENT_SECRET,
    certificate: process.env.SSPR_GRAPH_CLIENT_CERTIFICATE_FILE
      ? readFileSync(process.env.SSPR_GRAPH_CLIENT_CERTIFICATE_FILE, 'utf8') : undefined,
  });
  peers.graph = `http://127.0.0.1:${graph.port}`;
}

console.log('ready ' + JSON.stringify({
  ...peers,
  mailbox: mailboxUrl,
  sms: `http://127.0.0.1:${sms.port}`,
  directory: `http://127.0.0.1:${directory.port}`,
  webhook: `http://127.0.0.1:${directory.port}/sspr/webhook`,
  site: `http://127.0.0.1:${site.port}`,
  cdn: cdnUrl,
  oidc: oidc.issuer,
}));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
