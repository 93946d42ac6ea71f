"""Writes reports/bench.md for scripts/bench-anchor.sh (which sets the BENCH_* variables).

Usage: bench_report.py RESULTS.tsv > report.md
RESULTS.tsv has one line per timed run: program (spacy, newsmine, baseline), run number, wall
seconds, CPU seconds (user + sys), peak RSS in KiB, all from /usr/bin/time -v.
"""

import csv
import datetime
import os
import statistics
import sys
from pathlib import Path

# The targets of issue 16.
WALL_RATIO_TARGET = 2.5
RSS_TARGET_MIB = 1024


def env(name: str) -> str:
    return os.environ.get(name, "")


def load(path: str) -> dict:
    """{program: {run: (wall s, cpu s, rss MiB)}}"""
    runs: dict = {}
    for line in Path(path).read_text().splitlines():
        program, run, wall, cpu, rss_kib = line.split("\t")
        runs.setdefault(program, {})[int(run)] = (float(wall), float(cpu), int(rss_kib) / 1024)
    return runs


def csv_rows(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def corpus(folder: Path) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt")) if p.is_file()]
    return f"{len(texts)} `.txt` files, {sum(len(t) for t in texts):,} characters"


def ok(passed: bool) -> str:
    return "✓" if passed else "✗"


def main() -> None:
    runs = load(sys.argv[1])
    spacy, newsmine = runs["spacy"], runs["newsmine"]
    baseline = runs.get("baseline")
    numbers = sorted(spacy)
    nflags = env("BENCH_NEWSMINE_FLAGS")
    bflags = env("BENCH_BASELINE_FLAGS")
    nname = "newsmine" + (f" `{nflags}`" if nflags else "")
    bname = "baseline" + (f" `{bflags}`" if bflags else "")

    out = []
    p = out.append
    p("# Speed: newsmine against spaCy + textacy")
    p("")
    p(f"`{env('BENCH_COMMAND')}`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.")
    p("")
    if env("BENCH_NOTE"):
        p(f"**{env('BENCH_NOTE')}**")
        p("")
    p(f"- machine: {env('BENCH_MACHINE')}; load average (1, 5, 15 min) {env('BENCH_LOAD')}.")
    p("  A load above about 0.5 means other work shared the cores and the times are noisy.")
    p(f"- input: `{env('BENCH_FOLDER')}`, {corpus(Path(env('BENCH_FOLDER')))}.")
    p(f"- newsmine: {env('BENCH_NEWSMINE')}: `newsmine extract FOLDER -o TMP --quiet"
      f"{' ' + nflags if nflags else ''}`, default threads.")
    if baseline:
        p(f"- baseline: {env('BENCH_BASELINE')}: the same command{' with ' + bflags if bflags else ''}.")
    versions = dict(line.split("=", 1) for line in env("BENCH_ANCHOR_VERSIONS").splitlines())
    p(f"- spaCy + textacy (the anchor): `scripts/anchor.py` in one Python {versions['python']} process, "
      f"spaCy {versions['spacy']}, {versions['model']} (`en_core_web_sm`), textacy {versions['textacy']}: "
      "`nlp.pipe` over every file, `textacy.extract.triples.direct_quotations` on each document, "
      "quotations to a CSV.")
    anchor_log = Path(env("BENCH_ANCHOR_LOG")).read_text(encoding="utf-8").strip().splitlines()
    found = anchor_log[-1].removeprefix("anchor: ") if anchor_log else "?"
    p(f"- what each found (last run): anchor {found} ({csv_rows(Path(env('BENCH_ANCHOR_CSV')))} CSV rows); "
      f"newsmine {csv_rows(Path(env('BENCH_NEWSMINE_OUT')) / 'quotes.csv')} quote rows.")
    p(f"- {env('BENCH_RUNS')} timed runs of each, alternating (spaCy, newsmine{', baseline' if baseline else ''}, "
      f"spaCy, …), after {env('BENCH_WARMUP')} untimed warm-up round(s); each run is a whole process "
      "measured by `/usr/bin/time -v`: wall time, CPU = user + system seconds, peak RSS, model loading "
      "included.")
    p("")

    # Per run pair.
    p("## Runs")
    p("")
    head = ["run", "spaCy wall s", "spaCy CPU s", "spaCy RSS MiB",
            f"{nname} wall s", f"{nname} CPU s", f"{nname} RSS MiB",
            f"wall spaCy/{nname}", f"CPU {nname}/spaCy"]
    if baseline:
        head += [f"{bname} wall s", f"{bname} CPU s", f"{bname} RSS MiB", f"wall {bname}/{nname}"]
    p("| " + " | ".join(head) + " |")
    p("|" + "---:|" * len(head))
    ratios = {"wall": [], "cpu": [], "base": []}
    for n in numbers:
        (sw, sc, sr), (nw, nc, nr) = spacy[n], newsmine[n]
        ratios["wall"].append(sw / nw)
        ratios["cpu"].append(nc / sc)
        row = [str(n), f"{sw:.2f}", f"{sc:.2f}", f"{sr:.0f}", f"{nw:.2f}", f"{nc:.2f}", f"{nr:.0f}",
               f"{sw / nw:.2f}", f"{nc / sc:.2f}"]
        if baseline:
            bw, bc, br = baseline[n]
            ratios["base"].append(bw / nw)
            row += [f"{bw:.2f}", f"{bc:.2f}", f"{br:.0f}", f"{bw / nw:.2f}"]
        p("| " + " | ".join(row) + " |")

    def med(program: dict, i: int) -> float:
        return statistics.median(v[i] for v in program.values())

    row = ["**median**"] + [f"{med(spacy, 0):.2f}", f"{med(spacy, 1):.2f}", f"{med(spacy, 2):.0f}",
                            f"{med(newsmine, 0):.2f}", f"{med(newsmine, 1):.2f}", f"{med(newsmine, 2):.0f}",
                            f"{statistics.median(ratios['wall']):.2f}", f"{statistics.median(ratios['cpu']):.2f}"]
    if baseline:
        row += [f"{med(baseline, 0):.2f}", f"{med(baseline, 1):.2f}", f"{med(baseline, 2):.0f}",
                f"{statistics.median(ratios['base']):.2f}"]
    p("| " + " | ".join(row) + " |")
    p("")
    p("Ratios are per run pair, their medians in the last row; a wall ratio above 1 means newsmine "
      "finished first, a CPU ratio below 1 that it spent less CPU.")
    p("")

    # Medians, the table the README shows.
    p("## Medians")
    p("")
    p("| | wall s | CPU s | peak RSS MiB | wall spaCy / this | CPU this / spaCy |")
    p("|---|---:|---:|---:|---:|---:|")
    p(f"| newsmine `extract`{' `' + nflags + '`' if nflags else ''} (default threads) | {med(newsmine, 0):.1f} | "
      f"{med(newsmine, 1):.1f} | {med(newsmine, 2):.0f} | {statistics.median(ratios['wall']):.2f} | "
      f"{statistics.median(ratios['cpu']):.2f} |")
    if baseline:
        bw = statistics.median(spacy[n][0] / baseline[n][0] for n in numbers)
        bc = statistics.median(baseline[n][1] / spacy[n][1] for n in numbers)
        p(f"| baseline{' `' + bflags + '`' if bflags else ''} | {med(baseline, 0):.1f} | {med(baseline, 1):.1f} | "
          f"{med(baseline, 2):.0f} | {bw:.2f} | {bc:.2f} |")
    p(f"| spaCy `en_core_web_sm` + textacy `direct_quotations` (`nlp.pipe`, one process) | {med(spacy, 0):.1f} | "
      f"{med(spacy, 1):.1f} | {med(spacy, 2):.0f} | 1 | 1 |")
    p("")

    # The targets.
    wall = statistics.median(ratios["wall"])
    ncpu, scpu = med(newsmine, 1), med(spacy, 1)
    peak = max(v[2] for v in newsmine.values())
    p("## Targets (issue 16)")
    p("")
    p("| target | measured | |")
    p("|---|---|---|")
    p(f"| wall-clock ratio spaCy / newsmine ≥ {WALL_RATIO_TARGET} | {wall:.2f} (median of the pairs) | "
      f"{ok(wall >= WALL_RATIO_TARGET)} |")
    p(f"| CPU seconds of newsmine ≤ the anchor's | {ncpu:.1f} s vs {scpu:.1f} s (medians) | {ok(ncpu <= scpu)} |")
    p(f"| newsmine peak RSS ≤ 1 GiB, default threads | {peak:.0f} MiB (highest run) | "
      f"{ok(peak <= RSS_TARGET_MIB)} |")
    p("")
    p("Accuracy before and after (PolNeAR dev, CoNLL-2003 valid, seed gold) is in "
      "`reports/polnear-dev.md`, `reports/conll-valid.md` and `reports/seeds.md`.")
    p("")

    if env("BENCH_THREADS"):
        p("## Threads")
        p("")
        p(f"`newsmine bench {env('BENCH_FOLDER')} --threads {env('BENCH_THREADS')}` (one process, "
          "one run per thread count, model loading included; default flags; peak RSS is the "
          "process's so far, so it only grows down the table):")
        p("")
        p(env("BENCH_THREADS_TABLE").rstrip())
        p("")

    p("## Memory against corpus size")
    p("")
    p("See `reports/bench-memory.md` (`bash scripts/bench-memory.sh`).")
    print("\n".join(out))


if __name__ == "__main__":
    main()
