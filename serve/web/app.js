// Sextant's search page: passages (search) and the side-by-side document
// view, all from the JSON API; the recommendations and their history
// (threads over sessions) are in recommendations.js, which uses the
// helpers here (el, textIn, api, go, show, facetList, pageButton).
// Document text is only ever set with textContent; the one HTML the API
// gives, snippet_html, is escaped by the server with <mark> around matches.
// A translation's parallel_marks (byte spans of the words rendering the
// query's) become <mark class="rendering"> around text nodes. The term
// renderings view (#/terms) is here too.
"use strict";

// Each language's code, its own name (shown where a language is picked or
// named as a column) and its English name (in the page's English sentences).
const LANGUAGES = [["ar", "العربية", "Arabic"], ["zh", "中文", "Chinese"], ["en", "English", "English"],
  ["fr", "Français", "French"], ["ru", "Русский", "Russian"], ["es", "Español", "Spanish"]];
const FILTERS = ["lang", "show", "symbol", "cited", "item", "from", "to", "sort"];
// Boxes that send name=yes when ticked.
const CHECKS = { "f-rec": "recommendation", "f-cross": "cross" };
const PAGE = 10;

const $ = (id) => document.getElementById(id);
const languageName = (code) => (LANGUAGES.find(([c]) => c === code) || [, code])[1];
const englishName = (code) => (LANGUAGES.find(([c]) => c === code) || [, , code])[2];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// A text in its language: lang and direction set, so the right font and
// right-to-left layout apply, and a screen reader reads it in that language.
// Where a box holds document text, all its text carries a lang of its own,
// the page's English too (lang="en"): nothing in it relies on <html lang>.
function textIn(tag, language, text, attrs) {
  return el(tag, Object.assign({ lang: language, dir: language === "ar" ? "rtl" : "auto", text }, attrs || {}));
}

function status(message, isError) {
  $("status").textContent = message || "";
  $("status").className = isError ? "status error" : "status";
}

// "; left out: shard HOST:PORT, which did not answer" when the API answered
// from some shards only (sextant serve --partial-results).
function missingShards(result) {
  const missing = (result.missing_shards || []).map((shard) => shard.split(" (")[0]);
  if (!missing.length) return "";
  return "; left out: shard" + (missing.length === 1 ? " " : "s ") + missing.join(", ") + ", which did not answer";
}

// Each view change (a new route: a search, the history, a document, another
// language pair, another page) gets its own AbortController, and starting
// one aborts the last: an older view's answer arriving late must not
// overwrite the newer view.
let viewController = null;

function newView() {
  if (viewController) viewController.abort();
  viewController = new AbortController();
  return viewController.signal;
}

// An error to report, unless it comes from an aborted view: that view is
// gone and the status line belongs to the one that replaced it.
function failed(signal, error) {
  if (!signal.aborted) status(error.message, true);
}

async function api(path, params, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== "" && value !== undefined && value !== null) query.set(key, value);
  const response = await fetch(path + "?" + query.toString(), { signal });
  const body = await response.json().catch(() => ({ error: "the server answered " + response.status }));
  // An abort while the body was read ends up in the catch above: it must
  // not pass for an answer.
  signal.throwIfAborted();
  if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
  return body;
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { path, params: new URLSearchParams(query || "") };
}

function go(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  location.hash = "#" + path + (query.toString() ? "?" + query.toString() : "");
}

function formParams() {
  const params = { q: $("q").value.trim() };
  for (const name of FILTERS) params[name] = $("f-" + name).value.trim();
  for (const [box, name] of Object.entries(CHECKS)) if ($(box).checked) params[name] = "yes";
  return params;
}

function termsParams() {
  return { q: $("q").value.trim(), lang: $("f-lang").value || "en", show: $("f-show").value || "zh" };
}

function fillForm(params) {
  $("q").value = params.get("q") || "";
  for (const name of FILTERS) $("f-" + name).value = params.get(name) || (name === "sort" ? "relevance" : "");
  for (const [box, name] of Object.entries(CHECKS)) $(box).checked = params.get(name) === "yes";
}

// view: "search", "recommendations", "history" (threads) or "document".
function show(view) {
  stopMore();
  for (const name of ["search", "recommendations", "history", "document", "terms"]) $(name + "-view").hidden = name !== view;
  $("filters").hidden = view !== "search";
  $("record-filters").hidden = view !== "recommendations" && view !== "history";
  for (const name of ["search", "recommendations", "history", "terms"]) $("nav-" + name).className = view === name ? "active" : "";
  $("pager").replaceChildren();
  $("pager").hidden = true;  // no empty "Pages" landmark
}

// A pager button: the arrow is decoration, the word names it.
function pageButton(label, arrowFirst, onclick) {
  const arrow = el("span", { "aria-hidden": "true", text: arrowFirst ? "← " : " →" });
  return arrowFirst ? el("button", { type: "button", onclick }, arrow, label) : el("button", { type: "button", onclick }, label, arrow);
}

function docLink(hit, label) {
  const target = hit.parallel && Object.keys(hit.parallel)[0];
  const other = target || (hit.language === "en" ? "zh" : "en");
  return el("a", { href: "#/doc?" + new URLSearchParams({ id: hit.id, source: hit.language, target: other }).toString(), text: label });
}

// The symbol, language, date, item and page: the page's English.
function hitMeta(hit) {
  return el("div", { class: "meta", lang: "en" },
    docLink(hit, hit.symbol || "(no symbol)"),
    el("span", { class: "tag", text: hit.language }),
    hit.date ? el("span", { text: hit.date }) : null,
    hit.agenda_item ? el("span", { text: "item " + hit.agenda_item }) : null,
    el("span", { text: "p. " + hit.page }),
    hit.via ? el("span", { class: "via", text: "found through a translation from " + englishName(hit.via.from) + ": " + hit.via.translation }) : null);
}

// `text` in its language with the byte spans [[begin, end], …] marked
// (the API counts UTF-8 bytes; the page slices the encoded text).
function markedText(tag, language, text, spans, attrs) {
  const node = textIn(tag, language, "", attrs);
  const bytes = new TextEncoder().encode(text);
  const decode = (from, to) => new TextDecoder().decode(bytes.subarray(from, to));
  let at = 0;
  for (const [begin, end] of spans || []) {
    if (begin < at || end > bytes.length || begin >= end) continue;
    node.append(decode(at, begin), el("mark", { class: "rendering", text: decode(begin, end) }));
    at = end;
  }
  node.append(decode(at, bytes.length));
  return node;
}

function hitBody(hit) {
  const snippet = el("div", { lang: hit.language, dir: hit.language === "ar" ? "rtl" : "auto", class: "snippet" });
  snippet.innerHTML = hit.snippet_html;  // escaped by the server; only <mark> inside
  const parallel = Object.entries(hit.parallel || {});
  const pair = el("div", { class: parallel.length ? "pair" : "pair single" }, snippet);
  for (const [language, text] of parallel) {
    const spans = (hit.parallel_marks || {})[language];
    pair.append(text ? markedText("div", language, text, spans, { class: "translation", "data-lang": language })
      : el("div", { class: "translation missing", "data-lang": language, lang: "en", text: "No " + englishName(language) + " text aligned with this passage." }));
  }
  return pair;
}

// Counts of one field, the largest first, each a button that sets that
// filter; unit names what is counted, for screen readers ("passage").
function facetList(title, counts, onPick, label, unit = "passage") {
  const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  if (!entries.length) return null;
  const box = el("div", {}, el("h3", { text: title }));
  for (const [value, count] of entries) {
    box.append(el("button", { type: "button", onclick: () => onPick(value) }, label ? label(value) : el("span", { text: value }),
      el("span", { class: "count", text: String(count) }, el("span", { class: "visually-hidden", text: " " + unit + (count === 1 ? "" : "s") }))));
  }
  return box;
}

// The empty page: a few searches to start from, each a link to its route,
// its words in their language.
function welcome() {
  const examples = [
    ["/", { q: "会议开幕", show: "en" }, "zh", "Chinese, with the English beside it"],
    ["/", { q: "trafficking in persons", show: "fr" }, "en", "English, with the French"],
    ["/", { q: "افتتاح الاجتماع", show: "ru" }, "ar", "Arabic, with the Russian"],
    ["/history", { q: "death penalty" }, "en", "recommendations on it, and how their wording changed over sessions"],
    ["/", { q: "symbol:CTOC/COP/WG.4/*", sort: "date" }, "en", "a series, newest first"],
  ];
  const list = el("ul", {});
  for (const [path, params, language, note] of examples) {
    list.append(el("li", {}, textIn("a", language, params.q, { href: "#" + path + "?" + new URLSearchParams(params).toString() }),
      el("span", { class: "note", text: " — " + note })));
  }
  return el("li", { class: "welcome", lang: "en" }, el("h2", { text: "Try" }), list,
    el("p", { class: "note", text: "Open a passage's symbol to read the whole document in two languages side by side, aligned sentence by sentence." }));
}

async function runSearch(params, signal) {
  show("search");
  fillForm(params);
  const query = Object.fromEntries(params.entries());
  if (!query.q && !FILTERS.some((f) => f !== "sort" && f !== "show" && query[f]) && !query.recommendation) {
    status("Search UN meeting records in Arabic, Chinese, English, French, Russian and Spanish; pick a translation to read beside each passage.");
    $("hits").replaceChildren(welcome());
    $("facets").replaceChildren();
    return;
  }
  query.limit = PAGE;
  status("Searching…");
  try {
    const result = await api("/api/search", query, signal);
    const offset = Number(query.offset || 0);
    delete query.limit;
    const range = result.total > result.hits.length ? ", " + (offset + 1) + "–" + (offset + result.hits.length) : "";
    status((result.total_exact ? "" : "about ") + result.total + " passage" + (result.total === 1 ? "" : "s") + range +
      missingShards(result));
    $("hits").replaceChildren(...result.hits.map((hit) => el("li", { class: "hit" }, hitMeta(hit), hitBody(hit))));
    if (!result.total) {
      $("hits").append(el("li", { class: "empty-note", text: "No passage matches. Try fewer words, another language, or fewer filters; symbol:CTOC/* matches a series." }));
    }
    const pick = (field) => (value) => go("/", Object.assign(query, { [field]: value, offset: "" }));
    $("facets").replaceChildren(...[
      facetList("Language", result.facets.language, pick("lang"), (code) => textIn("span", code, languageName(code))),
      facetList("Year", result.facets.year, (y) => go("/", Object.assign(query, { from: y, to: y, offset: "" }))),
      facetList("Series", result.facets.series, (s) => pick("symbol")(s + "/*")),
    ].filter(Boolean));
    const pager = $("pager");
    if (offset > 0) pager.append(pageButton("Previous", true, () => go("/", Object.assign(query, { offset: String(Math.max(0, offset - PAGE)) }))));
    if (offset + PAGE < result.total && offset + PAGE <= 10000) pager.append(pageButton("Next", false, () => go("/", Object.assign(query, { offset: String(offset + PAGE) }))));
    pager.hidden = !pager.children.length;
  } catch (error) {
    failed(signal, error);
  }
}

// A language picked by its own name, written in that language.
function languageOption(code, selected) {
  return textIn("option", code, languageName(code), { value: code, selected: selected ? "selected" : null });
}

function languageOptions(select, versions, chosen) {
  select.replaceChildren(...versions.map((v) => languageOption(v.language, v.language === chosen)));
}

// The agenda navigation: each item once, linking to its first row; an item
// that comes back later (the annotations after the agenda) gets small
// numbered links to its other rows.
function agendaNav(anchors) {
  const byItem = new Map();
  for (const [item, anchor] of anchors) {
    if (!byItem.has(item)) byItem.set(item, []);
    byItem.get(item).push(anchor);
  }
  const jump = (anchor) => (event) => {
    event.preventDefault();
    document.getElementById(anchor).scrollIntoView({ behavior: "smooth", block: "start" });
  };
  return [el("h3", { text: "Agenda" }), ...[...byItem.entries()].map(([item, rows]) => el("div", { class: "agenda-item" },
    el("a", { href: "#", "data-row": rows[0], text: "Item " + item, onclick: jump(rows[0]) }),
    ...rows.slice(1).map((anchor, k) => {
      const name = "Item " + item + ", mention " + (k + 2);  // the visible "2" alone names nothing
      return el("a", { href: "#", "data-row": anchor, class: "again", title: name, "aria-label": name, text: String(k + 2), onclick: jump(anchor) });
    })))];
}

// The aligned table's column heads: the row number, then each language in
// its own name; and a name for the table as a whole.
function tableHead(languages, numberName) {
  const number = el("th", { scope: "col", class: "n", lang: "en" }, el("span", { "aria-hidden": "true", text: "#" }),
    el("span", { class: "visually-hidden", text: numberName }));
  $("doc-table").tHead.replaceChildren(el("tr", {}, number,
    ...languages.map((code) => textIn("th", code, languageName(code), { scope: "col" }))));
  $("doc-table").setAttribute("aria-label", languages.length === 1 ? englishName(languages[0]) + " text, sentence by sentence"
    : englishName(languages[0]) + " and " + englishName(languages[1]) + ", aligned sentence by sentence");
}

// A long document comes a page at a time (the API gives 200 paragraphs or
// links an answer): under the table, a button loads the next page, and it
// presses itself when it scrolls near the screen, so that reading on loads
// on. Each page's fetch carries its view's signal, like the first.
let moreObserver = null;

function stopMore() {
  if (moreObserver) moreObserver.disconnect();
  moreObserver = null;
  $("doc-more").hidden = true;
  $("doc-more-button").onclick = null;
}

// `page` is the last answer (offset, total, next_offset); `what` names its
// items; `load(offset)` fetches and shows the next page (a promise). A page
// that fails leaves the button to try again.
function offerMore(page, what, signal, load) {
  const button = $("doc-more-button");
  if (page.next_offset === null || page.next_offset === undefined) return stopMore();
  button.textContent = "Show more " + what + " (" + page.next_offset + " of " + page.total + " shown)";
  button.disabled = false;
  button.onclick = () => {
    if (button.disabled) return;
    button.disabled = true;
    button.textContent = "Loading more " + what + "…";
    load(page.next_offset).catch((error) => {
      failed(signal, error);
      button.disabled = false;
      button.textContent = "Show more " + what + " (try again)";
    });
  };
  $("doc-more").hidden = false;
  if (!("IntersectionObserver" in window)) return;
  if (!moreObserver) {
    moreObserver = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) $("doc-more-button").click();
    }, { rootMargin: "0px 0px 600px 0px" });
  }
  // Observed afresh: the first report says whether it is near already.
  moreObserver.unobserve(button);
  moreObserver.observe(button);
}

// One version alone, when the index holds no other language of it.
function singleVersion(doc, id, signal) {
  $("doc-title").replaceChildren(el("span", { text: doc.symbol || id }),
    el("span", { class: "langs" }, textIn("span", doc.language, languageName(doc.language)), " only"));
  languageOptions($("doc-source"), doc.versions, doc.language);
  languageOptions($("doc-target"), doc.versions, doc.language);
  for (const control of [$("doc-tmx"), $("doc-swap"), $("doc-source").parentElement, $("doc-target").parentElement]) control.hidden = true;
  $("doc-table").className = "aligned single";
  tableHead([doc.language], "Sentence");
  $("doc-table").tBodies[0].replaceChildren();
  const anchors = [];
  let item = null;
  const addPage = (page) => {
    const rows = [];
    for (const paragraph of page.paragraphs) {
      if (paragraph.agenda_item && paragraph.agenda_item !== item) {
        item = paragraph.agenda_item;
        const anchor = "item-" + anchors.length;
        anchors.push([item, anchor]);
        rows.push(el("tr", { class: "item", id: anchor }, el("td", { class: "n" }), el("td", { lang: "en", text: "Agenda item " + item })));
      }
      for (const segment of paragraph.segments) {
        rows.push(el("tr", { class: "link" }, el("td", { class: "n", text: String(segment.index + 1) }),
          textIn("td", doc.language, segment.text, { class: "src" })));
      }
    }
    $("doc-table").tBodies[0].append(...rows);
    $("doc-agenda").replaceChildren(...(anchors.length ? agendaNav(anchors) : []));
    status("Only the " + englishName(doc.language) + " version of this document is in the index" +
      (page.next_offset === null ? "." : "; " + page.next_offset + " of its " + page.total + " paragraphs shown, more as you scroll."));
    offerMore(page, "paragraphs", signal, (offset) => api("/api/document", { id, lang: doc.language, offset }, signal).then(addPage));
  };
  addPage(doc);
}

// A row in a weak stretch of the alignment is marked by more than its
// colour: a ⚠ and the link's score, read as "low confidence, score 0.21"
// and explained in a title.
function weakMark(score) {
  const shown = score.toFixed(2);
  return el("span", { class: "weak-mark", lang: "en", title: "Low confidence (score " + shown + " of 1): worth a look" },
    el("span", { "aria-hidden": "true", text: "⚠ " }), el("span", { class: "visually-hidden", text: "low confidence, score " }), shown);
}

async function runDocument(params, signal) {
  show("document");
  const id = params.get("id") || "";
  const source = params.get("source") || "en";
  let target = params.get("target") || "zh";
  status("Loading…");
  try {
    // The versions first: the target asked for may not be in the index
    // (then English, or the first other version), or the document may have
    // one version only (then it is shown alone).
    const listed = await api("/api/versions", { id }, signal);
    const has = (code) => code !== source && listed.versions.some((v) => v.language === code);
    if (!has(target)) {
      const other = listed.versions.find((v) => v.language !== source);
      if (!other) return singleVersion(await api("/api/document", { id, lang: source }, signal), id, signal);
      target = has("en") ? "en" : other.language;
    }
    const data = await api("/api/alignment", { id, source, target }, signal);
    $("doc-title").replaceChildren(el("span", { text: data.symbol || id }),
      el("span", { class: "langs" }, textIn("span", source, languageName(source)), " ↔ ", textIn("span", target, languageName(target))));
    languageOptions($("doc-source"), data.versions, source);
    languageOptions($("doc-target"), data.versions, target);
    for (const control of [$("doc-tmx"), $("doc-swap"), $("doc-source").parentElement, $("doc-target").parentElement]) control.hidden = false;
    $("doc-tmx").href = "/api/alignment.tmx?" + new URLSearchParams({ id, source, target }).toString();
    // Weak regions come whole with every page, by link number.
    const weakLinks = new Set();
    for (const region of data.weak_regions || []) {
      for (let k = region.first_link; k <= region.last_link; ++k) weakLinks.add(k);
    }
    $("doc-table").className = "aligned";
    tableHead([source, target], "Link");
    $("doc-table").tBodies[0].replaceChildren();
    const anchors = [];
    let item = null;
    let gaps = 0;
    const addPage = (page) => {
      const rows = [];
      page.links.forEach((link, k) => {
        const n = page.offset + k;
        if (link.agenda_item && link.agenda_item !== item) {
          item = link.agenda_item;
          const anchor = "item-" + anchors.length;
          anchors.push([item, anchor]);
          rows.push(el("tr", { class: "item", id: anchor }, el("td", { class: "n" }), el("td", { colspan: "2", lang: "en", text: "Agenda item " + item })));
        }
        const gap = !link.source.length || !link.target.length;
        const weak = !gap && weakLinks.has(n);
        gaps += gap ? 1 : 0;
        rows.push(el("tr", { class: gap ? "gap" : weak ? "link weak" : "link", "data-link": String(n) },
          el("td", { class: "n" }, String(n + 1), weak ? weakMark(link.score) : null),
          textIn("td", source, link.source_text, { class: link.source.length ? "src" : "src empty" }),
          textIn("td", target, link.target_text, { class: link.target.length ? "tgt" : "tgt empty" })));
      });
      $("doc-table").tBodies[0].append(...rows);
      $("doc-agenda").replaceChildren(...(anchors.length ? agendaNav(anchors) : []));
      const shown = page.next_offset === null ? "" : " (" + page.next_offset + " shown, more as you scroll)";
      status(page.total + " aligned links" + shown + (gaps ? "; " + gaps + " pale row" + (gaps === 1 ? " has" : "s have") + " no counterpart" : "") +
        (weakLinks.size ? "; " + weakLinks.size + " in weak stretches, marked ⚠ with their score." : "."));
      offerMore(page, "links", signal, (offset) => api("/api/alignment", { id, source, target, offset }, signal).then(addPage));
    };
    addPage(data);
  } catch (error) {
    failed(signal, error);
  }
}

// The renderings of a term (/api/terms): the query box holds the term, the
// Language and Translation filters its language and the renderings'.
async function runTerms(params, signal) {
  show("terms");
  $("filters").hidden = false;
  fillForm(params);
  const query = { q: params.get("q") || "", lang: params.get("lang") || "en", show: params.get("show") || "zh" };
  $("terms").replaceChildren();
  if (!query.q) {
    status("Type a term, pick its language (Language) and the translation (Translation): how it was rendered, by year and body.");
    return;
  }
  status("Looking for renderings…");
  try {
    const result = await api("/api/terms", query, signal);
    status(result.passages + " passage" + (result.passages === 1 ? "" : "s") + " of “" + query.q + "”, " + result.aligned +
      " with " + englishName(query.show) + ", " + result.renderings.length + " rendering" +
      (result.renderings.length === 1 ? "" : "s") + (result.complete ? "" : " (not every passage read)"));
    $("terms").replaceChildren(...result.renderings.map((r) => el("li", { class: "hit rendering-row" },
      el("div", { class: "meta", lang: "en" },
        textIn("strong", query.show, r.text),
        el("span", { text: r.count + " passage" + (r.count === 1 ? "" : "s") }),
        r.first_year ? el("span", { text: r.first_year === r.last_year ? r.first_year : r.first_year + "–" + r.last_year }) : null,
        el("span", { text: Object.entries(r.bodies).map(([b, n]) => (b || "(no symbol)") + " " + n).join(", ") })),
      ...r.examples.map((e) => el("div", { class: "pair" },
        markedText("div", query.lang, e.text, e.marks, { class: "snippet" }),
        markedText("div", query.show, e.parallel, e.parallel_marks, { class: "translation", "data-lang": query.show }))))));
    if (!result.renderings.length) {
      $("terms").append(el("li", { class: "empty-note", text: "No rendering found: the term's words do not link with confidence in the aligned text." }));
    }
  } catch (error) {
    failed(signal, error);
  }
}

function render() {
  const { path, params } = route();
  const signal = newView();
  if (path === "/doc") return runDocument(params, signal);
  if (path === "/terms") return runTerms(params, signal);
  if (path === "/recommendations") return runRecommendations(params, signal);
  if (path === "/history") return runThreads(params, signal);
  return runSearch(params, signal);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const id of ["f-lang", "f-show"]) {
    for (const [code] of LANGUAGES) $(id).append(languageOption(code, false));
  }
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const path = route().path;
    if (RECORD_VIEWS.includes(path)) go(path, recordFormParams());
    else if (path === "/terms") go("/terms", termsParams());
    else go("/", formParams());
  });
  for (const id of ["f-lang", "f-show", "f-sort", "f-rec"]) {
    $(id).addEventListener("change", () => (route().path === "/terms" ? go("/terms", termsParams()) : go("/", formParams())));
  }
  $("nav-terms").addEventListener("click", (event) => { event.preventDefault(); go("/terms", termsParams()); });
  $("nav-search").addEventListener("click", (event) => { event.preventDefault(); go("/", formParams()); });
  setUpRecordViews();
  $("doc-swap").addEventListener("click", () => {
    const params = route().params;
    go("/doc", { id: params.get("id"), source: $("doc-target").value, target: $("doc-source").value });
  });
  for (const id of ["doc-source", "doc-target"]) {
    $(id).addEventListener("change", () => {
      const params = route().params;
      go("/doc", { id: params.get("id"), source: $("doc-source").value, target: $("doc-target").value });
    });
  }
  window.addEventListener("hashchange", render);
  render();
});
