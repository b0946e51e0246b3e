// The quiz widget's whole UI (anywidget ES module). Runs the same in the static book (a stand-in
// model, no kernel) and in JupyterLab. Scoring and results files come from core.js.
import {
  downloadText,
  h,
  injectSharedStyles,
  pickLang,
  setupProjector,
  storageGet,
  storageSet,
  translator,
  uniqueId,
} from "../js/common.js";
import {
  buildResults,
  correctIds,
  fileSlug,
  formatNumber,
  hasAnswer,
  isComplete,
  rereadHref,
  resultsCSV,
  resultsJSON,
  scoreQuestion,
  shuffled,
  storageKey,
  timestampNow,
} from "./core.js";

const EMPTY_STATE = () => ({ sel: {}, checked: {}, revealed: {}, submitted: false, student: "" });

/** "✓ correct" as icon + word: colour is never the only signal. */
function mark(kind, word) {
  const icon = { right: "✓", wrong: "✗", answer: "➜" }[kind];
  return h("span", { class: `cwq-mark cwq-mark-${kind}` },
    h("span", { class: "cwq-icon", "aria-hidden": "true", text: icon }), " ", word);
}

function render({ model, el }) {
  injectSharedStyles();
  const lang = pickLang(model);
  const t = translator(model.get("strings") || {}, lang);
  const questions = model.get("questions") || [];
  const exam = model.get("mode") === "exam";
  const seed = model.get("seed") || 0;
  const quizId = model.get("quiz_id") || "quiz";
  const meta = {
    bank: model.get("bank") || quizId.split("/")[0],
    bank_version: model.get("bank_version") || 1,
    language: model.get("lang") || lang,
    section: model.get("section") || quizId.split("/").pop(),
    mode: exam ? "exam" : "practice",
  };
  const staticBook = Boolean(globalThis.courseWidgets && globalThis.courseWidgets.static);
  const key = storageKey(quizId, lang, meta.bank_version);
  const fmt = (x) => formatNumber(x, lang);

  let state = Object.assign(EMPTY_STATE(), storageGet(key, {}) || {});
  const restored = Object.keys(state.sel).length > 0 || state.submitted;
  const views = new Map(); // question id -> {question, refresh(), focusFirst(), ...}

  const save = () => storageSet(key, state);

  // ------------------------------------------------------------------ answers -> model
  function countedAnswers() {
    const out = {};
    for (const q of questions) {
      const answer = state.sel[q.id];
      if (exam ? hasAnswer(answer) : state.checked[q.id]) out[q.id] = answer;
    }
    return out;
  }

  function sync() {
    const answers = countedAnswers();
    model.set("answers", answers);
    model.set("max_score", questions.length);
    if (!exam) {
      let score = 0;
      for (const q of questions) score += scoreQuestion(q, answers[q.id]);
      model.set("score", score);
      model.set("completed", questions.every((q) => state.checked[q.id]));
    } else {
      model.set("completed", Boolean(state.submitted));
    }
    model.save_changes();
  }

  // ------------------------------------------------------------------ layout
  const titleId = uniqueId("cwq-title");
  const root = h("section", { class: "cwq", lang, "aria-labelledby": titleId, "data-mode": meta.mode });
  const head = h("div", { class: "cwq-head" },
    h("p", { class: "cwq-title", id: titleId, text: model.get("title") || "" }));
  if (typeof setupProjector === "function") {
    head.append(setupProjector(root, { on: t("projector_on"), off: t("projector_off") }));
  }
  root.append(head);
  if (exam) root.append(h("p", { class: "cwq-note", text: t("exam_note") }));
  const progress = h("p", { class: "cwq-progress", role: "status" });
  const announcer = h("p", { class: "cwq-announce", "aria-live": "polite" });
  root.append(progress, announcer);
  const list = h("ol", { class: "cwq-list" });
  root.append(list);
  questions.forEach((question, index) => {
    const view = buildQuestion(question, index);
    views.set(question.id, view);
    list.append(h("li", { class: "cwq-li" }, view.node));
  });
  const summary = h("div", { class: "cwq-summary", hidden: true, tabindex: "-1" });
  root.append(summary);
  const tools = buildTools();
  root.append(tools.node);
  el.append(root);

  // ------------------------------------------------------------------ one question
  function buildQuestion(q, index) {
    const qid = q.id;
    const name = uniqueId("cwq-q");
    const hintId = `${name}-hint`;
    const feedback = h("div", { class: "cwq-feedback", "aria-live": "polite", tabindex: "-1" });
    const body = h("div", { class: "cwq-body" });
    const inputs = []; // every form control of the question
    const parts = []; // {id, node: row, markSlot, fbSlot} per option/item/pair
    const hint = {
      single: "select_one", multiple: "select_many", truefalse: "truefalse_hint",
      classify: "classify_hint", match: "match_hint",
    }[q.type];
    const fieldset = h("fieldset", { class: "cwq-q", "data-qid": qid, "data-type": q.type,
      "aria-describedby": hintId },
    h("legend", { class: "cwq-legend" },
      h("span", { class: "cwq-qnum", text: t("question_n", { n: index + 1, total: questions.length }) }),
      " ",
      h("span", { class: "cwq-prompt", text: q.prompt })),
    h("p", { class: "cwq-hint", id: hintId, text: t(hint) }),
    body);

    const partRow = (id, row) => {
      const markSlot = h("span", { class: "cwq-mark-slot" });
      const fbSlot = h("div", { class: "cwq-part-feedback" });
      row.append(markSlot);
      const wrap = h("div", { class: "cwq-part", "data-part": id }, row, fbSlot);
      parts.push({ id, node: wrap, markSlot, fbSlot });
      return wrap;
    };

    const onChange = () => {
      state.sel[qid] = readAnswer();
      if (!hasAnswer(state.sel[qid])) delete state.sel[qid];
      feedback.textContent = "";
      save();
      if (exam) sync();
      updateProgress();
    };

    if (q.type === "single" || q.type === "multiple") {
      const type = q.type === "single" ? "radio" : "checkbox";
      // The question's fieldset/legend already names the group.
      const group = h("div", { class: "cwq-options" });
      for (const option of shuffled(q.options, seed, qid)) {
        const input = h("input", { type, name, value: option.id, class: "cwq-input", onchange: onChange });
        inputs.push(input);
        group.append(partRow(option.id,
          h("label", { class: "cwq-option" }, input, h("span", { class: "cwq-text", text: option.text }))));
      }
      body.append(group);
    } else if (q.type === "truefalse") {
      const group = h("div", { class: "cwq-options cwq-tf" });
      for (const value of ["true", "false"]) {
        const input = h("input", { type: "radio", name, value, class: "cwq-input", onchange: onChange });
        inputs.push(input);
        group.append(partRow(value,
          h("label", { class: "cwq-option" }, input, h("span", { class: "cwq-text", text: t(value) }))));
      }
      body.append(group);
    } else if (q.type === "classify") {
      for (const item of q.items) {
        const itemName = `${name}-${item.id}`;
        const radios = q.categories.map((category) => {
          const input = h("input", { type: "radio", name: itemName, value: category.id,
            class: "cwq-input", "data-item": item.id, onchange: onChange });
          inputs.push(input);
          return h("label", { class: "cwq-option cwq-cat" }, input,
            h("span", { class: "cwq-text", text: category.label }));
        });
        const row = h("fieldset", { class: "cwq-item" },
          h("legend", { class: "cwq-item-text", text: item.text }),
          h("div", { class: "cwq-cats" }, radios));
        body.append(partRow(item.id, row));
      }
    } else if (q.type === "match") {
      const rights = q.pairs.map((p) => ({ id: p.id, text: p.right }));
      const order = shuffled(rights, seed, qid);
      for (const pair of q.pairs) {
        const selectId = `${name}-${pair.id}`;
        const select = h("select", { id: selectId, class: "cwq-input cwq-select", "data-pair": pair.id,
          onchange: onChange },
        h("option", { value: "", text: t("choose") }),
        order.map((r) => h("option", { value: r.id, text: r.text })));
        inputs.push(select);
        body.append(partRow(pair.id, h("div", { class: "cwq-pair" },
          h("label", { class: "cwq-left", for: selectId, text: pair.left }), select)));
      }
    }

    function readAnswer() {
      if (q.type === "single") {
        const on = inputs.find((i) => i.checked);
        return on ? on.value : undefined;
      }
      if (q.type === "multiple") return inputs.filter((i) => i.checked).map((i) => i.value).sort();
      if (q.type === "truefalse") {
        const on = inputs.find((i) => i.checked);
        return on ? on.value === "true" : undefined;
      }
      const out = {};
      if (q.type === "classify") {
        for (const i of inputs) if (i.checked) out[i.dataset.item] = i.value;
      } else {
        for (const s of inputs) if (s.value) out[s.dataset.pair] = s.value;
      }
      return out;
    }

    function writeAnswer(answer) {
      for (const input of inputs) {
        if (q.type === "single") input.checked = answer === input.value;
        else if (q.type === "multiple") input.checked = Array.isArray(answer) && answer.includes(input.value);
        else if (q.type === "truefalse") input.checked = answer !== undefined && String(answer) === input.value;
        else if (q.type === "classify") {
          input.checked = Boolean(answer) && answer[input.dataset.item] === input.value;
        } else input.value = (answer && answer[input.dataset.pair]) || "";
      }
    }

    // Buttons (practice only): Check, then Try again / Show answer after a wrong attempt.
    const checkBtn = h("button", { type: "button", class: "cwq-btn cwq-check", text: t("check"),
      onclick: () => check() });
    const retryBtn = h("button", { type: "button", class: "cwq-btn cwq-retry", text: t("try_again"),
      onclick: () => retry() });
    const showBtn = h("button", { type: "button", class: "cwq-btn cwq-show", text: t("show_answer"),
      onclick: () => reveal() });
    if (!exam) {
      fieldset.append(feedback, h("div", { class: "cwq-actions" }, checkBtn, retryBtn, showBtn));
    }

    function check() {
      const answer = readAnswer();
      if (!isComplete(q, answer)) {
        const partial = q.type === "classify" || q.type === "match";
        feedback.replaceChildren(h("p", { class: "cwq-warn", text: t(partial ? "answer_all_parts" : "answer_first") }));
        return;
      }
      state.sel[qid] = answer;
      state.checked[qid] = true;
      save();
      sync();
      refresh();
      updateProgress();
      feedback.focus();
    }

    function retry() {
      delete state.checked[qid];
      delete state.revealed[qid];
      save();
      sync();
      refresh();
      updateProgress();
      (inputs.find((i) => i.checked) || inputs[0]).focus();
    }

    function reveal() {
      state.revealed[qid] = true;
      save();
      refresh();
      feedback.focus();
    }

    function partFeedback(part) {
      if (q.type === "single" || q.type === "multiple") {
        const option = q.options.find((o) => o.id === part.id);
        return option && option.feedback;
      }
      if (q.type === "truefalse") return q.feedback && q.feedback[part.id];
      const entry = (q.items || q.pairs).find((x) => x.id === part.id);
      return entry && entry.feedback;
    }

    /** Bring the question's look in line with `state` (locks, marks, feedback, buttons). */
    function refresh() {
      const answer = state.sel[qid];
      writeAnswer(answer);
      const checked = !exam && Boolean(state.checked[qid]);
      const revealed = checked && Boolean(state.revealed[qid]);
      const locked = checked || (exam && state.submitted);
      for (const input of inputs) input.disabled = locked;
      for (const part of parts) {
        part.markSlot.replaceChildren();
        part.fbSlot.replaceChildren();
        part.node.removeAttribute("data-result");
      }
      fieldset.removeAttribute("data-result");
      checkBtn.hidden = exam || checked;
      retryBtn.hidden = true;
      showBtn.hidden = true;
      if (!checked) {
        if (!exam) feedback.replaceChildren();
        return;
      }
      const points = scoreQuestion(q, answer);
      const verdict = points === 1 ? "right" : points > 0 ? "partial" : "wrong";
      fieldset.setAttribute("data-result", verdict);
      const rightIds = new Set(q.type === "truefalse" ? [String(q.answer)] : correctIds(q));
      for (const part of parts) {
        let result = null;
        let showFeedback = false;
        let correction = null;
        if (q.type === "single" || q.type === "multiple" || q.type === "truefalse") {
          const chosen = q.type === "multiple" ? (answer || []).includes(part.id)
            : String(answer) === part.id;
          if (chosen) {
            result = rightIds.has(part.id) ? "right" : "wrong";
            showFeedback = true;
          } else if (revealed && rightIds.has(part.id)) {
            result = "answer";
            showFeedback = true;
          }
        } else {
          const expected = q.type === "classify"
            ? q.items.find((i) => i.id === part.id).category : part.id;
          const ok = answer && answer[part.id] === expected;
          result = ok ? "right" : "wrong";
          // A wrong placement's feedback names the right one: it waits for "Show answer".
          showFeedback = ok || revealed;
          if (!ok && revealed) {
            const label = q.type === "classify"
              ? q.categories.find((c) => c.id === expected).label
              : q.pairs.find((p) => p.id === expected).right;
            correction = t("correct_is", { answer: label });
          }
        }
        if (!result) continue;
        part.node.setAttribute("data-result", result);
        const word = { right: t("mark_right"), wrong: t("mark_wrong"), answer: t("mark_correct_answer") }[result];
        part.markSlot.append(mark(result, word));
        if (correction) part.fbSlot.append(h("p", { class: "cwq-correction", text: correction }));
        const text = showFeedback && partFeedback(part);
        if (text) part.fbSlot.append(h("p", { class: "cwq-part-text", text }));
      }
      const verdictText = {
        right: t("result_right"),
        partial: t("result_partial", { points: fmt(points) }),
        wrong: t("result_wrong"),
      }[verdict];
      const icon = { right: "✓", partial: "◐", wrong: "✗" }[verdict];
      const lines = [h("p", { class: `cwq-verdict cwq-verdict-${verdict}` },
        h("span", { class: "cwq-icon", "aria-hidden": "true", text: icon }), " ", verdictText)];
      if (q.type === "multiple" && points < 1 && !revealed
          && [...rightIds].some((id) => !(answer || []).includes(id))) {
        lines.push(h("p", { class: "cwq-missed", text: t("missed") }));
      }
      feedback.replaceChildren(...lines);
      if (points < 1 && !revealed) {
        retryBtn.hidden = false;
        showBtn.hidden = false;
      }
    }

    return { node: fieldset, question: q, refresh, focusFirst: () => inputs[0] && inputs[0].focus() };
  }

  // ------------------------------------------------------------------ progress and summary
  function updateProgress() {
    const total = questions.length;
    if (exam) {
      const done = questions.filter((q) => hasAnswer(state.sel[q.id])).length;
      progress.textContent = t("progress_exam", { done, total });
      progress.dataset.done = String(done);
      tools.refresh();
      return;
    }
    let score = 0;
    let done = 0;
    for (const q of questions) {
      if (!state.checked[q.id]) continue;
      done += 1;
      score += scoreQuestion(q, state.sel[q.id]);
    }
    progress.textContent = t("progress", { done, total, score: fmt(score), max: total });
    progress.dataset.done = String(done);
    progress.dataset.score = String(score);
    updateSummary(done === total, score);
  }

  function updateSummary(complete, score) {
    if (!complete) {
      summary.hidden = true;
      summary.replaceChildren();
      return;
    }
    const missed = new Map(); // reread target -> {topic, numbers}
    questions.forEach((q, index) => {
      if (scoreQuestion(q, state.sel[q.id]) >= 1 || !q.reread) return;
      const href = rereadHref(q.reread, staticBook);
      if (!missed.has(href)) missed.set(href, { topic: q.topic, numbers: [] });
      missed.get(href).numbers.push(index + 1);
    });
    const children = [
      h("p", { class: "cwq-summary-title", text: t("summary_title") }),
      h("p", { class: "cwq-summary-score", text: t("summary_score", { score: fmt(score), max: questions.length }) }),
    ];
    if (!missed.size) children.push(h("p", { text: t("summary_all_right") }));
    else {
      children.push(h("p", { text: t("summary_reread") }));
      children.push(h("ul", { class: "cwq-reread" }, [...missed].map(([href, info]) =>
        h("li", {}, h("a", { href, text: t("reread_link", { topic: t(`topic_${info.topic}`) }) }),
          ` (${info.numbers.join(", ")})`))));
    }
    summary.replaceChildren(...children);
    summary.hidden = false;
  }

  // ------------------------------------------------------------------ name, downloads, reset, submit
  function buildTools() {
    const nameId = uniqueId("cwq-name");
    const nameInput = h("input", { type: "text", id: nameId, class: "cwq-name", autocomplete: "name",
      value: state.student || "",
      oninput: (event) => { state.student = event.target.value; save(); } });
    const download = (kind) => {
      const record = buildResults({ meta, questions, answers: countedAnswers(),
        student: state.student, timestamp: timestampNow() });
      const who = fileSlug(state.student);
      const base = `${meta.bank}-${meta.section}-${meta.language}${who ? "-" + who : ""}`;
      if (kind === "json") downloadText(`${base}.json`, resultsJSON(record), "application/json");
      else downloadText(`${base}.csv`, resultsCSV(record, questions.map((q) => q.id)), "text/csv");
    };
    const jsonBtn = h("button", { type: "button", class: "cwq-btn cwq-download-json",
      text: t("download_json"), onclick: () => download("json") });
    const csvBtn = h("button", { type: "button", class: "cwq-btn cwq-download-csv",
      text: t("download_csv"), onclick: () => download("csv") });
    const downloads = h("div", { class: "cwq-downloads" },
      h("label", { for: nameId, class: "cwq-name-label", text: t("student_name") }), nameInput,
      h("div", { class: "cwq-row" }, jsonBtn, csvBtn));

    // An inline question instead of window.confirm: works in every embedding, keyboard first.
    const confirmBox = h("div", { class: "cwq-confirm", role: "group", hidden: true });
    let lastOpener = null;
    const askFirst = (opener, question, yesText, onYes) => {
      lastOpener = opener;
      const yes = h("button", { type: "button", class: "cwq-btn cwq-yes", text: yesText,
        onclick: () => { confirmBox.hidden = true; onYes(); } });
      const no = h("button", { type: "button", class: "cwq-btn cwq-no", text: t("cancel"),
        onclick: () => { confirmBox.hidden = true; lastOpener.focus(); } });
      const textId = uniqueId("cwq-confirm");
      confirmBox.setAttribute("aria-labelledby", textId);
      confirmBox.replaceChildren(h("p", { id: textId, text: question }), h("div", { class: "cwq-row" }, yes, no));
      confirmBox.hidden = false;
      no.focus();
    };
    const resetBtn = h("button", { type: "button", class: "cwq-btn cwq-reset", text: t("reset"),
      onclick: () => askFirst(resetBtn, t("reset_confirm"), t("reset_yes"), reset) });
    const submitBtn = h("button", { type: "button", class: "cwq-btn cwq-submit", text: t("submit"),
      onclick: () => {
        const missing = questions.filter((q) => !hasAnswer(state.sel[q.id])).length;
        askFirst(submitBtn, t("submit_confirm", { missing }), t("submit_yes"), submit);
      } });
    const actions = h("div", { class: "cwq-row" }, exam ? submitBtn : null, resetBtn);
    const node = h("div", { class: "cwq-tools" }, downloads, actions, confirmBox);

    function reset() {
      storageSet(key, null);
      state = EMPTY_STATE();
      nameInput.value = "";
      for (const view of views.values()) view.refresh();
      sync();
      updateProgress();
      announcer.textContent = t("reset_done");
      resetBtn.focus();
    }

    function submit() {
      state.submitted = true;
      save();
      for (const view of views.values()) view.refresh();
      sync();
      updateProgress();
      announcer.textContent = t("submitted");
      jsonBtn.focus();
    }

    return {
      node,
      refresh() {
        // Exam: answers are handed in after Submit, so downloads wait for it.
        downloads.hidden = exam && !state.submitted;
        submitBtn.hidden = !exam || state.submitted;
      },
    };
  }

  for (const view of views.values()) view.refresh();
  tools.refresh();
  updateProgress();
  if (restored) {
    announcer.textContent = t("restored");
    sync(); // a kernel started after the answers were given learns them too
  }
  root.dataset.ready = "true";
  return () => root.remove();
}

export default { render };
