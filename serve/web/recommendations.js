// Sextant's recommendations: the records read from UN documents (who
// recommended what, to whom, and the response), in two views from the JSON
// API: the records with their counts by field (#/recommendations), and
// their history (#/history): each recommendation made again to the same
// addressee over sessions, a timeline of its wordings, oldest first, with
// the words that changed from one wording to the next in <ins> and <del>.
// Uses app.js's helpers (el, textIn, api, go, show, facetList, ...); both
// scripts are deferred, so they run in order, app.js first.
"use strict";

// The filters of both views: each an input "r-<name>" and a parameter of
// the same name in the address and in the API; the words box (q) goes
// with them.
const RECORD_FILTERS = ["addressee", "recommending", "response", "session", "year", "lang"];
const RECORD_VIEWS = ["/recommendations", "/history"];
const RECORD_PAGE = 20;  // records a page
const THREAD_PAGE = 10;  // threads a page
const LAST_OFFSET = 10000;  // the API's largest offset

// A response in words; a record without one has "no response".
const RESPONSE_WORDS = { supported: "supported", to_be_examined: "to be examined", noted: "noted", none: "no response" };
const responseWords = (response) => RESPONSE_WORDS[response || "none"] || response;

function recordFormParams() {
  const params = { q: $("q").value.trim() };
  for (const name of RECORD_FILTERS) params[name] = $("r-" + name).value.trim();
  return params;
}

function fillRecordForm(params) {
  $("q").value = params.get("q") || "";
  for (const name of RECORD_FILTERS) $("r-" + name).value = params.get(name) || "";
}

// The words and filters of the address, for go() and api().
function recordQuery(params) {
  const query = { q: params.get("q") || "" };
  for (const name of RECORD_FILTERS) query[name] = params.get(name) || "";
  return query;
}

// The same records as a CSV download: the same filters, format=csv.
function csvAddress(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  params.set("format", "csv");
  return "/api/recommendations?" + params.toString();
}

// "2009-05-04/2009-05-15" reads as "2009-05-04 – 2009-05-15".
const meetingDates = (dates) => (dates || []).map((date) => date.replace("/", " – ")).join(", ");

// The document a record was read from, side by side with English (or
// Chinese, for an English record), named by its symbol and page.
function recordDocLink(record) {
  const where = (record.symbol || record.file) + (record.page ? ", p. " + record.page : "");
  if (!record.symbol) return el("span", { text: where });
  const target = record.language === "en" ? "zh" : "en";
  return el("a", { href: "#/doc?" + new URLSearchParams({ id: record.symbol, source: record.language, target }).toString(), text: where });
}

// Session, meeting dates, language and response: the page's English.
function recordMeta(record, extra) {
  return el("div", { class: "meta", lang: "en" },
    el("span", { class: "number", text: record.number || (record.id || "").split("#")[1] }),
    recordDocLink(record),
    el("span", { class: "tag", text: record.language }),
    record.session ? el("span", { text: "session " + record.session }) : null,
    record.meeting_dates && record.meeting_dates.length ? el("span", { text: meetingDates(record.meeting_dates) }) : null,
    el("span", { class: "response", "data-response": record.response || "none", text: "response: " + responseWords(record.response) }),
    extra || null);
}

// Who recommended it, to whom: the names as the document writes them, in
// its language.
function recordParties(record, addressee) {
  const by = record.recommending && record.recommending.length
    ? textIn("span", record.language, record.recommending.join(", "), { class: "recommending" })
    : el("span", { text: "no State or body named" });
  const to = addressee || record.addressee;
  return el("p", { class: "parties", lang: "en" }, "Recommended by ", by,
    to ? " to " : null, to ? textIn("span", record.language, to, { class: "addressee" }) : null);
}

function recordItem(record) {
  const text = el("div", { class: "snippet", lang: record.language, dir: record.language === "ar" ? "rtl" : "auto" });
  text.innerHTML = record.snippet_html;  // escaped by the server; only <mark> inside
  return el("li", { class: "hit record", "data-id": record.id }, recordMeta(record), text, recordParties(record));
}

// The counts of each field, each a button that sets its filter. The API
// does not say which language a State's name is in: it is the language
// filtered on, or the one language of all the records, or unknown (lang="").
function recordCounts(counts, query, path) {
  const languages = Object.keys(counts.language || {});
  const namesIn = query.lang || (languages.length === 1 ? languages[0] : "");
  const pick = (field) => (value) => go(path, Object.assign({}, query, { [field]: value, offset: "" }));
  const name = (value) => textIn("span", namesIn, value);
  return [
    facetList("Addressed to", counts.addressee, pick("addressee"), name, "recommendation"),
    facetList("Recommended by", counts.recommending, pick("recommending"), name, "recommendation"),
    facetList("Response", counts.response, pick("response"), (value) => el("span", { text: responseWords(value) }), "recommendation"),
    facetList("Session", counts.session, pick("session"), null, "recommendation"),
    facetList("Year", counts.year, pick("year"), null, "recommendation"),
    facetList("Language", counts.language, pick("lang"), (code) => textIn("span", code, languageName(code)), "recommendation"),
  ].filter(Boolean);
}

// Previous and Next under a page of `size` from `offset`; goTo(offset)
// opens another.
function recordPager(offset, size, result, goTo) {
  const pager = $("pager");
  if (offset > 0) pager.append(pageButton("Previous", true, () => goTo(Math.max(0, offset - size))));
  if (result.next_offset !== null && result.next_offset !== undefined && result.next_offset <= LAST_OFFSET) {
    pager.append(pageButton("Next", false, () => goTo(result.next_offset)));
  }
  pager.hidden = !pager.children.length;
}

const plural = (count, word) => count + " " + word + (count === 1 ? "" : "s");

// "41–60" when the page holds fewer than all.
const pageRange = (offset, shown, total) => total > shown ? ", " + (offset + 1) + "–" + (offset + shown) : "";

async function runRecommendations(params, signal) {
  show("recommendations");
  fillRecordForm(params);
  const query = recordQuery(params);
  const offset = Number(params.get("offset") || 0);
  $("records-csv").href = csvAddress(query);
  $("records-csv").hidden = true;
  status("Reading recommendations…");
  try {
    const result = await api("/api/recommendations", Object.assign({}, query, { offset, limit: RECORD_PAGE }), signal);
    const filtered = Object.values(query).some(Boolean);
    status((result.total_exact ? "" : "about ") + plural(result.total, "recommendation") +
      (filtered ? "" : " in the index") + pageRange(offset, result.records.length, result.total) + missingShards(result));
    $("records").replaceChildren(...result.records.map(recordItem));
    if (!result.total) {
      $("records").append(el("li", { class: "empty-note", text: "No recommendation matches. Try fewer words or fewer filters." }));
    }
    $("records-csv").hidden = !result.total;
    $("record-counts").replaceChildren(...recordCounts(result.counts || {}, query, "/recommendations"));
    recordPager(offset, RECORD_PAGE, result, (next) => go("/recommendations", Object.assign({}, query, { offset: next ? String(next) : "" })));
  } catch (error) {
    failed(signal, error);
  }
}

// A wording with the words changed from the one before: added words in
// <ins>, removed ones in <del>, each set as text. Between two runs of the
// same words, what was removed comes before what replaced it, as it is read.
function changedWording(language, words) {
  const box = textIn("p", language, "", { class: "wording changed" });
  const inReadingOrder = [];
  let changed = [];
  for (const word of words.concat([null])) {
    if (word && word.op !== "same") {
      changed.push(word);
      continue;
    }
    inReadingOrder.push(...changed.filter((w) => w.op === "removed"), ...changed.filter((w) => w.op === "added"));
    changed = [];
    if (word) inReadingOrder.push(word);
  }
  inReadingOrder.forEach((word, k) => {
    if (k) box.append(" ");
    box.append(word.op === "same" ? word.text : el(word.op === "added" ? "ins" : "del", { text: word.text }));
  });
  return box;
}

function wordingItem(item, change, addressee) {
  const text = change ? changedWording(item.language, change.words) : textIn("p", item.language, item.text, { class: "wording" });
  const since = change ? el("span", { class: "since", text: "changes from " + change.from }) : null;
  return el("li", { class: "wording-item", "data-id": item.id }, recordMeta(item, since), text, recordParties(item, addressee));
}

// A thread: its addressee and sessions, then its wordings, oldest first.
function threadItem(thread) {
  const changes = new Map((thread.changes || []).map((change) => [change.to, change]));
  const sessions = [...new Set(thread.items.map((item) => item.session).filter(Boolean))];
  const language = thread.items.length ? thread.items[0].language : "";
  return el("li", { class: "thread" },
    el("h3", { lang: "en" }, "To ", textIn("span", language, thread.addressee),
      ": " + plural(thread.items.length, "wording") + (sessions.length ? ", session" + (sessions.length === 1 ? " " : "s ") + sessions.join(", ") : "")),
    el("ol", { class: "timeline" }, ...thread.items.map((item) => wordingItem(item, changes.get(item.id), thread.addressee))));
}

async function runThreads(params, signal) {
  show("history");
  fillRecordForm(params);
  const query = recordQuery(params);
  const offset = Number(params.get("offset") || 0);
  $("threads-csv").href = csvAddress(query);
  $("threads-csv").hidden = true;
  if (!Object.values(query).some(Boolean)) {
    status("History: give words or a filter (whom it is addressed to, who recommended it) to see each matching " +
      "recommendation made again over sessions, its wordings oldest first with the words that changed.");
    $("threads").replaceChildren();
    return;
  }
  status("Reading recommendations…");
  try {
    const result = await api("/api/history", Object.assign({}, query, { offset, limit: THREAD_PAGE }), signal);
    status(plural(result.matched, "matching recommendation") + " in " + plural(result.total, "thread") +
      pageRange(offset, result.threads.length, result.total) + missingShards(result) +
      (result.total ? "; words added since the wording before are underlined, words removed struck through." : ""));
    $("threads").replaceChildren(...result.threads.map(threadItem));
    if (!result.total) {
      $("threads").append(el("li", { class: "empty-note", text: "No recommendation matches. Try fewer words or fewer filters." }));
    }
    $("threads-csv").hidden = !result.matched;
    recordPager(offset, THREAD_PAGE, result, (next) => go("/history", Object.assign({}, query, { offset: next ? String(next) : "" })));
  } catch (error) {
    failed(signal, error);
  }
}

// The filters' controls: a changed filter opens its view afresh (a text
// box changes on Enter or when left); the nav links keep the words and
// filters.
function setUpRecordViews() {
  for (const [code] of LANGUAGES) $("r-lang").append(languageOption(code, false));
  for (const name of RECORD_FILTERS) {
    $("r-" + name).addEventListener("change", () => go(route().path, recordFormParams()));
  }
  for (const path of RECORD_VIEWS) {
    $("nav-" + path.slice(1)).addEventListener("click", (event) => {
      event.preventDefault();
      go(path, RECORD_VIEWS.includes(route().path) ? recordFormParams() : { q: $("q").value.trim() });
    });
  }
}
