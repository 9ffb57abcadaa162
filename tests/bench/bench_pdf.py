"""What the benchmark scripts share about the PDFs they run on."""
import subprocess


def page_count(path):
    """The number of pages of a PDF, as pdfinfo reads it (0 when it cannot)."""
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0
