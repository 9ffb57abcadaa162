#!/usr/bin/env python3
"""Writes the Arabic fixture text (corpora/fixtures/ar.json) as the input of
two other PDF producers, laid out like the generator's UN page:

  arabic_sources.py SPEC.json OUT_DIR

writes OUT_DIR/ar.html (for Chromium's print to PDF: fixed A4 pages, the UN
header, footnotes at the foot of page 1 under a typed separator) and
OUT_DIR/ar.fodt (for LibreOffice Writer: a flat ODF text document with
page styles for the header and footer and a real footnote).

The golden text is the spec's, with "{fn:N}" markers and soft hyphens taken
out (corpora/README.md); here a marker becomes a raised small "N".
"""
import html
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

MARKER = re.compile(r"\{fn:(\d+)\}")


def barcode(job_number):
    return "*" + "".join(c for c in job_number.split("(")[0] if c.isdigit()) + "*"


# ---- HTML for Chromium ------------------------------------------------------

CSS = """
@page { size: A4; margin: 0; }
body { margin: 0; font-family: 'Noto Naskh Arabic', serif; }
.page { position: relative; width: 595.28pt; height: 841.89pt; overflow: hidden;
        page-break-after: always; }
.page:last-child { page-break-after: auto; }
.latin { font-family: 'DejaVu Sans', sans-serif; direction: ltr; }
.org { position: absolute; top: 44pt; right: 70pt; font-size: 11pt; }
.symbol1 { position: absolute; top: 40pt; left: 70pt; font-size: 16pt; font-weight: bold; }
.rule1 { position: absolute; top: 72pt; left: 70pt; right: 70pt; border-top: 2pt solid black; }
.headlines { position: absolute; top: 82pt; left: 70pt; font-size: 9.5pt; line-height: 1.3; }
.running { position: absolute; top: 44pt; font-size: 9pt; font-weight: bold; }
.rule { position: absolute; top: 64pt; left: 70pt; right: 70pt; border-top: 0.6pt solid black; }
.body { position: absolute; left: 70pt; right: 70pt; font-size: 12pt; line-height: 1.6; }
.body p { margin: 0 0 6pt 0; text-align: justify; text-indent: 24pt; }
.body h2 { margin: 10pt 0 5pt 0; font-size: 12pt; font-weight: bold; }
.body table { width: 100%; border-collapse: collapse; font-size: 12pt; }
.body td { padding: 0 5.4pt; vertical-align: top; text-align: right; }  /* Word's default cell margins, 0.19 cm */
.notes { position: absolute; left: 70pt; right: 70pt; bottom: 97pt; font-size: 9.6pt; line-height: 1.5; }
.notes p { margin: 0 0 2pt 0; text-align: justify; }
.foot { position: absolute; top: 770pt; font-size: 8pt; }
sup { font-size: 60%; }
"""


def html_text(text):
    return MARKER.sub(lambda m: "<sup>" + m.group(1) + "</sup>", html.escape(text))


def html_page(spec, index, page):
    out = ['<div class="page">']
    count = len(spec["pages"])
    number = index + 1
    if number == 1:
        out.append('<div class="org">الأمم المتحدة</div>')
        out.append('<div class="symbol1 latin">%s</div>' % html.escape(spec["symbol"]))
        out.append('<div class="rule1"></div>')
        out.append('<div class="headlines">%s</div>' % "<br>".join(
            '<span dir="auto">%s</span>' % html.escape(line) for line in spec["header_lines"]))
        top = 200
    else:
        side = "left" if number % 2 == 0 else "right"
        out.append('<div class="running latin" style="%s: 70pt">%s</div>' % (side, html.escape(spec["symbol"])))
        out.append('<div class="rule"></div>')
        top = 85
    out.append('<div class="body" style="top: %dpt">' % top)
    rows = []
    for paragraph in page["paragraphs"]:
        if paragraph["kind"] == "table":
            rows.append(paragraph["text"].split(" | "))
            continue
        tag = "h2" if paragraph["kind"] == "heading" else "p"
        out.append("<%s>%s</%s>" % (tag, html_text(paragraph["text"]), tag))
    if rows:
        out.append("<table>")  # columns sized by the browser
        for row in rows:
            out.append("<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(c) for c in row))
        out.append("</table>")
    out.append("</div>")
    if page.get("footnotes"):
        out.append('<div class="notes"><p style="text-indent: 0">__________________</p>')
        for note in page["footnotes"]:
            out.append("<p>%s %s</p>" % (html.escape(note["marker"]), html_text(note["text"])))
        out.append("</div>")
    job = spec["job_number"]
    if number == 1:
        out.append('<div class="foot latin" style="left: 70pt">%s<br><span style="font-size: 11pt">%s</span></div>'
                   % (html.escape(job), barcode(job)))
        out.append('<div class="foot latin" style="right: 70pt; top: 782pt">Please recycle</div>')
    else:
        folio = "%d/%d" % (number, count)
        job_only = job.split(" (")[0]
        left, right = (folio, job_only) if number % 2 == 0 else (job_only, folio)
        out.append('<div class="foot latin" style="left: 70pt; top: 780pt">%s</div>' % left)
        out.append('<div class="foot latin" style="right: 70pt; top: 780pt">%s</div>' % right)
    out.append("</div>")
    return "\n".join(out)


def write_html(spec, path):
    pages = "\n".join(html_page(spec, i, p) for i, p in enumerate(spec["pages"]))
    path.write_text('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8">\n'
                    "<title>%s</title>\n<style>%s</style></head>\n<body>\n%s\n</body>\n</html>\n"
                    % (html.escape(spec["symbol"]), CSS, pages), encoding="utf-8")


# ---- Flat ODF for LibreOffice -----------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%(symbol)s</dc:title><meta:creation-date>%(date)sT00:00:00</meta:creation-date></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Amiri" svg:font-family="Amiri"/>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
 <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:writing-mode="rl-tb"/>
  <style:text-properties style:font-name="Amiri" fo:font-size="12pt" style:font-name-complex="Amiri"
   style:font-size-complex="12pt" fo:language="en" fo:country="GB" style:language-complex="ar" style:country-complex="EG"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="24pt" fo:margin-bottom="6pt" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="right" fo:margin-top="10pt" fo:margin-bottom="5pt" fo:keep-with-next="always" style:writing-mode="rl-tb"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="right" style:writing-mode="rl-tb"/>
 </style:style>
 <style:style style:name="Org" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="4pt" fo:border-bottom="2pt solid #000000" fo:padding-bottom="4pt">
   <style:tab-stops><style:tab-stop style:position="455pt" style:type="left"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="11pt" style:font-size-complex="11pt"/>
 </style:style>
 <style:style style:name="Headline" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-right="280pt" style:writing-mode="lr-tb"/>
  <style:text-properties fo:font-size="9.5pt" style:font-size-complex="9.5pt"/>
 </style:style>
 <style:style style:name="LastHeadline" style:family="paragraph" style:parent-style-name="Headline">
  <style:paragraph-properties fo:margin-bottom="60pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify" style:writing-mode="rl-tb"/>
  <style:text-properties fo:font-size="9.6pt" style:font-size-complex="9.6pt"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties style:writing-mode="lr-tb">
   <style:tab-stops><style:tab-stop style:position="455pt" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="8pt" style:font-size-complex="8pt"/>
 </style:style>
 <style:style style:name="RunningHeader" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties style:writing-mode="lr-tb" fo:text-align="%(running_align)s" fo:border-bottom="0.6pt solid #000000"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Latin" style:family="text">
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="16pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Barcode" style:family="text">
  <style:text-properties fo:font-size="11pt"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="595.28pt" fo:page-height="841.89pt" fo:margin-left="70pt"
   fo:margin-right="70pt" fo:margin-top="40pt" fo:margin-bottom="40pt" style:writing-mode="rl-tb">
   <style:footnote-sep style:width="0.5pt" style:rel-width="25%%" style:color="#000000" style:adjustment="right" style:distance-before-sep="4pt" style:distance-after-sep="4pt"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:margin-bottom="20pt"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:margin-top="20pt"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Table" style:family="table"><style:table-properties style:width="455pt" table:align="right" style:writing-mode="rl-tb"/></style:style>
 %(columns)s
 <style:style style:name="PageTwo" style:family="paragraph" style:parent-style-name="Body" style:master-page-name="Rest"/>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="A4" style:next-style-name="Rest">
  <style:footer>
   <text:p text:style-name="Furniture">%(job)s</text:p>
   <text:p text:style-name="Furniture"><text:span text:style-name="Barcode">%(barcode)s</text:span><text:tab/>Please recycle</text:p>
  </style:footer>
 </style:master-page>
 <style:master-page style:name="Rest" style:page-layout-name="A4">
  <style:header><text:p text:style-name="RunningHeader">%(symbol)s</text:p></style:header>
  <style:footer><text:p text:style-name="Furniture">%(footer_left)s<text:tab/>%(footer_right)s</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

COLUMN_WIDTHS = [27, 28, 12, 33]  # per cent of the text width, right to left


def odf_text(text, notes):
    """The paragraph's text with "{fn:N}" as a footnote holding notes[N]."""
    out, last = [], 0
    for m in MARKER.finditer(text):
        out.append(escape(text[last:m.start()]))
        note = notes[m.group(1)]
        out.append('<text:note text:id="ftn%s" text:note-class="footnote"><text:note-citation>%s</text:note-citation>'
                   '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                   % (m.group(1), m.group(1), escape(note)))
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def write_fodt(spec, path):
    count = len(spec["pages"])
    job = spec["job_number"]
    job_only = job.split(" (")[0]
    folio = "2/%d" % count
    columns = "\n ".join(
        '<style:style style:name="Col%d" style:family="table-column"><style:table-column-properties style:column-width="%.1fpt"/></style:style>'
        % (i, 455 * w / 100) for i, w in enumerate(COLUMN_WIDTHS))
    out = [FODT_HEAD % {
        "symbol": escape(spec["symbol"]), "date": spec["date"], "job": escape(job), "barcode": barcode(job),
        "footer_left": folio, "footer_right": escape(job_only), "running_align": "start", "columns": columns}]
    # Page 1's masthead as the first paragraphs of the body.
    out.append('<text:p text:style-name="Org" text:master-page-name="First">الأمم المتحدة<text:tab/>'
               '<text:span text:style-name="Latin">%s</text:span></text:p>' % escape(spec["symbol"]))
    lines = spec["header_lines"]
    for i, line in enumerate(lines):
        style = "LastHeadline" if i == len(lines) - 1 else "Headline"
        out.append('<text:p text:style-name="%s">%s</text:p>' % (style, escape(line)))
    notes = {n["marker"]: n["text"] for page in spec["pages"] for n in page.get("footnotes", [])}
    for index, page in enumerate(spec["pages"]):
        rows = []
        for j, paragraph in enumerate(page["paragraphs"]):
            if paragraph["kind"] == "table":
                rows.append(paragraph["text"].split(" | "))
                continue
            style = "Heading" if paragraph["kind"] == "heading" else "Body"
            if index > 0 and j == 0:
                style = "PageTwo"  # starts page 2, as in the spec
            out.append('<text:p text:style-name="%s">%s</text:p>' % (style, odf_text(paragraph["text"], notes)))
        if rows:
            out.append('<table:table table:name="Annex" table:style-name="Table">')
            out.extend('<table:table-column table:style-name="Col%d"/>' % i for i in range(len(COLUMN_WIDTHS)))
            for row in rows:
                out.append("<table:table-row>%s</table:table-row>" % "".join(
                    '<table:table-cell office:value-type="string"><text:p text:style-name="Cell">%s</text:p></table:table-cell>'
                    % escape(c) for c in row))
            out.append("</table:table>")
    out.append("</office:text></office:body></office:document>\n")
    path.write_text("\n".join(out), encoding="utf-8")


def main():
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    write_html(spec, out / "ar.html")
    write_fodt(spec, out / "ar.fodt")


if __name__ == "__main__":
    main()
