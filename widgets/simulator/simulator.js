// The simulator widget's UI (anywidget ES module). The model runs here, in the browser, so the
// static book needs no kernel; in JupyterLab the chosen parameters also go to Python (`params`).
import {
  downloadText,
  getPlotly,
  h,
  injectSharedStyles,
  pickLang,
  setupProjector,
  translator,
  uniqueId,
} from "../js/common.js";
import { simulate } from "./model.js";

const CARDS = ["reach", "impressions", "likes", "comments", "shares", "clicks", "orders", "revenue",
  "engagement_rate_reach", "engagement_rate_followers", "virality_rate", "r", "cascade_depth"];
const RATE_CARDS = new Set(["engagement_rate_reach", "engagement_rate_followers", "virality_rate"]);
const SERIES = ["reach", "impressions", "likes", "shares", "clicks"];
const MAX_DEPTH = 100;
const FUNNEL = ["impressions", "clicks", "orders"];
const CSV_COLUMNS = ["scenario", "day", "reach", "cumulative_reach", "impressions",
  "organic_impressions", "viral_impressions", "likes", "comments", "shares", "clicks", "orders",
  "revenue", "cascade_depth"];
const COLORS = { reach: "#e66100", impressions: "#1a5fb4", likes: "#c01c28", shares: "#26a269", clicks: "#a347ba" };

function defaultsOf(config) {
  const values = {};
  for (const [name, spec] of Object.entries(config.params)) values[name] = spec.default;
  return values;
}

/** A scenario from a preset (or its `b`), on top of `base` values. */
function scenarioFrom(config, part, base) {
  return { params: { ...base, ...(part.params || {}) }, tactics: [...(part.tactics || [])] };
}

function requestedPreset(config) {
  try {
    const id = new URLSearchParams(globalThis.location ? globalThis.location.search : "").get("preset");
    return id && config.presets[id] ? id : null;
  } catch {
    return null;
  }
}

function render({ model, el }) {
  injectSharedStyles();
  const config = model.get("config");
  const lang = pickLang(model);
  const t = translator(model.get("strings") || {}, lang);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const small = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 2 });
  const fmt = (key, value) => {
    if (!Number.isFinite(value)) return "–";
    if (RATE_CARDS.has(key)) return percent.format(value);
    if (key === "r") return small.format(value);
    if (key === "revenue") return t("currency", { value: number.format(value) });
    if (key === "cascade_depth" && value >= MAX_DEPTH) return t("depth_capped", { value: MAX_DEPTH });
    return Math.abs(value) < 10 && value !== 0 ? small.format(value) : number.format(value);
  };
  const labelOf = (labels) => labels[lang] || labels.en;

  const initial = { params: { ...defaultsOf(config), ...(model.get("params") || {}) },
    tactics: [...((model.get("params") || {}).tactics || [])] };
  delete initial.params.tactics;
  const state = { A: initial, B: null, editing: "A", compare: false };

  const root = h("section", { class: "cws", "aria-label": t("title") });
  const status = h("p", { class: "cw-visually-hidden", role: "status", "aria-live": "polite" });

  // --- toolbar: presets, reset, projector ---
  const presetId = uniqueId("cws-preset");
  const presetSelect = h("select", { id: presetId, class: "cws-preset" },
    h("option", { value: "", text: t("preset_none") }),
    ...Object.entries(config.presets).map(([id, preset]) =>
      h("option", { value: id, text: labelOf(preset.label) })));
  const resetButton = h("button", { type: "button", class: "cws-reset", text: t("reset") });
  const toolbar = h("div", { class: "cws-toolbar" },
    h("label", { for: presetId, text: t("preset") }), presetSelect, resetButton,
    setupProjector(root, { on: t("present_on"), off: t("present_off") }));

  // --- A/B switch ---
  const compareBox = h("input", { type: "checkbox", class: "cws-compare" });
  const editRadios = {};
  const groupName = uniqueId("cws-edit");
  const editGroup = h("fieldset", { class: "cws-editing", hidden: true },
    h("legend", { text: t("editing") }),
    ...["A", "B"].map((name) => {
      const radio = h("input", { type: "radio", name: groupName, value: name });
      editRadios[name] = radio;
      return h("label", { class: "cws-edit-choice" }, radio, ` ${t(name === "A" ? "scenario_a" : "scenario_b")}`);
    }));
  const compareRow = h("div", { class: "cws-compare-row" },
    h("label", {}, compareBox, ` ${t("compare")}`), editGroup);

  // --- parameter controls ---
  const controls = {};
  const paramList = h("div", { class: "cws-params" });
  const advancedList = h("div", { class: "cws-params" });
  const advanced = h("details", { class: "cws-advanced" },
    h("summary", { text: t("more_params") }), advancedList);
  for (const [name, spec] of Object.entries(config.params)) {
    const scale = spec.percent ? 100 : 1;
    const id = uniqueId(`cws-${name}`);
    const errorId = uniqueId(`cws-${name}-error`);
    const slider = h("input", { type: "range", id, min: spec.min * scale, max: spec.max * scale,
      step: spec.step * scale, "aria-describedby": errorId, "data-param": name });
    const box = h("input", { type: "number", min: spec.min * scale, max: spec.max * scale,
      step: "any", inputmode: "decimal", "aria-label": labelOf(spec.label) + (spec.percent ? " (%)" : ""),
      "aria-describedby": errorId, "data-param": name, class: "cws-number" });
    const error = h("p", { id: errorId, class: "cws-error", hidden: true });
    const unit = spec.percent ? h("span", { class: "cws-unit", text: "%", "aria-hidden": "true" }) : null;
    const row = h("div", { class: "cws-param" },
      h("label", { for: id, text: labelOf(spec.label) }),
      h("div", { class: "cws-inputs" }, slider, box, unit), error);
    controls[name] = { slider, box, error, scale, spec };
    const commit = (raw, source) => {
      const shown = Number(raw);
      const value = shown / scale;
      const valid = raw !== "" && Number.isFinite(shown) && value >= spec.min - 1e-12 &&
        value <= spec.max + 1e-12 && (!spec.integer || Number.isInteger(shown));
      if (!valid) {
        const key = spec.integer && Number.isFinite(shown) && value >= spec.min && value <= spec.max
          ? "not_whole" : "out_of_range";
        error.textContent = t(key, { min: small.format(spec.min * scale), max: small.format(spec.max * scale) });
        error.hidden = false;
        box.setAttribute("aria-invalid", "true");
        return;
      }
      error.hidden = true;
      box.removeAttribute("aria-invalid");
      const clean = spec.integer ? Math.round(value) : Math.min(spec.max, Math.max(spec.min, value));
      current().params[name] = clean;
      if (source === "slider") box.value = String(roundShown(clean * scale));
      else slider.value = String(clean * scale);
      update();
    };
    slider.addEventListener("input", (event) => { inputStarted = event.timeStamp; commit(slider.value, "slider"); });
    box.addEventListener("input", (event) => { inputStarted = event.timeStamp; commit(box.value, "box"); });
    (spec.advanced ? advancedList : paramList).append(row);
  }

  // --- tactic switches ---
  const tacticBoxes = {};
  const tacticList = h("fieldset", { class: "cws-tactics" }, h("legend", { text: t("tactics") }));
  for (const [id, tactic] of Object.entries(config.tactics)) {
    const box = h("input", { type: "checkbox", role: "switch", "data-tactic": id });
    const effects = Object.entries(tactic.effects)
      .map(([key, factor]) => `${t(`effect_${key}`)} × ${small.format(factor)}`).join(", ");
    box.addEventListener("change", () => {
      const chosen = new Set(current().tactics);
      if (box.checked) chosen.add(id); else chosen.delete(id);
      current().tactics = Object.keys(config.tactics).filter((k) => chosen.has(k));
      box.setAttribute("aria-checked", box.checked ? "true" : "false");
      update();
    });
    tacticBoxes[id] = box;
    tacticList.append(h("label", { class: "cws-tactic" }, box, " ", labelOf(tactic.label),
      h("small", { class: "cws-effect", text: t("tactic_effect", { effects }) })));
  }

  // --- outputs ---
  const cards = h("div", { class: "cws-cards" });
  const viralNote = h("p", { class: "cws-viral-note", hidden: true, text: t("viral_note") });
  const chartBox = h("div", { class: "cws-chart" },
    h("p", { class: "cws-chart-loading", text: t("chart_loading") }));
  // plotly's own buttons live inside the chart, so the chart cannot be one role="img" element
  const chartCaption = h("figcaption", { class: "cw-visually-hidden" });
  const chartFigure = h("figure", { class: "cws-figure" }, chartCaption, chartBox);
  const funnel = h("div", { class: "cws-funnel" });
  const csvButton = h("button", { type: "button", class: "cws-download", text: t("download_csv") });
  const outputs = h("div", { class: "cws-outputs" },
    h("h3", { class: "cws-heading", text: t("results") }), cards, viralNote,
    h("h3", { class: "cws-heading", text: t("chart_title") }), chartFigure,
    h("h3", { class: "cws-heading", text: t("funnel") }), funnel, csvButton, status);

  root.append(h("h2", { class: "cws-title", text: t("title") }), toolbar, compareRow,
    h("div", { class: "cws-layout" },
      h("div", { class: "cws-inputs-panel" }, h("h3", { class: "cws-heading", text: t("params") }),
        paramList, advanced, tacticList),
      outputs));
  el.append(root);

  let inputStarted = null;
  let results = {};
  let plotly = null;
  let statusTimer = null;

  function current() {
    return state[state.editing];
  }

  function roundShown(value) {
    return Math.round(value * 1e6) / 1e6;
  }

  function syncControls() {
    const scenario = current();
    for (const [name, c] of Object.entries(controls)) {
      const shown = roundShown(scenario.params[name] * c.scale);
      c.slider.value = String(shown);
      c.box.value = String(shown);
      c.error.hidden = true;
      c.box.removeAttribute("aria-invalid");
    }
    for (const [id, box] of Object.entries(tacticBoxes)) {
      box.checked = scenario.tactics.includes(id);
      box.setAttribute("aria-checked", box.checked ? "true" : "false");
    }
    const defaults = defaultsOf(config);
    if (Object.entries(config.params).some(([name, spec]) => spec.advanced &&
        [state.A, state.B].some((sc) => sc && sc.params[name] !== defaults[name]))) {
      advanced.open = true;
    }
    compareBox.checked = state.compare;
    editGroup.hidden = !state.compare;
    editRadios[state.editing].checked = true;
  }

  function scenarios() {
    return state.compare ? ["A", "B"] : ["A"];
  }

  function update() {
    results = {};
    for (const name of scenarios()) {
      results[name] = simulate({ ...state[name].params, tactics: state[name].tactics }, config);
    }
    renderCards();
    renderFunnel();
    drawChart();
    announce();
    root.dataset.scenarios = String(scenarios().length);
    // Python sees the parameters of scenario A (the kernel recomputes the results with model.py).
    model.set("params", { ...state.A.params, tactics: state.A.tactics });
    model.save_changes();
  }

  function renderCards() {
    cards.replaceChildren();
    for (const key of CARDS) {
      const values = scenarios().map((name) =>
        h("div", { class: `cws-value cws-value-${name}`, "data-scenario": name },
          state.compare ? h("span", { class: "cws-tag", text: `${name}: ` }) : null,
          h("span", { class: "cws-number-out", text: fmt(key, results[name].totals[key]) })));
      cards.append(h("div", { class: "cws-card", "data-metric": key },
        h("div", { class: "cws-card-label", text: t(key) }), ...values));
    }
    viralNote.hidden = !scenarios().some((name) => results[name].totals.r >= 1);
  }

  function renderFunnel() {
    funnel.replaceChildren();
    for (const name of scenarios()) {
      const totals = results[name].totals;
      const top = Math.max(totals.impressions, 1);
      const list = h("ol", { class: "cws-funnel-steps", "aria-label": `${t("funnel")} ${state.compare ? name : ""}`.trim() });
      FUNNEL.forEach((key, index) => {
        const value = totals[key];
        // log scale: orders are often a ten-thousandth of impressions and must still be visible
        const width = value > 0 ? Math.max(4, (100 * Math.log10(1 + value)) / Math.log10(1 + top)) : 0;
        const share = index === 0 ? "" : ` (${t("of_previous", {
          percent: percent.format(totals[FUNNEL[index - 1]] > 0 ? value / totals[FUNNEL[index - 1]] : 0),
        })})`;
        list.append(h("li", { class: "cws-funnel-step" },
          h("span", { class: "cws-funnel-bar", style: `width:${width}%`, "aria-hidden": "true" }),
          h("span", { class: "cws-funnel-text", text: `${t(key)}: ${fmt(key, value)}${share}` })));
      });
      list.append(h("li", { class: "cws-funnel-step cws-funnel-revenue" },
        h("span", { class: "cws-funnel-text", text: `${t("revenue")}: ${fmt("revenue", totals.revenue)}` })));
      funnel.append(state.compare ? h("div", { class: "cws-funnel-scenario" },
        h("p", { class: "cws-tag", text: `${t("scenario")} ${name}` }), list) : list);
    }
  }

  function traces() {
    const data = [];
    for (const name of scenarios()) {
      const daily = results[name].daily;
      for (const key of SERIES) {
        data.push({
          type: "scatter", mode: "lines+markers", name: state.compare ? `${t(key)} (${name})` : t(key),
          x: daily.map((row) => row.day), y: daily.map((row) => row[key]),
          line: { color: COLORS[key], dash: name === "B" ? "dash" : "solid", width: 2 },
          marker: { size: 4, symbol: name === "B" ? "square" : "circle" },
        });
      }
    }
    return data;
  }

  function drawChart() {
    const last = results.A.daily[results.A.daily.length - 1] || { day: 0, impressions: 0 };
    chartCaption.textContent = t("chart_label", { day: last.day, impressions: fmt("impressions", last.impressions) });
    if (!plotly) return;
    const started = inputStarted;
    const layout = {
      margin: { l: 50, r: 10, t: 10, b: 40 }, height: 320, autosize: true,
      xaxis: { title: { text: t("day") }, dtick: results.A.daily.length > 30 ? undefined : 1 },
      yaxis: { type: "log", rangemode: "tozero" },
      legend: { orientation: "h", y: -0.2 }, font: { size: root.classList.contains("cw-present") ? 18 : 12 },
    };
    plotly.react(chartBox, traces(), layout, { responsive: true, displaylogo: false }).then(() => {
      const redraws = Number(root.dataset.redraws || 0) + 1;
      root.dataset.redraws = String(redraws);
      if (started !== null) {
        root.dispatchEvent(new CustomEvent("cws-redrawn", { detail: { ms: performance.now() - started } }));
      }
    });
  }

  function announce() {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      status.textContent = scenarios().map((name) => {
        const totals = results[name].totals;
        return t("summary", { scenario: name, reach: fmt("reach", totals.reach), likes: fmt("likes", totals.likes),
          orders: fmt("orders", totals.orders), revenue: fmt("revenue", totals.revenue) });
      }).join(" ");
    }, 600);
  }

  function applyPreset(id) {
    const preset = config.presets[id];
    if (!preset) return;
    if (preset.kind === "demo") {
      state.A = scenarioFrom(config, preset, defaultsOf(config));
      state.compare = Boolean(preset.b);
      state.B = preset.b ? scenarioFrom(config, preset.b, defaultsOf(config)) : null;
      state.editing = "A";
    } else {
      const scenario = current();
      scenario.params = { ...scenario.params, ...preset.params };
    }
    presetSelect.value = id;
    syncControls();
    update();
  }

  presetSelect.addEventListener("change", () => {
    if (presetSelect.value) applyPreset(presetSelect.value);
  });
  resetButton.addEventListener("click", () => {
    state.A = { params: defaultsOf(config), tactics: [] };
    state.B = null;
    state.compare = false;
    state.editing = "A";
    presetSelect.value = "";
    syncControls();
    update();
  });
  compareBox.addEventListener("change", () => {
    state.compare = compareBox.checked;
    if (state.compare && !state.B) {
      // The helpful default: the same campaign with (or without) giveaways for sharing.
      const tactics = new Set(state.A.tactics);
      if (tactics.has("giveaway")) tactics.delete("giveaway"); else tactics.add("giveaway");
      state.B = { params: { ...state.A.params }, tactics: Object.keys(config.tactics).filter((k) => tactics.has(k)) };
    }
    if (!state.compare) state.editing = "A";
    syncControls();
    update();
  });
  for (const [name, radio] of Object.entries(editRadios)) {
    radio.addEventListener("change", () => {
      if (radio.checked) {
        state.editing = name;
        syncControls();
      }
    });
  }
  csvButton.addEventListener("click", () => {
    const rows = [CSV_COLUMNS.join(",")];
    for (const name of scenarios()) {
      for (const row of results[name].daily) {
        rows.push(CSV_COLUMNS.map((key) => (key === "scenario" ? name : String(row[key]))).join(","));
      }
    }
    downloadText("campaign-daily.csv", `${rows.join("\n")}\n`, "text/csv");
  });
  const onParams = () => {
    const given = model.get("params") || {};
    const { tactics, ...values } = given;
    const same = JSON.stringify({ ...state.A.params }) === JSON.stringify({ ...state.A.params, ...values }) &&
      JSON.stringify(state.A.tactics) === JSON.stringify(tactics || []);
    if (same) return;
    state.A = { params: { ...state.A.params, ...values }, tactics: [...(tactics || [])] };
    syncControls();
    update();
  };
  model.on("change:params", onParams);

  // plotly.js (about 1 MB) loads only when the chart comes near the screen.
  const loadChart = () => {
    getPlotly(model).then((loaded) => {
      plotly = loaded;
      chartBox.replaceChildren();
      drawChart();
    }).catch(() => {});
  };
  if (typeof IntersectionObserver === "function") {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        loadChart();
      }
    }, { rootMargin: "300px" });
    observer.observe(chartBox);
  } else {
    loadChart();
  }

  const fromUrl = requestedPreset(config);
  syncControls();
  if (fromUrl) applyPreset(fromUrl);
  else update();
  return () => model.off("change:params", onParams);
}

export default { render };
