// The host side of examples/register.html: get the signed-in user's ticket from the host's
// backend (here the test site's /demo/ticket) and give it to <sspr-register>; when the widget
// says the sign-in is no longer good enough, sign in again (here: one button) and give it the
// new ticket, and the widget carries on. The ticket lives only in this page's memory.
const params = new URLSearchParams(location.search);
const user = params.get('user') ?? 'rosa2';
const element = document.getElementById('register');
const status = document.getElementById('host-status');
const signIn = document.getElementById('host-sign-in');
for (const name of ['lang', 'dom', 'edge']) {
  if (params.get(name)) element.setAttribute(name, params.get(name));
}

async function ticket(age = 0) {
  const answer = await fetch('/demo/ticket', { method: 'POST', body: JSON.stringify({ user, age }) });
  return (await answer.json()).ticket;
}

element.addEventListener('sspr:error', (event) => {
  if (event.detail.code === 'unauthenticated' || event.detail.code === 'sign_in_too_old') {
    signIn.hidden = false;
  }
});
element.addEventListener('sspr:done', (event) => {
  status.textContent = event.detail.outcome === 'postponed' ? 'Registration postponed.' : 'Registration complete.';
});
signIn.addEventListener('click', async () => {
  signIn.hidden = true;
  element.credential = await ticket();
});

element.credential = await ticket(Number(params.get('age') ?? 0));
