// The one ES module a host page loads: it starts the widget's wasm (which sits beside this
// file, found through import.meta.url, so the pair can be served from a CDN), defines the
// <sspr-reset> element and exports mount(element, options) for pages that mount by hand.
//
//   <script type="module" src="https://cdn.example.com/sspr/sspr.js"></script>
//   <sspr-reset edge="https://sspr.example.com"></sspr-reset>
//
// Attributes and options: edge (required), flow ("reset" | "unlock"), lang (a language tag;
// default: the browser's languages), theme ("auto" | "light" | "dark"), dom ("shadow" |
// "light"). Events (bubbling, composed): sspr:step,
// sspr:done, sspr:error.
import init, { mount as mountWidget, localeFor } from 'sspr-widget-glue';
import css from '../../style/sspr.css';

const ready = init();

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
export async function mount(element, options = {}) {
  await ready;
  const tag = localeFor(typeof options.lang === 'string' ? options.lang : undefined);
  const messages = tag === 'en' ? {} : { [tag]: await localeSource(tag) };
  const container = document.createElement('div');
  container.className = 'sspr-host';
  let root = element;
  let widget = null;
  try {
    if (choice('dom', options.dom, DOMS) === 'light') {
      adopt(document);
    } else {
      root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
      adopt(root);
    }
    root.replaceChildren(container);
    container.dataset.ssprTheme = choice('theme', options.theme, THEMES);
    widget = mountWidget(container, element, { edge: options.edge, flow: options.flow, lang: options.lang, messages });
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
    },
  };
}

class SsprReset extends HTMLElement {
  static observedAttributes = ['edge', 'flow', 'lang', 'theme', 'dom'];
  #handle = null;
  #generation = 0;

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
    if (name === 'theme') {
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
    const options = Object.fromEntries(
      SsprReset.observedAttributes.map((name) => [name, this.getAttribute(name)]),
    );
    this.#handle = mount(this, options).then((handle) => {
      if (generation !== this.#generation) handle.unmount();
      return handle;
    });
  }
}

if (!customElements.get('sspr-reset')) customElements.define('sspr-reset', SsprReset);
