#!/usr/bin/env python3
"""The query's translation marked, and term renderings, end to end (issue 16).

    marks_test.py SEXTANT FIXTURES

The six-language fixtures are ingested into a temporary index and a stored
lexicon is put in INDEX/lexicon (zh-en: 会议 meeting, 开幕 opening), then:
  - `search --json --lang zh --show en 会议开幕`: parallel_marks.en holds
    byte spans of parallel.en, and "Opening of the meeting" is one of them;
    the text output puts it between **; --marks off gives none;
  - `terms --json --lang en --show zh meeting`: 会议 is a rendering, its
    count equal to the passages of `search --lang en --show zh '"meeting"'`
    whose Chinese holds it, counted here;
  - `terms` without --lang or --show, or with the same language twice:
    exit 2 and the message.
Prints one line per check; exits 1 on the first failure.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(args, expect=0):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(f"FAIL {' '.join(args)}: exit {result.returncode}, expected {expect}\n{result.stderr}")
    return result


def main():
    sextant, fixtures = sys.argv[1:3]
    work = tempfile.mkdtemp()
    try:
        index = os.path.join(work, "index")
        # --no-lexicon: the lexicon below is the only one, for answers that stay put.
        run([sextant, "ingest", "--no-lexicon", "--index", index, fixtures])
        os.makedirs(os.path.join(index, "lexicon"), exist_ok=True)
        with open(os.path.join(index, "lexicon", "zh-en.lexicon"), "w", encoding="utf-8") as f:
            f.write("# sextant lexicon zh en\n会议\tmeeting\n开幕\topening\n")
        base = [sextant, "search", "--index", index, "--lang", "zh", "--show", "en"]
        out = json.loads(run(base + ["--json", "会议开幕"]).stdout)
        marked = []
        for hit in out["hits"]:
            english = hit["parallel"]["en"].encode("utf-8")
            for begin, end in hit["parallel_marks"]["en"]:
                if not 0 <= begin < end <= len(english):
                    sys.exit(f"FAIL span {begin}-{end} outside parallel.en ({len(english)} bytes)")
                marked.append(english[begin:end].decode("utf-8"))
        if "Opening of the meeting" not in marked:
            sys.exit(f"FAIL marks: {marked}")
        print(f"search: marked {marked}")
        text = run(base + ["会议开幕"]).stdout
        if "**Opening of the meeting**" not in text:
            sys.exit("FAIL text output without the marks:\n" + text)
        off = json.loads(run(base + ["--json", "--marks", "off", "会议开幕"]).stdout)
        if any(hit["parallel_marks"]["en"] for hit in off["hits"]):
            sys.exit("FAIL --marks off still marks")
        print("text: marked; --marks off: none")
        terms = json.loads(run([sextant, "terms", "--index", index, "--lang", "en", "--show", "zh", "--json",
                                "meeting"]).stdout)
        found = [r for r in terms["renderings"] if r["text"] == "会议"]
        if not found:
            sys.exit(f"FAIL terms: {terms}")
        hits = json.loads(run([sextant, "search", "--index", index, "--lang", "en", "--show", "zh", "--limit", "1000",
                               "--json", "meeting"]).stdout)["hits"]
        direct = sum(1 for hit in hits if "会议" in hit["parallel"]["zh"])
        if found[0]["count"] != direct:
            sys.exit(f"FAIL terms: count {found[0]['count']}, direct count {direct}")
        print(f"terms: 会议 {found[0]['count']} passages = direct count {direct}, "
              f"{found[0]['first_year']}-{found[0]['last_year']}, {sorted(found[0]['bodies'])}")
        for args, message in ((["--show", "zh", "meeting"], "terms needs --lang and --show"),
                              (["--lang", "en", "--show", "en", "meeting"], "--lang and --show name the same language")):
            error = run([sextant, "terms", "--index", index] + args, expect=2).stderr
            if message not in error:
                sys.exit(f"FAIL terms {args}: {error}")
        print("terms errors: exit 2 with the reason")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
