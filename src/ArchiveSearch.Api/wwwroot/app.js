// The search page: all state lives in the URL; every render comes from one /api/search answer.
// Highlights are the only HTML the API returns (matches in <mark>, the rest escaped); every other
// string from an article is inserted as text.

const $ = (id) => document.getElementById(id);
const LIST_KEYS = ["hashtag", "source", "type"];
const SCALAR_KEYS = ["q", "from", "to", "sort", "page", "dateInterval"];
const SIZE = 10;

let state = readUrl();
let inflight = null;
let typingTimer = 0;
let lastResponse = null;
let indexedSoFar = null;
let suggestTimer = 0;
let suggestInflight = null;
let suggestions = [];
let activeSuggestion = -1;
let detailsId = null;

/** "1 result" / "2 results"; Chinese counts take no plural ("1 条结果", "2 条结果"). */
const count = (n, one, many) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Seconds left as a person reads them: "42 s", "4 min 18 s", "1 h 12 min". */
function duration(seconds) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const s = { hashtag: params.getAll("hashtag"), source: params.getAll("source"), type: params.getAll("type") };
  for (const key of SCALAR_KEYS) s[key] = params.get(key) ?? "";
  return s;
}

function toQuery(s, extra = {}) {
  const params = new URLSearchParams();
  for (const key of SCALAR_KEYS) if (s[key]) params.set(key, s[key]);
  for (const key of LIST_KEYS) for (const value of s[key]) params.append(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** Changes state, records it in the history (typing replaces, everything else pushes) and searches. */
function update(changes, { push = true, resetPage = true } = {}) {
  state = { ...state, ...changes };
  if (resetPage && !("page" in changes)) state.page = "";
  const url = `${location.pathname}${toQuery(state) ? "?" + toQuery(state) : ""}`;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  search();
}

async function search() {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const started = performance.now();
  try {
    const response = await fetch(`/api/search?${toQuery(state, searchExtras())}`, { signal: controller.signal });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      showError(response.status < 500 && body?.detail ? body.detail : `The search service failed (HTTP ${response.status}). Try again in a moment.`);
      return;
    }
    lastResponse = body;
    render(body, performance.now() - started);
  } catch (error) {
    if (error.name !== "AbortError") showError("The search service cannot be reached. Check that it is running.");
  }
}

/**
 * The page's own search parameters. prefix=last: the last word, still being typed, also matches the words it begins
 * (Anthro finds Anthropic); not once a space ended it, which the URL's trimmed q no longer shows.
 */
function searchExtras() {
  const box = $("q");
  const finished = document.activeElement === box && box.value.trim() === state.q && /\s$/.test(box.value);
  return { size: String(SIZE), facetSize: "50", ...(finished ? {} : { prefix: "last" }) };
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
  $("results").replaceChildren();
  $("summary").textContent = "";
  $("empty").hidden = true;
}

function render(body, elapsed) {
  $("error").hidden = true;
  if (document.activeElement !== $("q")) $("q").value = state.q;
  $("sort").value = state.sort;
  const page = Number(state.page || 1);
  $("summary").textContent = `${count(body.total, "result", "results")} · 共 ${body.total.toLocaleString()} 条结果 · ${body.tookMs.toFixed(1)} ms${body.partial ? " · partial (time budget reached)" : ""}`;
  // Like a search engine's "Missing:" line: the results match the rest of the query, not these words.
  $("missing").hidden = body.missingWords.length === 0;
  $("missing-words").textContent = body.missingWords.join(" ");
  // A pasted paragraph is searched by its first words: say which were left out rather than refuse it.
  $("unsearched").hidden = body.unsearchedWords.length === 0;
  $("unsearched-words").textContent = body.unsearchedWords.join(" ");
  $("empty").hidden = body.total !== 0;
  $("results").replaceChildren(...body.hits.map(renderHit));
  $("prev").disabled = page <= 1;
  $("next").disabled = page * SIZE >= body.total || page * SIZE >= 10000;
  $("page-label").textContent = body.total > 0 ? `page ${page} of ${Math.max(1, Math.ceil(Math.min(body.total, 10000) / SIZE))} · 第 ${page} 页` : "";
  renderChecks("hashtag", body.facets.hashtags);
  renderChecks("source", body.facets.sources);
  renderChecks("type", body.facets.types);
  renderHistogram(body.facets.dates);
}

function renderHit(hit) {
  const item = document.createElement("li");
  item.className = "result";
  item.tabIndex = 0;
  item.dataset.id = hit.id;
  // A Weibo post's title starts with its hashtags (#话题##话题#…): they become the chips below, marks and all.
  const heading = withHashtags(hit.highlights.title, { dropLeading: true });
  const title = document.createElement("h3");
  const link = document.createElement(hit.url ? "a" : "span");
  if (hit.url) Object.assign(link, { href: hit.url, target: "_blank", rel: "noopener noreferrer" });
  link.append(...heading.nodes);
  title.append(link);
  const snippet = document.createElement("p");
  snippet.className = "snippet";
  snippet.append(...withHashtags(hit.highlights.snippet).nodes);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.append(text([hit.date ?? "undated", hit.source, hit.type].filter(Boolean).join(" · ") + "  "));
  const fromTitle = new Map(heading.leading.map((tag) => [tag.text.toLowerCase(), tag.nodes]));
  const chips = [...hit.hashtags, ...heading.leading.map((tag) => tag.text).filter((tag) => !hit.hashtags.some((h) => h.toLowerCase() === tag.toLowerCase()))];
  for (const tag of chips) {
    const span = document.createElement("span");
    span.className = "tag";
    span.append(text("#"), ...(fromTitle.get(tag.toLowerCase()) ?? [text(tag)]));
    meta.append(span);
  }
  const more = document.createElement("button");
  Object.assign(more, { type: "button", className: "details-button", textContent: "Details · 详情" });
  more.addEventListener("click", () => showDetails(hit.id));
  meta.append(more);
  item.append(title, snippet, meta);
  return item;
}

/**
 * A highlight (escaped text with matches in <mark>) as DOM nodes, each Weibo-style #话题# shown as a hashtag without
 * its '#' marks and with its matches still marked. With dropLeading, a leading run of hashtags is taken out and
 * returned (as `leading`) for the chips, unless nothing would be left of the text.
 */
export function withHashtags(highlight, { dropLeading = false } = {}) {
  const template = document.createElement("template");
  template.innerHTML = highlight; // safe: the API escapes everything but <mark>; only text is taken from it
  let plain = "";
  const marked = [];
  for (const node of template.content.childNodes) {
    const value = node.textContent ?? "";
    plain += value;
    for (let i = 0; i < value.length; i++) marked.push(node.nodeName === "MARK");
  }
  const runs = (from, to) => {
    const nodes = [];
    for (let i = from; i < to;) {
      let end = i;
      while (end < to && marked[end] === marked[i]) end++;
      if (marked[i]) {
        const mark = document.createElement("mark");
        mark.textContent = plain.slice(i, end);
        nodes.push(mark);
      } else {
        nodes.push(text(plain.slice(i, end)));
      }
      i = end;
    }
    return nodes;
  };
  const tags = weiboTags(plain).map((tag) => ({ ...tag, close: tag.end - 1 }));
  // A snippet cut inside a hashtag ("…#大模型##人工…") ends with an unclosed one: it is a hashtag all the same.
  const after = tags.length > 0 ? tags[tags.length - 1].end : 0;
  const cut = /#([^#\s…][^#\n]*)…$/.exec(plain.slice(after));
  if (cut) tags.push({ start: after + cut.index, end: plain.length - 1, close: plain.length - 1 });
  const leading = [];
  let position = 0;
  if (dropLeading) {
    let at = plain.length - plain.trimStart().length;
    const run = [];
    for (const tag of tags) {
      if (tag.start !== at) break;
      run.push(tag);
      at = tag.end + (plain.slice(tag.end).length - plain.slice(tag.end).trimStart().length);
    }
    if (run.length > 0 && at < plain.length) {
      for (const tag of run) leading.push({ text: plain.slice(tag.start + 1, tag.close), nodes: runs(tag.start + 1, tag.close) });
      position = at;
    }
  }
  const nodes = [];
  for (const tag of tags.filter((t) => t.start >= position)) {
    nodes.push(...runs(position, tag.start));
    const span = document.createElement("span");
    span.className = "hashtag";
    span.append(...runs(tag.start + 1, tag.close));
    nodes.push(span);
    position = tag.end;
  }
  nodes.push(...runs(position, plain.length));
  return { nodes, leading };
}

/**
 * Where the Weibo-style #话题# hashtags are, as the engine's HashtagExtractor reads them: each '#' pairs with the next,
 * the text between is 1–64 characters, not starting with a space ("C# and F#" has none), not ending in one right
 * before a word ("#rust and #go" are Twitter-style), and on one line.
 */
export function weiboTags(plain) {
  const tags = [];
  let open = plain.indexOf("#");
  while (open >= 0) {
    const close = plain.indexOf("#", open + 1);
    if (close < 0) break;
    const content = plain.slice(open + 1, close);
    const isTag = content.length > 0 && [...content].length <= 64 && !/^\s/.test(content) && !content.includes("\n")
      && !(/\s$/.test(content) && /[\p{L}\p{N}_]/u.test(plain[close + 1] ?? ""));
    if (isTag) {
      tags.push({ start: open, end: close + 1 });
      open = plain.indexOf("#", close + 1);
    } else {
      open = close;
    }
  }
  return tags;
}

const text = (value) => document.createTextNode(value);

function renderChecks(key, buckets) {
  const list = $(`facet-${key}`);
  const filter = key === "hashtag" ? $("hashtag-filter") : null;
  if (filter) filter.hidden = buckets.length <= 10;
  const needle = filter && !filter.hidden ? filter.value.trim().toLowerCase() : "";
  const selected = new Set(state[key].map((v) => v.toLowerCase()));
  list.replaceChildren(...buckets
    .filter((b) => !needle || b.value.toLowerCase().includes(needle) || selected.has(b.value.toLowerCase()))
    .map((bucket) => {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      Object.assign(box, { type: "checkbox", checked: selected.has(bucket.value.toLowerCase()), value: bucket.value });
      box.addEventListener("change", () => {
        const others = state[key].filter((v) => v.toLowerCase() !== bucket.value.toLowerCase());
        update({ [key]: box.checked ? [...others, bucket.value] : others });
      });
      const name = document.createElement("span");
      name.textContent = bucket.value;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = bucket.count.toLocaleString();
      label.append(box, name, count);
      item.append(label);
      return item;
    }));
}

function renderHistogram(buckets) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  $("histogram").replaceChildren(...buckets.map((bucket) => {
    const bar = document.createElement("button");
    bar.type = "button";
    bar.className = "bar" + (state.from === bucket.from && state.to === bucket.to ? " selected" : "");
    bar.title = `${bucket.value}: ${bucket.count}`;
    bar.setAttribute("aria-label", `${bucket.value}: ${bucket.count} articles`);
    bar.dataset.from = bucket.from;
    bar.dataset.to = bucket.to;
    // Heights are set through the CSSOM, which the strict Content-Security-Policy allows (inline style attributes are not).
    bar.style.height = `${Math.max(2, (bucket.count / max) * 100)}%`;
    bar.addEventListener("click", () => update({ from: bucket.from, to: bucket.to }));
    return bar;
  }));
  const interval = state.dateInterval || "month";
  for (const button of document.querySelectorAll("[data-interval]")) button.setAttribute("aria-pressed", String(button.dataset.interval === interval));
  $("range-label").textContent = state.from || state.to ? `${state.from || "…"} → ${state.to || "…"}` : "All dates · 全部";
  $("clear-dates").hidden = !(state.from || state.to);
}

async function showDetails(id) {
  detailsId = id;
  const related = fetch(`/api/articles/${encodeURIComponent(id)}/related?size=5`).catch(() => null);
  const response = await fetch(`/api/articles/${encodeURIComponent(id)}`);
  if (!response.ok) return showError("That article could not be loaded.");
  const article = await response.json();
  if (detailsId !== id) return;
  $("details-title").textContent = article.title;
  $("details-meta").textContent = [article.date, article.source, article.type, article.url].filter(Boolean).join(" · ");
  $("details-ai").textContent = article.aiSummary || "—";
  $("details-original").textContent = article.originalText || "—";
  $("details-metadata").replaceChildren(...Object.entries(article.metadata).flatMap(([key, value]) => {
    const dt = document.createElement("dt");
    dt.textContent = key;
    const dd = document.createElement("dd");
    dd.textContent = value;
    return [dt, dd];
  }));
  $("details-related").replaceChildren();
  // A related article opens in the same dialog: open it only once.
  if (!$("details").open) $("details").showModal();
  $("details").scrollTop = 0;
  renderRelated(id, await related);
}

/** The details' related articles, each opening in the dialog; the same article saved again is marked. */
async function renderRelated(id, response) {
  const list = $("details-related");
  const body = response?.ok ? await response.json().catch(() => null) : null;
  if (detailsId !== id) return;
  const note = (message) => {
    const item = document.createElement("li");
    item.className = "none";
    item.textContent = message;
    return item;
  };
  if (!body) return list.replaceChildren(note("Related articles could not be loaded · 相关文章加载失败"));
  if (body.articles.length === 0) return list.replaceChildren(note("No related articles · 没有相关文章"));
  list.replaceChildren(...body.articles.map((related) => {
    const item = document.createElement("li");
    item.dataset.id = related.id;
    if (related.nearDuplicate) item.classList.add("near-duplicate");
    const link = document.createElement("button");
    Object.assign(link, { type: "button", className: "related-link", textContent: related.title });
    link.addEventListener("click", () => showDetails(related.id));
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = [related.date ?? "undated", related.source].filter(Boolean).join(" · ");
    item.append(link, meta);
    if (related.nearDuplicate) {
      const badge = document.createElement("span");
      Object.assign(badge, { className: "badge", textContent: "near-duplicate · 重复收藏", title: "The same article saved again (same title, or nearly the same text)" });
      item.append(badge);
    }
    return item;
  }));
}

/** Completions for what the box holds: hashtags, title words and titles, from /api/suggest. A failure shows none. */
async function suggest(typed) {
  suggestInflight?.abort();
  if (typed.trim() === "") return closeSuggestions();
  const controller = new AbortController();
  suggestInflight = controller;
  try {
    const response = await fetch(`/api/suggest?${new URLSearchParams({ q: typed, size: "8" })}`, { signal: controller.signal });
    const body = response.ok ? await response.json() : null;
    // The box moved on (or lost focus) while this was under way: its own answer will come.
    if ($("q").value !== typed || document.activeElement !== $("q")) return;
    renderSuggestions(body?.suggestions ?? []);
  } catch (error) {
    if (error.name !== "AbortError") closeSuggestions();
  }
}

const KINDS = { hashtag: "话题", word: "词", title: "标题" };

function renderSuggestions(list) {
  suggestions = list;
  activeSuggestion = -1;
  $("suggestions").replaceChildren(...list.map((suggestion, index) => {
    const item = document.createElement("li");
    Object.assign(item, { id: `suggestion-${index}`, className: `suggestion ${suggestion.kind}` });
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = KINDS[suggestion.kind] ?? suggestion.kind;
    const label = document.createElement("span");
    label.className = "text";
    label.textContent = suggestion.kind === "hashtag" ? `#${suggestion.text}` : suggestion.text;
    const number = document.createElement("span");
    number.className = "count";
    number.textContent = suggestion.count.toLocaleString();
    item.append(kind, label, number);
    // mousedown, not click: the box keeps its focus (a blur would close the list before the click lands).
    item.addEventListener("mousedown", (event) => {
      event.preventDefault();
      choose(index);
    });
    return item;
  }));
  $("suggestions").hidden = list.length === 0;
  $("q").setAttribute("aria-expanded", String(list.length > 0));
  $("q").removeAttribute("aria-activedescendant");
}

function closeSuggestions() {
  suggestInflight?.abort();
  clearTimeout(suggestTimer);
  suggestions = [];
  activeSuggestion = -1;
  $("suggestions").hidden = true;
  $("suggestions").replaceChildren();
  $("q").setAttribute("aria-expanded", "false");
  $("q").removeAttribute("aria-activedescendant");
}

function moveSuggestion(step) {
  activeSuggestion = Math.max(-1, Math.min(suggestions.length - 1, activeSuggestion + step));
  for (const [index, item] of [...$("suggestions").children].entries()) {
    item.setAttribute("aria-selected", String(index === activeSuggestion));
    if (index === activeSuggestion) item.scrollIntoView({ block: "nearest" });
  }
  if (activeSuggestion < 0) $("q").removeAttribute("aria-activedescendant");
  else $("q").setAttribute("aria-activedescendant", `suggestion-${activeSuggestion}`);
}

/** A hashtag becomes a hashtag filter (as ticking its box does) and leaves the rest of the query; a word or title completes it. */
function choose(index) {
  const chosen = suggestions[index];
  closeSuggestions();
  clearTimeout(typingTimer);
  if (chosen.kind === "hashtag") {
    const others = state.hashtag.filter((tag) => tag.toLowerCase() !== chosen.text.toLowerCase());
    $("q").value = chosen.query;
    update({ q: chosen.query.trim(), hashtag: [...others, chosen.text] });
  } else {
    // After a word, a space: the next word can be typed at once (and the search takes this one whole).
    $("q").value = chosen.kind === "word" ? `${chosen.query} ` : chosen.query;
    update({ q: chosen.query.trim() });
  }
}

async function refreshStatus() {
  const status = $("status");
  let health;
  try {
    health = await (await fetch("/health")).json();
  } catch {
    status.replaceChildren(text("Index status unavailable"));
    return;
  }
  if (health.status === "indexing" && health.indexing) {
    showIndexing(health);
    // The results grow with each committed batch: search again when the count moved.
    if (indexedSoFar !== null && indexedSoFar !== health.articles) search();
    indexedSoFar = health.articles;
    setTimeout(refreshStatus, 2000);
    return;
  }
  if (indexedSoFar !== null) {
    indexedSoFar = null;
    search();
  }
  const built = health.lastBuiltAt ? new Date(health.lastBuiltAt).toLocaleString() : "not yet";
  status.replaceChildren(text(`${count(health.articles ?? 0, "article", "articles")} · 共 ${(health.articles ?? 0).toLocaleString()} 篇 · index built ${built}`));
  const probe = await fetch("/api/reindex").catch(() => null);
  if (probe && (probe.ok || probe.status === 404)) {
    const button = document.createElement("button");
    Object.assign(button, { type: "button", id: "reindex", textContent: "Reindex" });
    button.addEventListener("click", () => reindex(button));
    status.append(button);
  }
}

/** The first build: a progress bar, files done, time left, and how many articles are searchable already. */
function showIndexing(health) {
  const { done, total, etaSeconds } = health.indexing;
  const bar = document.createElement("progress");
  Object.assign(bar, { id: "indexing-progress", max: Math.max(1, total), value: done });
  const left = etaSeconds == null ? "" : `, about ${duration(etaSeconds)} left`;
  const label = document.createElement("span");
  label.id = "indexing-label";
  label.textContent = `Indexing the archive: ${done.toLocaleString()} of ${count(total, "file", "files")}${left} · `
    + `${count(health.articles, "article", "articles")} searchable so far · 正在建立索引，已可搜索 ${health.articles.toLocaleString()} 篇`;
  $("status").replaceChildren(bar, label);
}

async function reindex(button) {
  button.disabled = true;
  const started = await fetch("/api/reindex", { method: "POST" });
  const job = await started.json();
  if (!started.ok && started.status !== 409) {
    button.textContent = job.detail ?? "Reindex refused";
    return;
  }
  const id = job.id ?? job.runningJobId;
  for (let i = 0; i < 7200; i++) {
    const current = await (await fetch(`/api/reindex/${id}`)).json();
    const { scanned, total, filesPerSecond, etaSeconds } = current.progress;
    const rate = filesPerSecond == null ? "" : ` · ${Math.round(filesPerSecond).toLocaleString()} files/s`;
    const left = etaSeconds == null || current.state !== "running" ? "" : ` · about ${duration(etaSeconds)} left`;
    button.textContent = `Reindexing ${scanned.toLocaleString()}/${total.toLocaleString()}${rate}${left}…`;
    if (["succeeded", "failed", "cancelled"].includes(current.state)) {
      button.textContent = `Reindex ${current.state}`;
      await refreshStatus();
      search();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function moveFocus(step) {
  const items = [...document.querySelectorAll(".result")];
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement);
  items[Math.min(items.length - 1, Math.max(0, index + step))].focus();
}

function wire() {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    update({ q: $("q").value.trim() });
  });
  $("q").addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => update({ q: $("q").value.trim() }, { push: false }), 200);
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(() => suggest($("q").value), 80);
  });
  // The open list takes the arrows, Enter and Escape; closed, they do what they did before (ArrowDown: to the results).
  $("q").addEventListener("keydown", (event) => {
    if ($("suggestions").hidden) return;
    const keys = { ArrowDown: () => moveSuggestion(1), ArrowUp: () => moveSuggestion(-1), Escape: closeSuggestions };
    if (event.key === "Enter" && activeSuggestion >= 0) keys.Enter = () => choose(activeSuggestion);
    else if (event.key === "Enter") closeSuggestions();
    if (!keys[event.key]) return;
    event.preventDefault();
    event.stopPropagation();
    keys[event.key]();
  });
  $("q").addEventListener("blur", closeSuggestions);
  $("sort").addEventListener("change", () => update({ sort: $("sort").value }));
  $("prev").addEventListener("click", () => update({ page: String(Math.max(1, Number(state.page || 1) - 1)) }, { resetPage: false }));
  $("next").addEventListener("click", () => update({ page: String(Number(state.page || 1) + 1) }, { resetPage: false }));
  $("clear-dates").addEventListener("click", () => update({ from: "", to: "" }));
  $("clear-filters").addEventListener("click", () => update({ hashtag: [], source: [], type: [], from: "", to: "" }));
  $("hashtag-filter").addEventListener("input", () => lastResponse && renderChecks("hashtag", lastResponse.facets.hashtags));
  for (const button of document.querySelectorAll("[data-interval]")) {
    button.addEventListener("click", () => update({ dateInterval: button.dataset.interval === "month" ? "" : button.dataset.interval }, { resetPage: false }));
  }
  window.addEventListener("popstate", () => {
    closeSuggestions();
    state = readUrl();
    $("q").value = state.q;
    search();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
    } else if (event.key === "ArrowDown" && !(typing && event.target !== $("q"))) {
      event.preventDefault();
      moveFocus(document.activeElement === $("q") ? 0 : 1);
    } else if (event.key === "ArrowUp" && document.activeElement?.classList.contains("result")) {
      event.preventDefault();
      moveFocus(-1);
    } else if (event.key === "Enter" && document.activeElement?.classList.contains("result")) {
      document.activeElement.querySelector("h3 a")?.click();
    }
  });
}

$("q").value = state.q;
wire();
refreshStatus();
search();
