"""The browser test's harness: checks counted into `failures`, steps timed
from the start, the server and Chromium started, waits that tolerate a
page re-rendering, and the page-wide checks every view gets (control names,
lang on every text, console errors). Imported by browser_test.py once it has
found Selenium.
"""
import re
import select
import subprocess
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Every text in the page that is in Chinese, Arabic or Cyrillic script sits
# under the matching lang (Arabic under dir="rtl" too); and in the boxes that
# hold document text (arguments[0]), every text with a letter has a lang set
# inside its box, the page's English included: none relies on <html lang>,
# so an English, French or Spanish text without its lang is caught as well.
LANG_AUDIT = r"""
const scripts = [[/\p{Script=Han}/u, "zh"], [/\p{Script=Arabic}/u, "ar"], [/\p{Script=Cyrillic}/u, "ru"]];
const problems = [];
let texts = 0;
const where = (node) => {
  const e = node.parentElement;
  return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.classList.length ? "." + [...e.classList].join(".") : "") +
         " " + JSON.stringify(node.data.trim().slice(0, 24));
};
const textNodes = (root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node; (node = walker.nextNode());) if (/\p{L}/u.test(node.data) && !node.parentElement.closest("script, style")) nodes.push(node);
  return nodes;
};
for (const node of textNodes(document.body)) {
  ++texts;
  const owner = node.parentElement.closest("[lang]");
  const lang = owner ? owner.getAttribute("lang") : "";
  for (const [pattern, code] of scripts) {
    if (pattern.test(node.data) && lang !== code) problems.push(where(node) + ": " + code + " text under lang=" + JSON.stringify(lang));
  }
  const dir = node.parentElement.closest("[dir]");
  if (/\p{Script=Arabic}/u.test(node.data) && !(dir && dir.getAttribute("dir") === "rtl")) problems.push(where(node) + ": Arabic, not rtl");
}
let boxes = 0;
for (const box of document.querySelectorAll(arguments[0])) {
  ++boxes;
  for (const node of textNodes(box)) {
    const owner = node.parentElement.closest("[lang]");
    if (!owner || !box.contains(owner)) problems.push(where(node) + ": no lang of its own");
  }
}
return {texts, boxes, problems};
"""
DOCUMENT_TEXT = "#hits > li.hit, #records > li.record, #threads > li, #doc-title, #doc-table, #doc-agenda"

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)
    return condition


def step(name):
    print(f"-- {name} ({time.monotonic() - START:.1f} s)")


START = time.monotonic()


def run(command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def start_server(sextant, index):
    """`sextant serve --port 0`; the process and the URL it prints."""
    server = subprocess.Popen([sextant, "serve", "--index", index, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 10
    line = ""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([server.stdout], [], [], 0.2)
        if ready:
            line = server.stdout.readline()
            match = re.search(r"serving .* at (http://127\.0\.0\.1:\d+/)", line)
            if match:
                return server, match.group(1)
            if not line and server.poll() is not None:
                break
    server.kill()
    raise RuntimeError(f"sextant serve printed no URL: {line!r} (exit {server.poll()})")


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--lang=en-US", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait(driver, condition, what, seconds=10):
    try:
        # The page replaces its rows as it renders: an element found a moment
        # ago may be gone; the condition is then simply tried again.
        return WebDriverWait(driver, seconds, poll_frequency=0.05,
                             ignored_exceptions=[StaleElementReferenceException]).until(lambda d: condition(d))
    except TimeoutException:
        status = driver.execute_script("return document.getElementById('status').textContent")
        raise AssertionError(f"timed out waiting for {what} (status line: {status!r})")


def status_line(driver):
    return driver.execute_script("const s = document.getElementById('status');"
                                 "return {text: s.textContent, error: s.classList.contains('error')};")


def check_names(driver, where):
    """Every control in view has an accessible name (as Chromium computes it
    for a screen reader) with a word in it: not empty, not a bare glyph or
    number."""
    controls = driver.execute_script(
        "return [...document.querySelectorAll('a[href], button, select, input, textarea')]"
        "  .filter((e) => e.getClientRects().length && !e.closest('[hidden]'));")
    unnamed = [f"{c.tag_name}#{c.get_attribute('id') or ''} {c.text[:20]!r}: name {c.accessible_name!r}"
               for c in controls if not re.search(r"[^\W\d_]", c.accessible_name or "")]
    check(controls and not unnamed, f"{where}: each of {len(controls)} controls has a name in words" +
          "".join(f"\n     {u}" for u in unnamed))


def check_langs(driver, where):
    """LANG_AUDIT over the whole page as it stands (hidden views included)."""
    audit = driver.execute_script(LANG_AUDIT, DOCUMENT_TEXT)
    problems = sorted(set(audit["problems"]))
    check(audit["boxes"] > 0 and not problems,
          f"{where}: every text in Chinese, Arabic or Cyrillic has its lang, and every text in the "
          f"{audit['boxes']} document boxes its own lang ({audit['texts']} texts; {len(problems)} wrong)" +
          "".join(f"\n     {p}" for p in problems[:12]))


def console_errors(driver):
    """SEVERE entries of the browser console since the last call."""
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
