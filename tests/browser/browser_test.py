#!/usr/bin/env python3
"""The search page in headless Chromium, as a reader uses it.

Ingests the six fixture PDFs (one document in six languages) and, when
make_fixture_pdfs is given, documents it typesets (a hostile document with
markup and a <script> in its text, and an English-French pair that does not
match in its middle), and, when --upr-reports holds them, two UPR review
reports of Afghanistan (2009 and 2014, with their recommendations) into a
temporary index; starts `sextant serve --port 0` on it; then, in Chromium driven by
Selenium through chromedriver:

  1. search: English as the translation, a Chinese query (会议开幕): the first
     hit is Chinese, highlighted (<mark>), with the English beside it, the
     words rendering the query marked there (<mark class=rendering>, by a
     stored lexicon put in the index);
  2. document: the hit's symbol opens the side-by-side view: rows with Chinese
     on the left and English on the right; an agenda link scrolls to its item;
  3. recommendations (with the UPR reports): Afghanistan's noted ones show
     only noted records, their counts by field as the API has them, and
     each record's text and States in its language; a recommending State's
     count narrows the list and enters the address; the "Download CSV" link
     gives the same records as CSV (header id,number,text,...);
  3b. history (with the UPR reports): "moratorium death penalty" to
     Afghanistan shows the API's threads, one with its 2009 and 2014
     wordings, the newer with the added words in <ins> and the removed in
     <del>; its CSV link has the same filters;
  4. hostile text: a search that shows the hostile passage creates no element
     from it and runs none of its script (window.__sextant_xss stays unset);
  5. cancellation: with the API's answers held back and released in the
     wrong order (FETCH_RECORDER), a language swap and a new search abort
     the fetches of the view they replace, show no error for it, and the
     older answer arriving last does not overwrite the newer view; every
     fetch carries its view's AbortSignal;
  6. names: the aligned table has column heads (th scope=col) naming its
     languages in their own names and lang, and a name; the swap button is
     named in words (its ⇄ hidden from screen readers); every control in
     view has an accessible name with a word in it;
  6b. more rows: with the API's pages cut to 5 links (window.__limit), the
     document view shows the first page, then loads the rest as the reader
     scrolls (each page's fetch with its view's signal), until the table
     holds every link once, in order, as the API has them;
  7. weak rows: in a typeset English-French pair whose middle sentences do
     not match, each row of the weak stretch shows ⚠ and its link's score,
     read as "low confidence, score 0.22" and explained in a title;
  8. lang: in every view, each text in Chinese, Arabic or Cyrillic script
     is under the matching lang (Arabic under dir=rtl), and each text in a
     box of document text (hits, records, threads, title, table, agenda) has a lang
     set inside its box (LANG_AUDIT);

and no JavaScript error or CSP violation in the console. A screenshot of each
view is saved in --screenshots (harness.py holds the helpers: check, wait,
the server, Chromium, and the checks every view gets). Exits 77 (skipped) when Chromium,
chromedriver or Selenium is missing (scripts/install-deps installs them).

usage: browser_test.py --sextant BIN --fixtures DIR --screenshots DIR
                       [--make-fixture BIN --hostile-base SPEC.json]
                       [--upr-reports DIR]
"""
import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SKIP = 77

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError as error:
    print(f"browser test skipped: Selenium is missing ({error}); run scripts/install-deps "
          "(python3-selenium) and use Debian's /usr/bin/python3", file=sys.stderr)
    sys.exit(SKIP)

from harness import (CHROMEDRIVER, CHROMIUM, LANG_AUDIT, START, check, check_langs, check_names,  # noqa: E402
                     console_errors, failures, make_driver, run, start_server, status_line, step, wait)

# Installed before the page's own script, on every page load: each fetch the
# page makes is recorded with the AbortSignal it was given, and an answer
# whose URL contains window.__hold is held back, as a slow server would,
# until the test releases it. Holding answers orders them exactly, so the
# cancellation checks do not depend on timing.
FETCH_RECORDER = r"""
(() => {
  const realFetch = window.fetch.bind(window);
  window.__fetches = [];
  window.__hold = null;
  window.__limit = null;
  window.fetch = (input, init) => {
    // window.__limit: smaller pages of a document or an alignment.
    if (window.__limit && /\/api\/(document|alignment)\?/.test(String(input))) input = String(input) + "&limit=" + window.__limit;
    const call = { url: String(input), signal: (init && init.signal) || null, state: "open" };
    window.__fetches.push(call);
    const answer = realFetch(input, init);
    if (!window.__hold || !call.url.includes(window.__hold)) return answer;
    answer.catch(() => {});  // an abort reaches the page through the promise below
    call.state = "held";
    return new Promise((resolve, reject) => {
      // Like a real fetch, an abort ends the wait at once.
      if (call.signal) call.signal.addEventListener("abort", () => { call.state = "aborted"; reject(call.signal.reason); });
      call.release = () => answer.then((response) => {
        // Taken in once the page has read the body and run the code that
        // awaited it (all before the next task).
        const json = response.json.bind(response);
        response.json = () => json().finally(() => setTimeout(() => {
          if (call.state === "held") call.state = "delivered";
        }, 0));
        resolve(response);
      }, (error) => { call.state = "aborted"; reject(error); });
    });
  };
})();
"""

HOSTILE = ('<script>window.__sextant_xss=1</script><img src=x onerror="window.__sextant_xss=2">'
           ' <b id="xss-bold">bold</b> & "quoted" hostile markup on trafficking.')

# Two versions of one document whose middle sentences do not translate each
# other: their alignment has a weak stretch (scores under 0.35).
WEAK_EN = ["Provisional agenda", "1. Opening of the meeting.", "2. Adoption of the agenda.",
           "The delegation of Norway thanked the secretariat for its work.",
           "Budget figures were reviewed at length by the committee in closed session on Tuesday.",
           "Lunch was served.",
           "Questions about the venue, the interpretation services and the documentation were answered by the chair.",
           "Several speakers welcomed the new guidance.", "The meeting rose at noon.", "3. Adoption of the report."]
WEAK_FR = ["Ordre du jour provisoire", "1. Ouverture de la réunion.", "2. Adoption de l'ordre du jour.",
           "Les pluies tombent souvent en automne dans les montagnes du nord, où les rivières débordent et "
           "inondent les vallées voisines pendant des semaines.",
           "Un chat.",
           "Le musée ferme tôt le dimanche, sauf pendant les vacances scolaires, quand les visiteurs viennent "
           "en grand nombre de toute la région.",
           "Non.", "Trois pommes vertes sur la table de la cuisine, à côté du pain, attendent le dessert.", "Oui.",
           "3. Adoption du rapport."]

def fetch_state(driver, fragment):
    """The last recorded fetch whose URL contains fragment: its state,
    whether it had a signal and whether that signal is aborted."""
    return driver.execute_script(
        "const call = window.__fetches.filter((c) => c.url.includes(arguments[0])).pop();"
        "return call ? {state: call.state, signal: !!call.signal, aborted: !!(call.signal && call.signal.aborted)} : null;",
        fragment)


def release(driver, fragment):
    driver.execute_script("window.__fetches.filter((c) => c.url.includes(arguments[0])).pop().release()", fragment)


def check_signals(driver, where):
    """Every fetch of this page load had a signal, one per view, and every
    view but the current one has been aborted."""
    result = driver.execute_script(
        "const calls = window.__fetches; const signals = [...new Set(calls.map((c) => c.signal))];"
        "return {calls: calls.length, views: signals.length, bare: calls.filter((c) => !c.signal).map((c) => c.url),"
        "        open: signals.slice(0, -1).filter((s) => s && !s.aborted).length};")
    check(result["calls"] > 0 and not result["bare"] and result["open"] == 0,
          f"{where}: each of {result['calls']} fetches had its view's signal, and all {result['views'] - 1} "
          f"earlier views were aborted (without a signal: {result['bare'][:3]}; not aborted: {result['open']})")


def table_heads(driver):
    """The aligned table's name and its column heads (scope, lang, dir, text)."""
    return driver.execute_script(
        "const t = document.getElementById('doc-table');"
        "return {name: t.getAttribute('aria-label') || (t.caption ? t.caption.textContent : ''),"
        "  heads: [...t.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.lang, th.dir, th.textContent])};")


def check_table_heads(driver, languages, names):
    """The table is named after its languages (in English) and heads each
    language's column with the language's own name, in that language."""
    table = table_heads(driver)
    heads = table["heads"]
    own = [(code, {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}[code])
           for code in languages]
    check(len(heads) == len(languages) + 1 and all(h[0] == "col" for h in heads) and
          [(h[1], h[3]) for h in heads[1:]] == own and
          all(h[2] == "rtl" for h in heads[1:] if h[1] == "ar"),
          f"the table has column heads (th scope=col) naming {languages} in their own languages: {heads}")
    check(all(name in table["name"] for name in names), f"the table is named: {table['name']!r}")


def test_search(driver, url, shots):
    step("search: a Chinese query with English beside it")
    driver.get(url)
    wait(driver, lambda d: d.find_element(By.ID, "status").text, "the page to start")
    audit = driver.execute_script(LANG_AUDIT, "#hits > li.welcome")
    check(not audit["problems"], "the start page: its examples and the language pickers carry their langs" +
          "".join(f"\n     {p}" for p in sorted(set(audit["problems"]))[:12]))
    Select(driver.find_element(By.ID, "f-show")).select_by_value("en")
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("会议开幕")
    driver.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    hits = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol#hits > li.hit"), "hits")
    check("q=%E4%BC%9A%E8%AE%AE%E5%BC%80%E5%B9%95" in driver.current_url and "show=en" in driver.current_url,
          f"the route holds the query and the translation: {driver.current_url}")
    first = hits[0]
    snippet = first.find_element(By.CSS_SELECTOR, ".snippet")
    check(snippet.get_attribute("lang") == "zh", f"the first hit is Chinese (lang={snippet.get_attribute('lang')})")
    check(re.search(r"[\u4e00-\u9fff]", snippet.text) is not None, f"its snippet is in Chinese: {snippet.text[:60]!r}")
    marks = snippet.find_elements(By.TAG_NAME, "mark")
    check(len(marks) > 0 and all(m.text for m in marks), f"the snippet highlights the match: {[m.text for m in marks]}")
    translations = first.find_elements(By.CSS_SELECTOR, ".translation[data-lang=en]")
    check(len(translations) == 1 and "Opening of the meeting" in translations[0].text,
          f"the English beside it reads 'Opening of the meeting': {[t.text for t in translations]}")
    if translations:
        check(translations[0].get_attribute("lang") == "en", "the translation is marked lang=en")
        renderings = [m.text for m in translations[0].find_elements(By.CSS_SELECTOR, "mark.rendering")]
        check("Opening of the meeting" in renderings,
              f"the words rendering the query are marked in the English: {renderings}")
    font = driver.execute_script("return getComputedStyle(arguments[0]).fontFamily", snippet)
    check("CJK" in font, f"the Chinese snippet asks for a CJK font: {font}")
    facets = driver.find_elements(By.CSS_SELECTOR, "#facets button")
    check(len(facets) > 0, f"facet counts are shown ({len(facets)} buttons)")
    check_names(driver, "search view")
    check_langs(driver, "search view")
    driver.save_screenshot(os.path.join(shots, "search.png"))
    return first


def test_document(driver, first, shots):
    step("document: side by side from the hit's symbol")
    link = first.find_element(By.CSS_SELECTOR, ".meta a")
    symbol = link.text
    check(symbol == "CTOC/COP/WG.4/2022/1", f"the hit's symbol link names the document: {symbol!r}")
    link.click()
    rows = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#doc-table tr.link"), "aligned rows")
    route = urllib.parse.urlsplit(driver.current_url).fragment
    check(route.startswith("/doc?") and "source=zh" in route and "target=en" in route,
          f"the document route is Chinese to English: {route}")
    check(len(rows) >= 10, f"the table has aligned rows ({len(rows)})")
    check(not driver.find_element(By.ID, "filters").is_displayed() and
          not driver.find_element(By.ID, "search-view").is_displayed(),
          "the search filters and hits are hidden in the document view")
    pairs = [(row.find_element(By.CSS_SELECTOR, "td.src"), row.find_element(By.CSS_SELECTOR, "td.tgt"))
             for row in rows[:12]]
    chinese = sum(1 for src, _ in pairs if re.search(r"[\u4e00-\u9fff]", src.text))
    english = sum(1 for _, tgt in pairs if re.search(r"[A-Za-z]{3}", tgt.text)
                  and not re.search(r"[\u4e00-\u9fff]", tgt.text))
    check(chinese == len(pairs) and english == len(pairs),
          f"Chinese on the left, English on the right ({chinese} and {english} of {len(pairs)} rows)")
    check(all(src.get_attribute("lang") == "zh" and tgt.get_attribute("lang") == "en" for src, tgt in pairs),
          "the cells carry their languages (lang=zh, lang=en)")
    opening = [tgt.text for _, tgt in pairs if "Opening of the meeting" in tgt.text]
    check(bool(opening), "'Opening of the meeting' is among the first rows")
    title = driver.find_element(By.ID, "doc-title").text
    check(symbol in title and "中文 ↔ English" in title, f"the title names the document and its languages: {title!r}")
    check_table_heads(driver, ["zh", "en"], ["Chinese", "English"])
    swap = driver.find_element(By.ID, "doc-swap")
    glyph = driver.execute_script("return [...arguments[0].querySelectorAll('[aria-hidden=true]')].map((e) => e.textContent).join('')", swap)
    check(swap.accessible_name == "Swap the two languages" and swap.text == "⇄" and glyph == "⇄",
          f"the swap button shows ⇄ (hidden from screen readers: {glyph!r}) and is named {swap.accessible_name!r}")
    check_names(driver, "document view")
    check_langs(driver, "document view")
    items = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav#doc-agenda .agenda-item > a:first-child")]
    check(len(items) >= 3 and len(items) == len(set(items)),
          f"agenda navigation lists each item once: {items}")
    driver.save_screenshot(os.path.join(shots, "document.png"))
    # The link to the last item's second mention (its annotation, far down)
    # scrolls its row to just below the sticky bar.
    links = (driver.find_elements(By.CSS_SELECTOR, "nav#doc-agenda a.again") or
             driver.find_elements(By.CSS_SELECTOR, "nav#doc-agenda a"))
    if links:
        target = links[-1]
        label = target.get_attribute("title") or target.text
        driver.execute_script("window.scrollTo(0, 0)")
        target.click()
        position = wait(driver, lambda d: d.execute_script(
            "const s = window.__lastY === window.scrollY && window.scrollY > 50; window.__lastY = window.scrollY;"
            "if (!s) return null;"
            "const row = document.getElementById(arguments[0]);"
            "const bar = document.querySelector('.bar').getBoundingClientRect().bottom;"
            "return {text: row.textContent, top: row.getBoundingClientRect().top, bar: bar};",
            target.get_attribute("data-row")), "the agenda link to scroll", 5)
        check(position["bar"] - 1 <= position["top"] <= position["bar"] + 150 and
              label.split(",")[0].split()[-1] in position["text"],
              f"clicking '{label}' brings '{position['text']}' just below the bar "
              f"(row top {position['top']:.0f}, bar bottom {position['bar']:.0f})")
        check(urllib.parse.urlsplit(driver.current_url).fragment == route, "the agenda link keeps the route")
        driver.save_screenshot(os.path.join(shots, "document-item.png"))
        driver.execute_script("window.scrollTo(0, 0)")
    # The other direction, from the language pickers: Arabic on the right is
    # laid out right to left.
    Select(driver.find_element(By.ID, "doc-target")).select_by_value("ar")
    wait(driver, lambda d: "target=ar" in d.current_url and
         d.find_elements(By.CSS_SELECTOR, "table#doc-table tr.link td.tgt[lang=ar]"), "the Arabic side")
    cell = driver.find_element(By.CSS_SELECTOR, "table#doc-table tr.link td.tgt[lang=ar]")
    direction = driver.execute_script("return getComputedStyle(arguments[0]).direction", cell)
    check(direction == "rtl", f"Arabic cells run right to left ({direction})")
    check_table_heads(driver, ["zh", "ar"], ["Chinese", "Arabic"])
    check_langs(driver, "document view, Chinese and Arabic")
    driver.save_screenshot(os.path.join(shots, "document-ar.png"))


def test_cancel_search(driver):
    step("cancellation: a newer search wins over an older, slower answer")
    older, newer = "q=trafficking", "q=%E4%BC%9A%E8%AE%AE%E5%BC%80%E5%B9%95"
    driver.execute_script("window.__hold = '/api/search'; location.hash = '#/?' + arguments[0]", older)
    wait(driver, lambda d: fetch_state(d, older), "the older search's fetch")
    driver.execute_script("location.hash = '#/?show=en&' + arguments[0]", newer)
    wait(driver, lambda d: fetch_state(d, newer), "the newer search's fetch")
    # Both answers are held: the older view has been replaced and its fetch
    # must be aborted, quietly.
    state = fetch_state(driver, older)
    check(state["signal"] and state["aborted"], f"the newer search aborted the older one's fetch ({state})")
    line = status_line(driver)
    check(not line["error"] and line["text"] == "Searching…", f"the abort shows no error: {line}")
    release(driver, newer)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol#hits > li.hit .snippet[lang=zh]"), "the newer hits")
    shown = status_line(driver)
    # Now the older answer arrives; once the page has taken it in (or it was
    # aborted), the newer search's hits must still be there.
    release(driver, older)
    wait(driver, lambda d: fetch_state(d, older)["state"] in ("aborted", "delivered"), "the older answer to settle")
    langs = driver.execute_script("return [...document.querySelectorAll('#hits .snippet')].map((s) => s.lang)")
    check(langs and set(langs) == {"zh"} and status_line(driver) == shown,
          f"the older answer, arriving last, does not replace the newer hits (snippets {langs}, status {status_line(driver)})")
    driver.execute_script("window.__hold = null")
    check_signals(driver, "search, document, swap, searches")


def test_cancel_document(driver):
    step("cancellation: a language swap wins over the slower pair before it")
    driver.execute_script("window.__hold = '/api/alignment'")
    Select(driver.find_element(By.ID, "doc-target")).select_by_value("fr")
    older, newer = "source=zh&target=fr", "source=fr&target=zh"
    wait(driver, lambda d: fetch_state(d, older), "the zh-fr alignment fetch")
    driver.find_element(By.ID, "doc-swap").click()
    wait(driver, lambda d: fetch_state(d, newer), "the fr-zh alignment fetch")
    state = fetch_state(driver, older)
    check(state["signal"] and state["aborted"], f"the swap aborted the earlier pair's fetch ({state})")
    line = status_line(driver)
    check(not line["error"], f"the abort shows no error: {line}")
    release(driver, newer)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#doc-table tr.link td.src[lang=fr]"), "the French-Chinese rows")
    release(driver, older)
    wait(driver, lambda d: fetch_state(d, older)["state"] in ("aborted", "delivered"), "the zh-fr answer to settle")
    sides = driver.execute_script("return [...new Set([...document.querySelectorAll('#doc-table tr.link td.src, #doc-table tr.link td.tgt')]"
                                  ".map((c) => c.className.split(' ')[0] + '=' + c.lang))]")
    check(sorted(sides) == ["src=fr", "tgt=zh"],
          f"the earlier pair, arriving last, does not replace the swapped table ({sides})")
    driver.execute_script("window.__hold = null")


def test_weak(driver, url, shots):
    step("weak rows: marked by more than colour")
    driver.get(url + "#/doc?id=A%2FAC.999%2F2021%2F2&source=en&target=fr")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table#doc-table tr.link td.tgt[lang=fr]"), "the English-French rows")
    with urllib.request.urlopen(url + "api/alignment?id=A%2FAC.999%2F2021%2F2&source=en&target=fr", timeout=10) as answer:
        data = json.load(answer)
    scores = {n: link["score"] for n, link in enumerate(data["links"])}
    rows = driver.execute_script(
        "return [...document.querySelectorAll('#doc-table tbody tr[data-link]')].map((row) => {"
        "  const mark = row.querySelector('.weak-mark');"
        "  const parts = (skip) => mark ? [...mark.childNodes].filter((c) => !(c.matches && c.matches(skip)))"
        "                                   .map((c) => c.textContent).join('') : '';"
        "  return {n: Number(row.dataset.link), weak: row.classList.contains('weak'), mark: !!mark,"
        "          shown: parts('.visually-hidden'), spoken: parts('[aria-hidden=true]'), title: mark ? mark.title : '',"
        "          visible: !!(mark && mark.getClientRects().length)};"
        "});")
    weak = [r for r in rows if r["weak"]]
    check(len(weak) >= 2, f"the mismatched stretch is weak ({len(weak)} rows: {[r['n'] for r in weak]})")
    check(all(r["mark"] and r["visible"] and r["shown"] == f"⚠ {scores[r['n']]:.2f}"
              for r in weak),
          f"each weak row shows ⚠ and its link's score: {[(r['n'], r['shown']) for r in weak]}")
    check(all(r["spoken"].strip() == f"low confidence, score {scores[r['n']]:.2f}" and "Low confidence" in r["title"]
              for r in weak),
          f"each weak row is read as low confidence with its score, and says so in a title: "
          f"{[(r['spoken'], r['title']) for r in weak[:2]]}")
    check(not any(r["mark"] for r in rows if not r["weak"]), "rows that are not weak carry no mark")
    check("⚠" in driver.find_element(By.ID, "status").text, f"the status line explains the mark: "
          f"{driver.find_element(By.ID, 'status').text!r}")
    check_table_heads(driver, ["en", "fr"], ["English", "French"])
    sides = driver.execute_script("return [...new Set([...document.querySelectorAll('#doc-table tr.link td.src, #doc-table tr.link td.tgt')]"
                                  ".map((c) => c.className.split(' ')[0] + '=' + c.lang))]")
    check(sorted(sides) == ["src=en", "tgt=fr"], f"the English and French cells carry their langs ({sides})")
    check_langs(driver, "document view, English and French")
    driver.save_screenshot(os.path.join(shots, "document-weak.png"))


def test_more(driver, url, shots):
    step("more rows: a long document loads on as the reader scrolls")
    route = "#/doc?id=CTOC%2FCOP%2FWG.4%2F2022%2F1&source=zh&target=en"
    with urllib.request.urlopen(url + "api/alignment?id=CTOC%2FCOP%2FWG.4%2F2022%2F1&source=zh&target=en",
                                timeout=10) as answer:
        whole = json.load(answer)
    total = whole["total"]
    driver.get(url + "#/")
    wait(driver, lambda d: d.find_element(By.ID, "status").text, "the page to start")
    # Pages of 5 links; every page after the first is held back at first.
    driver.execute_script("window.__limit = 5; window.__hold = 'offset='; window.__from = window.__fetches.length;"
                          "location.hash = arguments[0]", route)
    wait(driver, lambda d: fetch_state(d, "offset=5&"), "the second page's fetch")
    rows = driver.find_elements(By.CSS_SELECTOR, "table#doc-table tr[data-link]")
    button = driver.find_element(By.ID, "doc-more-button")
    check(len(rows) == 5 and button.is_displayed() and "links" in button.accessible_name,
          f"the first page shows 5 of {total} links, and a control for more ({len(rows)} rows, "
          f"button {button.accessible_name!r})")
    check("5 shown" in status_line(driver)["text"], f"the status says how many are shown: {status_line(driver)['text']!r}")
    driver.execute_script("window.__hold = null")
    release(driver, "offset=5&")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and driver.find_element(By.ID, "doc-more").is_displayed():
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        time.sleep(0.1)
    numbers = driver.execute_script(
        "return [...document.querySelectorAll('#doc-table tr[data-link]')].map((r) => Number(r.dataset.link))")
    texts = driver.execute_script(
        "return [...document.querySelectorAll('#doc-table tr[data-link] td:nth-child(2)')].map((c) => c.textContent)")
    check(numbers == list(range(total)) and texts == [link["source_text"] for link in whole["links"]],
          f"scrolling loads every link once, in order ({len(numbers)} rows of {total})")
    offsets = driver.execute_script(
        "return window.__fetches.slice(window.__from).filter((c) => c.url.includes('/api/alignment?')).map((c) => {"
        "  const m = c.url.match(/offset=(\\d+)/); return m ? Number(m[1]) : 0; })")
    check(offsets == list(range(0, total, 5)), f"one fetch a page, each from where the last ended: {offsets}")
    check(not driver.find_element(By.ID, "doc-more").is_displayed() and
          status_line(driver)["text"].startswith(f"{total} aligned links") and "shown" not in status_line(driver)["text"],
          f"at the end the control is gone and the status counts them all: {status_line(driver)['text']!r}")
    check_signals(driver, "the pages of one document view")
    driver.execute_script("window.__limit = null")
    driver.save_screenshot(os.path.join(shots, "document-more.png"))


def record_counts(driver, title):
    """The count buttons under a heading of the recommendations' counts:
    {name: count}."""
    return driver.execute_script(
        "const box = [...document.querySelectorAll('#record-counts > div')]"
        "  .find((d) => d.querySelector('h3').textContent === arguments[0]);"
        "return box ? Object.fromEntries([...box.querySelectorAll('button')].map((b) =>"
        "  [b.firstChild.textContent, Number(b.querySelector('.count').firstChild.textContent)])) : {};", title)


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.load(answer)


def test_recommendations(driver, url, shots):
    step("recommendations: Afghanistan's noted ones, narrowed by a count, as CSV")
    route = "#/recommendations?addressee=Afghanistan&response=noted"
    driver.get(url + route)
    records = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol#records > li.record"), "the records")
    expected = get_json(url + "api/recommendations?addressee=Afghanistan&response=noted&limit=100")
    responses = [r.find_element(By.CSS_SELECTOR, ".response").get_attribute("data-response") for r in records]
    check(expected["total"] > 1 and set(responses) == {"noted"} and
          [r.get_attribute("data-id") for r in records] == [r["id"] for r in expected["records"][:len(records)]],
          f"only noted records are listed, as the API has them ({len(records)} shown of {expected['total']}: {set(responses)})")
    check(all(r.find_element(By.CSS_SELECTOR, ".response").text == "response: noted" for r in records),
          "each record says its response in words")
    check(status_line(driver)["text"].startswith(f"{expected['total']} recommendations"),
          f"the status counts them: {status_line(driver)['text']!r}")
    check(driver.find_element(By.ID, "r-addressee").get_attribute("value") == "Afghanistan" and
          driver.find_element(By.ID, "r-response").get_attribute("value") == "noted",
          "the filters show the address's addressee and response")
    check(record_counts(driver, "Response") == {"noted": expected["total"]} and
          record_counts(driver, "Addressed to") == {"Afghanistan": expected["total"]},
          f"the counts by response and addressee: {record_counts(driver, 'Response')}, {record_counts(driver, 'Addressed to')}")
    by_state = record_counts(driver, "Recommended by")
    check(by_state and all(expected["counts"]["recommending"].get(name) == n for name, n in by_state.items()),
          f"the counts by recommending State are the API's ({len(by_state)} shown)")
    languages = {r["id"]: r["language"] for r in expected["records"]}
    texts = driver.execute_script(
        "return [...document.querySelectorAll('#records > li.record')].map((r) => [r.dataset.id,"
        "  r.querySelector('.snippet').lang, r.querySelector('.recommending').lang])")
    check(texts and all(text == names == languages[rid] for rid, text, names in texts),
          f"each record's text and States carry its language: {texts[:3]}")
    # A State's count narrows the list, and the address says so.
    state, count = next(((name, n) for name, n in by_state.items() if n < expected["total"]), (None, 0))
    driver.execute_script(
        "[...document.querySelectorAll('#record-counts button')].find((b) => b.firstChild.textContent === arguments[0]).click()",
        state)
    narrowed = wait(driver, lambda d: "recommending=" in d.current_url and
                    status_line(d)["text"].startswith(f"{count} recommendation") and
                    d.find_elements(By.CSS_SELECTOR, "ol#records > li.record"), f"the records of {state}")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).fragment.split("?", 1)[1])
    check(query == {"addressee": ["Afghanistan"], "response": ["noted"], "recommending": [state]},
          f"clicking {state}'s count adds it to the address: {query}")
    states = [r.find_element(By.CSS_SELECTOR, ".recommending").text for r in narrowed]
    check(len(narrowed) == count and all(state in s for s in states),
          f"the list narrows to the {count} noted recommendation(s) of {state}: {states}")
    check(driver.find_element(By.ID, "r-recommending").get_attribute("value") == state, "the filter shows the State")
    # The CSV link: the same filters, as a download.
    link = driver.find_element(By.ID, "records-csv")
    with urllib.request.urlopen(link.get_attribute("href"), timeout=10) as answer:
        kind, disposition = answer.headers.get("Content-Type"), answer.headers.get("Content-Disposition", "")
        lines = answer.read().decode("utf-8").splitlines()
    check(link.is_displayed() and link.accessible_name == "Download CSV" and kind.startswith("text/csv") and
          "attachment" in disposition and lines[0].startswith("id,number,text") and len(lines) == count + 1,
          f"'Download CSV' gives the same {count} record(s) as CSV ({kind}; {lines[0][:40]!r}; {len(lines) - 1} rows)")
    check(driver.find_element(By.ID, "nav-recommendations").get_attribute("class") == "active",
          "Recommendations is the active view")
    check_names(driver, "recommendations view")
    check_langs(driver, "recommendations view")
    driver.save_screenshot(os.path.join(shots, "recommendations.png"))


def test_threads(driver, url, shots):
    step("history: a recommendation's wordings over two sessions, the changed words marked")
    api_query = "q=moratorium+death+penalty&addressee=Afghanistan"
    driver.get(url + "#/history?" + api_query)
    threads = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol#threads > li.thread"), "the threads")
    expected = get_json(url + "api/history?" + api_query + "&limit=10")  # the page's page of threads
    check(len(threads) == len(expected["threads"]) and
          status_line(driver)["text"].startswith(f"{expected['matched']} matching recommendation"),
          f"the threads the API has ({len(threads)}), counted in the status: {status_line(driver)['text']!r}")
    shown = driver.execute_script(
        "return [...document.querySelectorAll('#threads > li.thread')].map((t) => [...t.querySelectorAll('li.wording-item')]"
        "  .map((w) => ({id: w.dataset.id, meta: w.querySelector('.meta').textContent, lang: w.querySelector('.wording').lang,"
        "                ins: [...w.querySelectorAll('.wording ins')].map((e) => e.textContent),"
        "                del: [...w.querySelectorAll('.wording del')].map((e) => e.textContent),"
        "                text: w.querySelector('.wording').textContent})))")
    check([[w["id"] for w in t] for t in shown] == [[i["id"] for i in t["items"]] for t in expected["threads"]],
          "each thread lists its wordings as the API has them, oldest first")
    pairs = [(t, w) for t, w in zip(expected["threads"], shown) if len(w) == 2 and t["changes"]]
    check(bool(pairs), f"a thread has two wordings with changes ({[len(w) for w in shown]} wordings)")
    if pairs:
        thread, (older, newer) = pairs[0]
        words = thread["changes"][0]["words"]
        check("2009" in older["meta"] and "session 5" in older["meta"] and "2014" in newer["meta"],
              f"its wordings are of 2009 and 2014, with their sessions: {older['meta']!r}, {newer['meta']!r}")
        check(not older["ins"] and not older["del"] and older["text"] == thread["items"][0]["text"],
              f"the older wording is shown whole, unmarked: {older['text'][:60]!r}")
        check(newer["ins"] == [w["text"] for w in words if w["op"] == "added"] and
              newer["del"] == [w["text"] for w in words if w["op"] == "removed"] and newer["ins"] and newer["del"],
              f"the newer wording marks the added words in <ins> {newer['ins']} and the removed in <del> {newer['del']}")
        # Between two runs of the same words, the removed ones first.
        runs, order = [], []
        for word in words + [None]:
            if word and word["op"] != "same":
                runs.append(word)
                continue
            order += [w for w in runs if w["op"] == "removed"] + [w for w in runs if w["op"] == "added"]
            runs = []
            order += [word] if word else []
        check(newer["text"] == " ".join(w["text"] for w in order),
              f"the removed words come before those that replaced them: {newer['text'][:90]!r}")
        check(older["lang"] == thread["items"][0]["language"] and newer["lang"] == thread["items"][1]["language"],
              f"each wording carries its language ({older['lang']}, {newer['lang']})")
    made = driver.execute_script("return document.querySelectorAll('#threads ins *, #threads del *').length")
    check(made == 0, "the marks hold text only")
    if expected["next_offset"] is not None:
        driver.find_element(By.CSS_SELECTOR, "#pager button:last-child").click()
        rest = wait(driver, lambda d: "offset=10" in d.current_url and ", 11–" in status_line(d)["text"] and
                    d.find_elements(By.CSS_SELECTOR, "ol#threads > li.thread"), "the next page of threads")
        check(len(rest) == expected["total"] - 10, f"Next shows the other {len(rest)} thread(s), offset in the address")
        driver.back()
        wait(driver, lambda d: "offset" not in d.current_url and ", 1–10" in status_line(d)["text"], "the first page again")
    href = driver.find_element(By.ID, "threads-csv").get_attribute("href")
    check(urllib.parse.parse_qs(urllib.parse.urlsplit(href).query) ==
          {"q": ["moratorium death penalty"], "addressee": ["Afghanistan"], "format": ["csv"]},
          f"the CSV link has the same filters: {href}")
    check(driver.find_element(By.ID, "nav-history").get_attribute("class") == "active", "History is the active view")
    check_names(driver, "history view")
    check_langs(driver, "history view")
    driver.save_screenshot(os.path.join(shots, "history.png"))


def test_hostile(driver, url, shots):
    step("hostile text: markup in a passage stays text")
    driver.get(url + "#/?q=hostile+markup")
    hits = wait(driver, lambda d: [h for h in d.find_elements(By.CSS_SELECTOR, "ol#hits > li.hit")
                                   if "A/AC.999/2023/1" in h.text], "the hostile passage")
    time.sleep(0.2)  # an injected onerror would have fired by now
    text = hits[0].find_element(By.CSS_SELECTOR, ".snippet").text
    check("<script>" in text and "<b id=" in text, f"the markup is shown as text: {text[:80]!r}")
    xss = driver.execute_script("return window.__sextant_xss")
    check(xss is None, f"no script from the document ran (window.__sextant_xss = {xss!r})")
    injected = driver.execute_script(
        "return document.querySelectorAll('#hits script, #hits img, #hits b, #xss-bold').length")
    check(injected == 0, f"no element was made from the document's text ({injected})")
    driver.save_screenshot(os.path.join(shots, "hostile.png"))
    # Its own page: the one English version alone, still as text.
    hits[0].find_element(By.CSS_SELECTOR, ".meta a").click()
    cells = wait(driver, lambda d: [c for c in d.find_elements(By.CSS_SELECTOR, "table#doc-table td.src")
                                    if "<script>" in c.text], "the hostile document alone")
    check(driver.execute_script("return document.querySelectorAll('#doc-table img, #doc-table b').length") == 0
          and driver.execute_script("return window.__sextant_xss") is None,
          "the hostile document's own page shows its markup as text")
    check("only" in driver.find_element(By.ID, "doc-title").text, "a document with one version is shown alone")
    check_table_heads(driver, ["en"], ["English"])
    check_langs(driver, "a document alone")
    check_signals(driver, "every view since the page loaded")
    driver.save_screenshot(os.path.join(shots, "hostile-document.png"))


def make_pdf(args, work, name, symbol, date, header_date, paragraphs, language="en"):
    """A one-page document typeset by make_fixture_pdfs from the English
    fixture's spec, with another symbol, date, text and language."""
    with open(args.hostile_base, encoding="utf-8") as f:
        spec = json.load(f)
    spec["symbol"] = symbol
    spec["language"] = language
    spec["date"] = date
    spec["header_lines"] = [header_date if line == "8 April 2022" else line for line in spec["header_lines"]]
    spec["pages"] = [{"paragraphs": [{"kind": "heading", "text": paragraphs[0]}] +
                      [{"kind": "body", "text": text} for text in paragraphs[1:]]}]
    json_path, pdf_path = os.path.join(work, name + ".json"), os.path.join(work, name + ".pdf")
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(spec, f)
    run([args.make_fixture, json_path, pdf_path])
    return pdf_path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sextant", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--make-fixture", default="")
    parser.add_argument("--hostile-base", default="")
    parser.add_argument("--upr-reports", default="")
    args = parser.parse_args()

    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            print(f"browser test skipped: {path} is missing; run scripts/install-deps ({package})", file=sys.stderr)
            return SKIP
    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="sextant_browser_")
    server = driver = None
    try:
        index = os.path.join(work, "index")
        pdfs = sorted(os.path.join(args.fixtures, f) for f in os.listdir(args.fixtures) if f.endswith(".pdf"))
        step(f"ingest {len(pdfs)} fixture PDFs")
        run([args.sextant, "ingest", "--index", index] + pdfs)
        hostile = bool(args.make_fixture and os.access(args.make_fixture, os.X_OK) and args.hostile_base)
        if hostile:
            # More documents, typeset like the fixtures: the hostile one,
            # and a pair badly aligned in its middle (for the weak rows).
            step("typeset and ingest three more documents")
            extra = [make_pdf(args, work, "hostile", "A/AC.999/2023/1", "2023-01-16", "16 January 2023",
                              ["Hostile text", HOSTILE]),
                     make_pdf(args, work, "weak_en", "A/AC.999/2021/2", "2021-03-01", "1 March 2021", WEAK_EN),
                     make_pdf(args, work, "weak_fr", "A/AC.999/2021/2", "2021-03-01", "1 March 2021", WEAK_FR, "fr")]
            run([args.sextant, "ingest", "--index", index] + extra)
        else:
            print("note: no make_fixture_pdfs (pangocairo): the hostile-text check is not run")
        upr_pdfs = [os.path.join(args.upr_reports, name) for name in ("afghanistan2009.pdf", "afghanistan2014.pdf")]
        upr = bool(args.upr_reports) and all(os.path.isfile(pdf) for pdf in upr_pdfs)
        if upr:
            step("ingest two UPR review reports of Afghanistan (2009, 2014)")
            run([args.sextant, "ingest", "--index", index] + upr_pdfs)
        else:
            print(f"note: no UPR reports in {args.upr_reports or '(none given)'}: the recommendations and history "
                  "checks are skipped")
        # A stored lexicon, as ingest keeps one: the words of the English
        # that render the Chinese query are marked (issue 16).
        os.makedirs(os.path.join(index, "lexicon"), exist_ok=True)
        with open(os.path.join(index, "lexicon", "zh-en.lexicon"), "w", encoding="utf-8") as f:
            f.write("# sextant lexicon zh en\n会议\tmeeting\n开幕\topening\n")
        server, url = start_server(args.sextant, index)
        step(f"server at {url}; starting Chromium")
        try:
            driver = make_driver()
        except Exception as error:  # a browser that cannot start is a failure, not a skip
            raise RuntimeError(f"Chromium did not start through {CHROMEDRIVER}: {error}")
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FETCH_RECORDER})
        first = test_search(driver, url, args.screenshots)
        test_document(driver, first, args.screenshots)
        test_cancel_document(driver)
        test_cancel_search(driver)
        test_more(driver, url, args.screenshots)
        if upr:
            test_recommendations(driver, url, args.screenshots)
            test_threads(driver, url, args.screenshots)
        if hostile:
            test_hostile(driver, url, args.screenshots)
            test_weak(driver, url, args.screenshots)
        errors = console_errors(driver)
        check(not errors, "no JavaScript error or CSP violation in the console" +
              "".join(f"\n     {e['message']}" for e in errors))
    except (AssertionError, RuntimeError) as error:
        failures.append(str(error))
        print(f"FAIL {error}")
        if driver:
            driver.save_screenshot(os.path.join(args.screenshots, "failure.png"))
    finally:
        if driver:
            driver.quit()
        if server:
            server.kill()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots: {args.screenshots}")
    print(f"browser test: {time.monotonic() - START:.1f} s")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all browser checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
