// Helpers shared by every widget of the course. Plain ES module: the widgets import it and
// widgets/esm.py inlines it into each widget's `_esm`; node --test can import it directly.

/** A DOM element: h("p", {class: "x", onclick: f}, child, "text"); null/false attrs are left out. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

const LANGS = ["pl", "sv", "en"];

/** The UI language: the widget's `lang` trait, else the page's <html lang>, else English. */
export function pickLang(model) {
  const fromModel = model && model.get ? model.get("lang") : "";
  const fromPage = typeof document !== "undefined" ? document.documentElement.lang || "" : "";
  for (const candidate of [fromModel, fromPage]) {
    const short = String(candidate || "").slice(0, 2).toLowerCase();
    if (LANGS.includes(short)) return short;
  }
  return "en";
}

/** A translator over `{pl: {...}, sv: {...}, en: {...}}`; falls back to English, then the key. */
export function translator(strings, lang) {
  const table = (strings && strings[lang]) || {};
  const fallback = (strings && strings.en) || {};
  return (key, vars = {}) => {
    const text = table[key] ?? fallback[key] ?? key;
    return String(text).replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  };
}

/** Read JSON from localStorage; private mode or a full quota must not break the widget. */
export function storageGet(key, fallback = null) {
  try {
    const raw = globalThis.localStorage ? globalThis.localStorage.getItem(key) : null;
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export function storageSet(key, value) {
  try {
    if (value === null || value === undefined) globalThis.localStorage.removeItem(key);
    else globalThis.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Offer `text` as a file download (works offline: a blob URL, no server round trip). */
export function downloadText(filename, text, mime = "text/plain") {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
    link.remove();
  }, 0);
}

let idCounter = 0;
/** A page-unique id for aria-labelledby / for= links between elements. */
export function uniqueId(prefix = "cw") {
  idCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${idCounter}`;
}

const PRESENT_KEY = "course-widgets:present";
const PRESENT_EVENT = "course-widgets:present-change";

/** Whether projector mode is on: `?present` in the URL switches it on, then the choice is remembered. */
export function projectorEnabled() {
  try {
    const params = new URLSearchParams(globalThis.location ? globalThis.location.search : "");
    if (params.has("present")) {
      const value = params.get("present");
      const on = !["0", "false", "off", "no"].includes(String(value).toLowerCase());
      storageSet(PRESENT_KEY, on);
      return on;
    }
  } catch {
    // no location (tests): fall through to the remembered choice
  }
  return storageGet(PRESENT_KEY, false) === true;
}

/**
 * Add a projector-mode toggle to `root`: enlarges type and controls (class `cw-present`) for a
 * classroom screen. The choice is remembered per browser and applied to every widget on the page.
 * `labels` = {on: "...", off: "..."} in the widget's language. Returns the toggle button.
 */
export function setupProjector(root, labels = {}) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cw-present-toggle";
  const apply = (on) => {
    root.classList.toggle("cw-present", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? labels.off || "Exit projector mode" : labels.on || "Projector mode";
  };
  apply(projectorEnabled());
  button.addEventListener("click", () => {
    const on = !root.classList.contains("cw-present");
    storageSet(PRESENT_KEY, on);
    window.dispatchEvent(new CustomEvent(PRESENT_EVENT, { detail: on }));
  });
  window.addEventListener(PRESENT_EVENT, (event) => apply(Boolean(event.detail)));
  return button;
}

/** Styles every widget shares for projector mode and focus; inject once per page. */
export function injectSharedStyles() {
  if (typeof document === "undefined" || document.getElementById("cw-shared-styles")) return;
  const style = document.createElement("style");
  style.id = "cw-shared-styles";
  style.textContent = `
.cw-present-toggle { font: inherit; font-size: 0.85em; padding: 0.3em 0.7em; border: 1px solid #555;
  border-radius: 0.3em; background: #fff; color: #222; cursor: pointer; }
.cw-present-toggle[aria-pressed="true"] { background: #222; color: #fff; }
.cw-present-toggle:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.cw-present { font-size: 1.45rem; line-height: 1.5; }
.cw-present button, .cw-present input, .cw-present select { font-size: 1.3rem; min-height: 2.6rem; }
.cw-present input[type="radio"], .cw-present input[type="checkbox"] { width: 1.6rem; height: 1.6rem; }
.cw-visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
`;
  document.head.appendChild(style);
}

/**
 * Plotly, without any request to another host: in the static book the page's loader serves the
 * vendored bundle; in a live kernel the Python side sends the plotly.js source from the plotly wheel.
 */
export function getPlotly(model) {
  if (globalThis.Plotly) return Promise.resolve(globalThis.Plotly);
  if (globalThis.courseWidgets && globalThis.courseWidgets.loadPlotly) {
    return globalThis.courseWidgets.loadPlotly();
  }
  if (!globalThis.__coursePlotlyPromise) {
    globalThis.__coursePlotlyPromise = new Promise((resolve, reject) => {
      const onMessage = (msg) => {
        if (!msg || msg.type !== "plotly-source") return;
        model.off("msg:custom", onMessage);
        try {
          const script = document.createElement("script");
          script.textContent = msg.source;
          document.head.appendChild(script);
          if (globalThis.Plotly) resolve(globalThis.Plotly);
          else reject(new Error("plotly.js did not define window.Plotly"));
        } catch (err) {
          reject(err);
        }
      };
      model.on("msg:custom", onMessage);
      model.send({ type: "plotly-request" });
    });
  }
  return globalThis.__coursePlotlyPromise;
}
