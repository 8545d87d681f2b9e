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
    const response = await fetch(`/api/search?${toQuery(state, { size: String(SIZE), facetSize: "50" })}`, { signal: controller.signal });
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
  $("summary").textContent = `${body.total.toLocaleString()} results · ${body.tookMs.toFixed(1)} ms${body.partial ? " · partial (time budget reached)" : ""}`;
  // Like a search engine's "Missing:" line: the results match the rest of the query, not these words.
  $("missing").hidden = body.missingWords.length === 0;
  $("missing-words").textContent = body.missingWords.join(" ");
  $("empty").hidden = body.total !== 0;
  $("results").replaceChildren(...body.hits.map(renderHit));
  $("prev").disabled = page <= 1;
  $("next").disabled = page * SIZE >= body.total || page * SIZE >= 10000;
  $("page-label").textContent = body.total > 0 ? `page ${page} of ${Math.max(1, Math.ceil(Math.min(body.total, 10000) / SIZE))}` : "";
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
  const title = document.createElement("h3");
  const link = document.createElement(hit.url ? "a" : "span");
  if (hit.url) Object.assign(link, { href: hit.url, target: "_blank", rel: "noopener noreferrer" });
  link.innerHTML = hit.highlights.title; // safe: the API escapes everything but <mark>
  title.append(link);
  const snippet = document.createElement("p");
  snippet.className = "snippet";
  snippet.innerHTML = hit.highlights.snippet; // safe, as above
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.append(text([hit.date ?? "undated", hit.source, hit.type].filter(Boolean).join(" · ") + "  "));
  for (const tag of hit.hashtags) {
    const span = document.createElement("span");
    span.className = "tag";
    span.textContent = `#${tag}`;
    meta.append(span);
  }
  const more = document.createElement("button");
  Object.assign(more, { type: "button", className: "details-button", textContent: "Details · 详情" });
  more.addEventListener("click", () => showDetails(hit.id));
  meta.append(more);
  item.append(title, snippet, meta);
  return item;
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
  const response = await fetch(`/api/articles/${encodeURIComponent(id)}`);
  if (!response.ok) return showError("That article could not be loaded.");
  const article = await response.json();
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
  $("details").showModal();
}

async function refreshStatus() {
  const status = $("status");
  try {
    const health = await (await fetch("/health")).json();
    const built = health.lastBuiltAt ? new Date(health.lastBuiltAt).toLocaleString() : "not yet";
    status.replaceChildren(text(`${(health.articles ?? 0).toLocaleString()} articles · index built ${built}`));
  } catch {
    status.replaceChildren(text("Index status unavailable"));
    return;
  }
  const probe = await fetch("/api/reindex").catch(() => null);
  if (probe && (probe.ok || probe.status === 404)) {
    const button = document.createElement("button");
    Object.assign(button, { type: "button", id: "reindex", textContent: "Reindex" });
    button.addEventListener("click", () => reindex(button));
    status.append(button);
  }
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
    button.textContent = `Reindexing ${current.progress.scanned}/${current.progress.total}…`;
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
  });
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
