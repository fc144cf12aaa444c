// The one ES module a host page loads: it starts the widget's wasm (which sits beside this
// file, found through import.meta.url, so the pair can be served from a CDN), defines the
// <sspr-reset> and <sspr-register> elements and exports mount(element, options) for pages
// that mount by hand.
//
//   <script type="module" src="https://cdn.example.com/sspr/sspr.js"></script>
//   <sspr-reset edge="https://sspr.example.com"></sspr-reset>
//   <sspr-register edge="https://sspr.example.com"></sspr-register>  + element.credential = token
//
// Attributes and options: edge (required), flow ("reset" | "unlock" | "report", the "this
// wasn't me" page a notice's link opens, which reads #report=<token>; "register" for mount),
// lang (a language tag; default: the browser's languages), theme ("auto" | "light" | "dark"),
// dom ("shadow" | "light"), turnstile-sitekey (Cloudflare Turnstile's site key, when the edge
// requires a Turnstile token at start) and turnstile-script (its api.js; default
// Cloudflare's); <sspr-register> also takes the signed-in user's credential (an
// ID token or an sspr1 ticket) as its `credential` property or `token` attribute (option
// `credential`), kept in memory and sent only to the edge. Events (bubbling, composed):
// sspr:step, sspr:done, sspr:error.
//
//   <sspr-approver edge="https://sspr.example.com"></sspr-approver>
//
// is the page on the user's phone that answers app notifications (serve it at the edge's
// APPROVER_URL): it pairs from the registration screen's QR code and keeps its key in the
// phone's browser. It takes edge, lang, theme and dom.
import initReset, * as resetGlue from 'sspr-widget-glue';
// The stylesheet (style/sspr.css), minified by esbuild into dist/sspr.min.css first.
import css from 'sspr-style';

// Four wasm builds of the widget: the reset screens (bundled here, started by the first
// <sspr-reset>), the registration screens (sspr-register.js and its .wasm beside this
// module, fetched by the first <sspr-register>), the "this wasn't me" page (sspr-report.js,
// fetched by <sspr-reset flow="report">) and the phone's approver page (sspr-approver.js,
// fetched by <sspr-approver>); and one more for the strength meter (below). A page
// downloads only what it shows.
const LAZY = { register: 'sspr-register.js', report: 'sspr-report.js', approver: 'sspr-approver.js' };
let resetReady;
const lazyReady = new Map();
function widgetModule(flow) {
  const file = LAZY[flow];
  if (file) {
    if (!lazyReady.has(flow)) {
      lazyReady.set(flow, import(new URL(file, import.meta.url).href)
        .then(async (glue) => {
          await glue.default();
          return glue;
        })
        .catch((err) => {
          lazyReady.delete(flow);
          throw err;
        }));
    }
    return lazyReady.get(flow);
  }
  resetReady ??= initReset().then(() => resetGlue);
  return resetReady;
}

// The password strength estimate (zxcvbn's dictionaries: large) is a third build,
// sspr-strength.js and its .wasm beside this module, fetched when a new-password screen
// first appears; until then (or if it cannot be fetched) the screen shows no meter.
let strengthReady;
function strengthModule() {
  strengthReady ??= import(new URL('sspr-strength.js', import.meta.url).href)
    .then(async (glue) => {
      await glue.default();
      return glue;
    })
    .catch((err) => {
      strengthReady = undefined;
      console.warn(`sspr: the password strength estimate could not be loaded: ${err.message}`);
      throw err;
    });
  return strengthReady;
}

// English is compiled into the wasm; another language is fetched once, on demand, from
// locales/<tag>.ftl beside this module. If it cannot be fetched the widget speaks English.
const locales = new Map();
function localeSource(tag) {
  if (!locales.has(tag)) {
    const url = new URL(`locales/${tag}.ftl`, import.meta.url);
    locales.set(tag, fetch(url).then((answer) => {
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
      return answer.text();
    }).catch((err) => {
      console.warn(`sspr: the ${tag} messages (${url}) could not be loaded, so English is shown: ${err.message}`);
      locales.delete(tag);
      return null;
    }));
  }
  return locales.get(tag);
}
// Cloudflare Turnstile, fetched only by a widget given a site key. Its script must run in
// the page (not a module, not a shadow root), so it is added to the document once per URL
// and renders into a light-DOM child of the element, which the identify form shows through
// <slot name="sspr-turnstile">.
const TURNSTILE_SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
const turnstileScripts = new Map();
function turnstileApi(src) {
  if (window.turnstile) return Promise.resolve(window.turnstile);
  if (!turnstileScripts.has(src)) {
    turnstileScripts.set(src, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.addEventListener('load', () => (window.turnstile ? resolve(window.turnstile) : reject(new Error('no window.turnstile'))));
      script.addEventListener('error', () => reject(new Error(`${src} could not be loaded`)));
      document.head.append(script);
    }).catch((err) => {
      turnstileScripts.delete(src);
      throw err;
    }));
  }
  return turnstileScripts.get(src);
}

/**
 * The widget's Turnstile host: render(slot, params) → { reset() }, and setTheme(theme). The
 * challenge is removed (turnstile.remove) when the slot leaves the page: the identify screen
 * is gone. Turnstile cannot change a rendered challenge's theme, so a theme change renders it
 * again; a token already issued stays good until it is sent or expires.
 */
function turnstileHost(element, { sitekey, script, theme }) {
  let current = theme;
  const rendered = new Set();
  return {
    setTheme(next) {
      current = next;
      for (const again of rendered) again();
    },
    render(placeholder, params) {
      const container = document.createElement('div');
      container.className = 'sspr-turnstile__challenge';
      const root = placeholder.getRootNode();
      if (root instanceof ShadowRoot) {
        container.slot = placeholder.name;
        element.append(container);
      } else {
        placeholder.append(container);
      }
      let id = null;
      let removed = false;
      const attempt = () => turnstileApi(script).then((turnstile) => {
        if (removed) return;
        id = turnstile.render(container, {
          ...params, sitekey, theme: current === 'light' || current === 'dark' ? current : 'auto',
          'refresh-expired': 'manual',
        });
      }).catch((err) => {
        console.warn(`sspr: Turnstile could not be shown: ${err.message}`);
        if (!removed) params['error-callback']?.('script');
      });
      let ready = attempt();
      const again = () => {
        ready = ready.then(() => {
          if (removed) return undefined;
          if (id !== null) window.turnstile.remove(id);
          id = null;
          return attempt();
        });
      };
      rendered.add(again);
      const gone = new MutationObserver(() => {
        if (placeholder.isConnected) return;
        gone.disconnect();
        rendered.delete(again);
        removed = true;
        ready.then(() => {
          if (id !== null) window.turnstile.remove(id);
          container.remove();
        });
      });
      gone.observe(root, { childList: true, subtree: true });
      return {
        reset() {
          ready = ready.then(() => (id === null ? attempt() : window.turnstile.reset(id)));
        },
      };
    },
  };
}

const THEMES = ['auto', 'light', 'dark'];
const DOMS = ['shadow', 'light'];

let sheet;
/** Adds the widget's stylesheet to a document or shadow root once (no <style>: strict CSPs allow it). */
function adopt(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

function choice(name, value, allowed) {
  if (value == null || value === '') return allowed[0];
  if (!allowed.includes(value)) {
    throw new Error(`sspr: the \`${name}\` option "${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return value;
}

function report(element, container, message) {
  console.error(message);
  const line = document.createElement('p');
  line.className = 'sspr-error';
  line.setAttribute('role', 'alert');
  line.textContent = message;
  container.replaceChildren(line);
  element.dispatchEvent(new CustomEvent('sspr:error', {
    bubbles: true, composed: true, detail: { code: 'bad_option', message },
  }));
}

/**
 * Renders a widget into `element`: in its shadow root (the default), or, with
 * `dom: "light"`, as its children. Resolves to a handle with `unmount()` and `setTheme(theme)`.
 */
export async function mount(element, options = {}, isCurrent = () => true) {
  // A mount that a newer one replaced while it was loading leaves the element to the newer
  // one (the custom elements pass `isCurrent`: an attribute change mid-load remounts).
  const superseded = { unmount() {}, setTheme() {}, setCredential() {} };
  let glue;
  try {
    glue = await widgetModule(options.flow);
  } catch (err) {
    if (!isCurrent()) return superseded;
    const container = document.createElement('div');
    container.className = 'sspr-host';
    (element.shadowRoot ?? element).replaceChildren(container);
    report(element, container, `sspr: the widget could not be loaded: ${err.message}`);
    return { unmount() { container.remove(); }, setTheme() {}, setCredential() {} };
  }
  const tag = glue.localeFor(typeof options.lang === 'string' ? options.lang : undefined);
  const messages = tag === 'en' ? {} : { [tag]: await localeSource(tag) };
  if (!isCurrent()) return superseded;
  const container = document.createElement('div');
  container.className = 'sspr-host';
  let root = element;
  let widget = null;
  let turnstile;
  try {
    if (choice('dom', options.dom, DOMS) === 'light') {
      adopt(document);
      // Switched from shadow to light: a shadow root cannot be removed, so it shows the
      // element's children through a slot.
      element.shadowRoot?.replaceChildren(document.createElement('slot'));
    } else {
      root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
      adopt(root);
    }
    root.replaceChildren(container);
    container.dataset.ssprTheme = choice('theme', options.theme, THEMES);
    const sitekey = typeof options.turnstileSitekey === 'string' ? options.turnstileSitekey.trim() : '';
    turnstile = sitekey && options.flow !== 'register' ? turnstileHost(element, {
      sitekey, script: options.turnstileScript || TURNSTILE_SCRIPT, theme: options.theme,
    }) : undefined;
    widget = glue.mount(container, element, {
      edge: options.edge, flow: options.flow, lang: options.lang, credential: options.credential, messages,
      strength: strengthModule, turnstileSitekey: sitekey || undefined, turnstile,
    });
  } catch (err) {
    if (!container.isConnected) root.replaceChildren(container);
    report(element, container, err.message);
  }
  return {
    unmount() {
      widget?.unmount();
      widget = null;
      container.remove();
    },
    setTheme(theme) {
      container.dataset.ssprTheme = choice('theme', theme, THEMES);
      turnstile?.setTheme(theme);
    },
    /** Registration: a new credential for the signed-in user; a refused request is sent again. */
    setCredential(credential) {
      widget?.setCredential(credential ?? undefined);
    },
  };
}

/** Attributes whose option name is camelCase. */
const OPTION_NAMES = { 'turnstile-sitekey': 'turnstileSitekey', 'turnstile-script': 'turnstileScript' };

class SsprReset extends HTMLElement {
  static observedAttributes = ['edge', 'flow', 'lang', 'theme', 'dom', 'turnstile-sitekey', 'turnstile-script'];
  #handle = null;
  #generation = 0;

  /** Options beyond the attributes (the registration credential). */
  extraOptions() {
    return {};
  }

  /** Runs `action` on the mounted widget's handle, once it is there. */
  withHandle(action) {
    this.#handle?.then(action);
  }

  connectedCallback() {
    if (!this.#handle) this.#render();
  }

  disconnectedCallback() {
    // A move (remove then insert) keeps the widget and what the user typed.
    queueMicrotask(() => {
      if (!this.isConnected) this.#clear();
    });
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.#handle || previous === value) return;
    if (name === 'token') {
      this.credentialChanged();
    } else if (name === 'theme') {
      this.#handle.then((handle) => {
        try {
          handle.setTheme(value);
        } catch (err) {
          this.#render();
        }
      });
    } else {
      this.#render();
    }
  }

  #clear() {
    this.#generation += 1;
    const handle = this.#handle;
    this.#handle = null;
    handle?.then((h) => h.unmount());
  }

  #render() {
    this.#clear();
    const generation = this.#generation;
    const options = {
      ...Object.fromEntries(this.constructor.observedAttributes.map((name) => [OPTION_NAMES[name] ?? name, this.getAttribute(name)])),
      ...this.extraOptions(),
    };
    this.#handle = mount(this, options, () => generation === this.#generation).then((handle) => {
      if (generation !== this.#generation) handle.unmount();
      return handle;
    });
  }
}

/**
 * <sspr-register>: a signed-in user registers, confirms or manages their methods. The host
 * gives the user's credential (an OpenID Connect ID token or an sspr1 ticket its backend
 * minted) as the `credential` property (preferred: it never appears in the DOM) or the
 * `token` attribute. On `sspr:error` with code `unauthenticated`, set a fresh one: the widget
 * carries on where it was.
 */
class SsprRegister extends SsprReset {
  static observedAttributes = ['edge', 'lang', 'theme', 'dom', 'token'];
  #credential = null;

  constructor() {
    super();
    // A credential set before this module defined the element sits on the instance itself.
    if (Object.hasOwn(this, 'credential')) {
      const early = this.credential;
      delete this.credential;
      this.credential = early;
    }
  }

  get credential() {
    return this.#credential;
  }

  set credential(value) {
    this.#credential = value == null || value === '' ? null : String(value);
    this.credentialChanged();
  }

  extraOptions() {
    return { flow: 'register', credential: this.#current() ?? undefined, token: undefined };
  }

  credentialChanged() {
    const credential = this.#current();
    this.withHandle((handle) => handle.setCredential(credential));
  }

  #current() {
    return this.#credential ?? this.getAttribute('token');
  }
}

/** <sspr-approver>: the phone's approver page (see the top of this file). */
class SsprApprover extends SsprReset {
  static observedAttributes = ['edge', 'lang', 'theme', 'dom'];

  extraOptions() {
    return { flow: 'approver' };
  }
}

if (!customElements.get('sspr-reset')) customElements.define('sspr-reset', SsprReset);
if (!customElements.get('sspr-register')) customElements.define('sspr-register', SsprRegister);
if (!customElements.get('sspr-approver')) customElements.define('sspr-approver', SsprApprover);
