// Renders the course's anywidgets in the static book, with no kernel and no network.
// myst-nb embeds the executed notebook's widget state and one view <script> per widget output;
// this loader replaces the CDN-hosted require.js + html-manager that myst-nb would load.
(function () {
  "use strict";
  const STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  const VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  const self = document.currentScript;
  const base = self ? new URL(".", self.src).href : new URL("_static/course-widgets/", location.href).href;

  let plotlyPromise = null;
  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyPromise) {
      plotlyPromise = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = base + "vendor/plotly-basic.min.js";
        script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("no Plotly")));
        script.onerror = () => reject(new Error("could not load " + script.src));
        document.head.appendChild(script);
      });
    }
    return plotlyPromise;
  }

  window.courseWidgets = { static: true, base, loadPlotly };

  /** The subset of the anywidget model API a widget's render() uses, backed by embedded state. */
  function makeModel(id, initial, models) {
    const state = Object.assign({}, initial);
    const listeners = new Map();
    const emit = (event, ...args) => (listeners.get(event) || []).slice().forEach((cb) => cb(...args));
    return {
      model_id: id,
      get: (name) => state[name],
      set(name, value) {
        const old = state[name];
        state[name] = value;
        if (old !== value) {
          emit("change:" + name, value, old);
          emit("change");
        }
      },
      on(event, cb) {
        for (const name of event.split(/\s+/)) {
          if (!listeners.has(name)) listeners.set(name, []);
          listeners.get(name).push(cb);
        }
      },
      off(event, cb) {
        if (!event) return listeners.clear();
        for (const name of event.split(/\s+/)) {
          if (!cb) listeners.delete(name);
          else listeners.set(name, (listeners.get(name) || []).filter((f) => f !== cb));
        }
      },
      save_changes() {}, // nothing to sync with: there is no kernel in the static book
      send() {},
      widget_manager: { get_model: async (other) => models.get(other) },
    };
  }

  const moduleCache = new Map();
  function importEsm(source) {
    if (!moduleCache.has(source)) {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      moduleCache.set(source, import(url));
    }
    return moduleCache.get(source);
  }

  const injectedCss = new Set();
  function injectCss(css) {
    if (!css || injectedCss.has(css)) return;
    injectedCss.add(css);
    const style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
  }

  function showError(el, err) {
    console.error("course widget failed to render:", err);
    const box = document.createElement("p");
    box.className = "cw-render-error";
    box.setAttribute("role", "alert");
    box.textContent = "This interactive element could not be shown: " + (err && err.message);
    el.appendChild(box);
  }

  async function renderView(script, entries, models) {
    let view;
    try {
      view = JSON.parse(script.textContent);
    } catch (err) {
      return showError(script.parentElement, err);
    }
    const entry = entries[view.model_id];
    const el = document.createElement("div");
    el.className = "cw-widget";
    script.after(el);
    if (!entry || !entry.state || typeof entry.state._esm !== "string") {
      return showError(el, new Error("no embedded state for widget " + view.model_id));
    }
    try {
      const model = models.get(view.model_id);
      injectCss(entry.state._css);
      const mod = await importEsm(entry.state._esm);
      const widget = mod.default && typeof mod.default === "object" ? mod.default : mod;
      const def = typeof widget === "function" ? await widget() : widget;
      if (def.initialize) await def.initialize({ model });
      await def.render({ model, el });
    } catch (err) {
      showError(el, err);
    }
  }

  function start() {
    const entries = {};
    for (const script of document.querySelectorAll(`script[type="${STATE_TYPE}"]`)) {
      try {
        Object.assign(entries, JSON.parse(script.textContent).state || {});
      } catch (err) {
        console.error("course widgets: unreadable widget state", err);
      }
    }
    const models = new Map();
    for (const [id, entry] of Object.entries(entries)) {
      if (entry && entry.state && typeof entry.state._esm === "string") {
        models.set(id, makeModel(id, entry.state, models));
      }
    }
    const views = Array.from(document.querySelectorAll(`script[type="${VIEW_TYPE}"]`));
    views.forEach((script) => renderView(script, entries, models));
    for (const task of window.__cwPending || []) task(window.courseWidgets);
    window.__cwPending = { push: (task) => task(window.courseWidgets) };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
