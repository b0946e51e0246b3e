// The expected-value campaign model in JavaScript: the widget's copy of widgets/simulator/model.py.
// Same parameter names, same JSON shape, same order of operations, so both agree to 1e-9
// (tests/test_simulator_parity.py runs fixtures written by Python through this module with node
// and in Chromium). `config` is the JSON of params.yml and tactics.yml (widgets.simulator.config.as_json).

export const MAX_GENERATIONS = 100;
export const NEGLIGIBLE = 1e-9;
export const EFFECT_KEYS = ["organic_reach", "p_like", "p_comment", "p_share", "p_click", "conversion"];
const SUMMED = ["reach", "impressions", "organic_impressions", "viral_impressions", "likes",
  "comments", "shares", "clicks", "orders", "revenue"];

function describe(name, spec) {
  const kind = spec.integer ? "a whole number" : "a number";
  return `'${name}' must be ${kind} between ${spec.min} and ${spec.max}`;
}

/** Full parameter values (defaults filled in) or an Error naming the parameter and its range. */
export function checkParams(given, config) {
  const values = {};
  for (const [name, spec] of Object.entries(config.params)) values[name] = spec.default;
  for (const [name, value] of Object.entries(given || {})) {
    if (name === "tactics") continue;
    const spec = config.params[name];
    if (!spec) throw new Error(`unknown parameter '${name}'`);
    const ok = typeof value === "number" && Number.isFinite(value) && value >= spec.min &&
      value <= spec.max && (!spec.integer || Number.isInteger(value));
    if (!ok) throw new Error(`${describe(name, spec)}, got ${value}`);
    values[name] = value;
  }
  return values;
}

export function checkTactics(given, config) {
  const chosen = given || [];
  for (const id of chosen) {
    if (!config.tactics[id]) throw new Error(`unknown tactic '${id}'`);
  }
  return Object.keys(config.tactics).filter((id) => chosen.includes(id));
}

export function effectiveProbabilities(values, tacticIds, config) {
  const effective = {};
  for (const key of EFFECT_KEYS) effective[key] = values[key];
  for (const id of tacticIds) {
    for (const [key, factor] of Object.entries(config.tactics[id].effects)) {
      effective[key] = effective[key] * factor;
    }
  }
  for (const key of EFFECT_KEYS) effective[key] = Math.min(1, effective[key]);
  return effective;
}

let activeConfig = null;

/** Set the parameter and tactic definitions `simulate` uses when none are passed. */
export function configure(config) {
  activeConfig = config;
}

export function ratio(numerator, denominator) {
  return denominator > 0 ? numerator / denominator : 0;
}

function rates(totals, values, r) {
  const posts = values.posts_per_day * values.days;
  const engagements = totals.likes + totals.comments + totals.shares;
  return {
    posts,
    engagements,
    engagement_rate_reach: ratio(engagements, totals.reach),
    engagement_rate_impressions: ratio(engagements, totals.impressions),
    engagement_rate_followers: ratio(engagements, values.followers * posts),
    amplification_rate: ratio(totals.shares, posts),
    applause_rate: ratio(totals.likes, posts),
    conversation_rate: ratio(totals.comments, posts),
    virality_rate: ratio(totals.shares, totals.reach),
    click_through_rate: ratio(totals.clicks, totals.impressions),
    r,
  };
}

/** Expected outcome of a campaign: {params, tactics, effective, daily, totals}. Throws on bad input. */
export function simulate(params, config = activeConfig) {
  if (!config) throw new Error("simulate: call configure(config) first");
  const tacticIds = checkTactics(params && params.tactics, config);
  const values = checkParams(params, config);
  const p = effectiveProbabilities(values, tacticIds, config);
  const audience = values.audience;
  const followers = Math.min(values.followers, audience);
  const posts = values.posts_per_day;
  const spread = values.sharer_followers * values.share_reach;
  const r = p.p_share * spread;
  const miss = (1.0 - p.organic_reach) ** posts;
  let unseen = 1.0;
  let reached = 0.0;
  const daily = [];
  for (let day = 1; day <= values.days; day += 1) {
    const organic = posts * followers * p.organic_reach;
    const fresh = Math.min(followers * unseen * (1.0 - miss), organic, audience - reached);
    unseen = unseen * miss;
    reached = reached + fresh;
    let dayReach = fresh;
    let viral = 0.0;
    let depth = 0;
    let sharers = organic * p.p_share;
    for (let generation = 1; generation <= MAX_GENERATIONS; generation += 1) {
      const remaining = audience - reached;
      if (remaining <= 0 || sharers <= 0) break;
      const fresh2 = Math.min(sharers * spread * (remaining / audience), remaining);
      if (fresh2 < NEGLIGIBLE) break;
      reached = reached + fresh2;
      viral = viral + fresh2;
      dayReach = dayReach + fresh2;
      if (fresh2 >= 1) depth = generation;
      sharers = fresh2 * p.p_share;
    }
    const impressions = organic + viral;
    const clicks = impressions * p.p_click;
    const orders = clicks * p.conversion;
    daily.push({
      day,
      reach: dayReach,
      cumulative_reach: reached,
      impressions,
      organic_impressions: organic,
      viral_impressions: viral,
      likes: impressions * p.p_like,
      comments: impressions * p.p_comment,
      shares: impressions * p.p_share,
      clicks,
      orders,
      revenue: orders * values.order_value,
      cascade_depth: depth,
    });
  }
  const totals = {};
  for (const key of SUMMED) totals[key] = 0.0;
  for (const row of daily) {
    for (const key of SUMMED) totals[key] = totals[key] + row[key];
  }
  totals.cascade_depth = daily.reduce((m, row) => Math.max(m, row.cascade_depth), 0);
  Object.assign(totals, rates(totals, values, r));
  return { params: values, tactics: tacticIds, effective: p, daily, totals };
}
