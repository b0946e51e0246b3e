// The quiz's logic without the DOM: seeded shuffling, scoring, results files.
// Scoring must stay identical to widgets/quiz/scoring.py (a test runs both on the same answers).

/** mulberry32: a tiny seeded PRNG, so every student with the same seed sees the same order. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string to 32 bits (turns "seed:question" into a PRNG seed). */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A copy of `list` in an order fixed by (seed, key): Fisher-Yates over mulberry32. */
export function shuffled(list, seed, key) {
  const out = list.slice();
  const random = mulberry32(hashString(`${seed}:${key}`));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const isPlainObject = (value) =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export function correctIds(question) {
  return (question.options || []).filter((o) => o.correct).map((o) => o.id);
}

/** Points (0..1) for one answer; unanswered or malformed answers score 0 (as in scoring.py). */
export function scoreQuestion(question, answer) {
  if (answer === undefined || answer === null) return 0;
  switch (question.type) {
    case "single":
      return typeof answer === "string" && correctIds(question).includes(answer) ? 1 : 0;
    case "multiple": {
      if (!Array.isArray(answer) || !answer.every((a) => typeof a === "string")) return 0;
      const chosen = new Set(answer);
      const right = new Set(correctIds(question));
      if (chosen.size !== right.size) return 0;
      for (const id of chosen) if (!right.has(id)) return 0;
      return 1;
    }
    case "truefalse":
      return typeof answer === "boolean" && answer === question.answer ? 1 : 0;
    case "classify": {
      if (!isPlainObject(answer) || !question.items.length) return 0;
      const right = question.items.filter((item) => answer[item.id] === item.category).length;
      return right / question.items.length;
    }
    case "match": {
      if (!isPlainObject(answer) || !question.pairs.length) return 0;
      const right = question.pairs.filter((pair) => answer[pair.id] === pair.id).length;
      return right / question.pairs.length;
    }
    default:
      return 0;
  }
}

/** The answer worth 1 point, in the results file's shape. */
export function correctAnswer(question) {
  switch (question.type) {
    case "single":
      return correctIds(question)[0];
    case "multiple":
      return correctIds(question).sort();
    case "truefalse":
      return question.answer;
    case "classify":
      return Object.fromEntries(question.items.map((item) => [item.id, item.category]));
    case "match":
      return Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id]));
    default:
      return undefined;
  }
}

/** Whether every part of the question has an answer (Check needs a complete answer). */
export function isComplete(question, answer) {
  switch (question.type) {
    case "single":
      return typeof answer === "string" && answer !== "";
    case "multiple":
      return Array.isArray(answer) && answer.length > 0;
    case "truefalse":
      return typeof answer === "boolean";
    case "classify":
      return isPlainObject(answer) && question.items.every((item) => answer[item.id]);
    case "match":
      return isPlainObject(answer) && question.pairs.every((pair) => answer[pair.id]);
    default:
      return false;
  }
}

/** Whether the student has given any part of an answer (a partly sorted classify counts). */
export function hasAnswer(answer) {
  if (answer === undefined || answer === null || answer === "") return false;
  if (Array.isArray(answer)) return answer.length > 0;
  if (isPlainObject(answer)) return Object.keys(answer).length > 0;
  return true;
}

/**
 * Where "reread" leads: "article.md#definition" -> "article.html#definition" in the built book
 * (the quiz page sits next to the article); in JupyterLab the .md opens as a notebook.
 */
export function rereadHref(reread, staticBook) {
  if (!reread) return "";
  return staticBook ? reread.replace(/\.md(#|$)/, ".html$1") : reread;
}

/** 2.5 -> "2,5" in Polish and Swedish, "2.5" in English. */
export function formatNumber(value, lang) {
  const locale = { pl: "pl-PL", sv: "sv-SE" }[lang] || "en-GB";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function storageKey(quizId, lang, version) {
  return `cwq:${quizId}:${lang}:v${version}`;
}

/** A safe piece of a file name from what a student typed. */
export function fileSlug(text) {
  return String(text || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 40);
}

export const RESULTS_FORMAT = "social-commerce-quiz-results/1";
export const CSV_COLUMNS = [
  "bank", "bank_version", "language", "section", "mode", "student", "timestamp",
  "question_id", "answer", "points",
];

/** "2026-11-24T10:00:00Z": ISO 8601 in UTC, whole seconds. */
export function timestampNow(date = new Date()) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The results record of BANK_FORMAT.md. `answers` are the answers that count (practice: checked
 * ones; exam: everything chosen). In exam mode the page cannot score, so score/points are null.
 */
export function buildResults({ meta, questions, answers, student, timestamp }) {
  const exam = meta.mode === "exam";
  const kept = {};
  for (const q of questions) if (hasAnswer(answers[q.id])) kept[q.id] = answers[q.id];
  let points = null;
  let score = null;
  if (!exam) {
    points = {};
    score = 0;
    for (const q of questions) {
      points[q.id] = scoreQuestion(q, kept[q.id]);
      score += points[q.id];
    }
  }
  return {
    format: RESULTS_FORMAT,
    bank: meta.bank,
    bank_version: meta.bank_version,
    language: meta.language,
    section: meta.section,
    mode: meta.mode,
    student: String(student || "").trim(),
    timestamp,
    score,
    max_score: exam ? null : questions.length,
    answers: kept,
    points,
  };
}

export function resultsJSON(record) {
  return JSON.stringify(record, null, 2) + "\n";
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per question of the section; `answer` is the answer's JSON, empty when unanswered. */
export function resultsCSV(record, questionIds) {
  const rows = [CSV_COLUMNS.join(",")];
  for (const qid of questionIds) {
    const answer = record.answers[qid];
    const points = record.points ? record.points[qid] : null;
    rows.push(
      [
        record.bank, record.bank_version, record.language, record.section, record.mode,
        record.student, record.timestamp, qid,
        answer === undefined ? "" : JSON.stringify(answer),
        points === null || points === undefined ? "" : points,
      ].map(csvCell).join(","),
    );
  }
  return rows.join("\n") + "\n";
}
