#!/usr/bin/env python3
"""The organization checks of reports/organizations.md (run by scripts/organizations.sh).

- `conll-docs SPLIT.txt OUT_DIR`: the `-DOCSTART-` documents of a CoNLL-2003 file as
  `OUT_DIR/docs.jsonl` (one record per document, detokenised, one sentence per line, so each
  sentence is a paragraph) and `OUT_DIR/gold.csv` (`doc_id,organization`: the distinct ORG
  chunks of each document, detokenised the same way).
- `score GOLD.csv PRED_DIR`: per-document organization sets. For each document, the rows of
  `PRED_DIR/organizations.csv` whose `doc_ids` name it; a row is right when its name or one of
  its aliases equals a gold name of the document (precision of rows), a gold name is found when
  some row of the document carries it (recall of names). Names are compared normalised as
  `newsmine eval` does (`eval::metrics::normalize_name`: case, quote marks, spaces, outer
  punctuation).
- `junk PRED_DIR`: organizations that cannot be one: a single function word, markup, a
  fragment (led or ended by a function word), or a name the same corpus tags as a PERSON.
"""
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

csv.field_size_limit(1 << 30)

NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenise(tokens):
    """Tokens back to text, and each token's (start, end) character offsets in it."""
    out, spans = "", []
    quote_open = False
    glue_next = False
    for t in tokens:
        space = bool(out) and not glue_next and t not in NO_SPACE_BEFORE
        if t == '"':
            # An opening quotation mark glues to the next token, a closing one to the last.
            if quote_open:
                space = False
            quote_open = not quote_open
        if space:
            out += " "
        spans.append((len(out), len(out) + len(t)))
        out += t
        glue_next = t in NO_SPACE_AFTER or (t == '"' and quote_open)
    return out, spans


def conll_documents(path):
    """[(doc_id, [(tokens, tags)])] of a CoNLL-2003 file, ids `conll-NNNN` in file order."""
    docs, sent = [], ([], [])
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if not cols:
            if sent[0]:
                docs[-1][1].append(sent)
            sent = ([], [])
            continue
        if cols[0] == "-DOCSTART-":
            docs.append((f"conll-{len(docs) + 1:04d}", []))
            continue
        sent[0].append(cols[0])
        sent[1].append(cols[-1])
    if sent[0]:
        docs[-1][1].append(sent)
    return docs


def org_chunks(tokens, tags):
    """The ORG chunks of a sentence (conlleval's rules: an I- that continues nothing starts one)."""
    out, cur, prev = [], None, "O"
    for i, tag in enumerate(tags + ["O"]):
        label = tag[2:] if tag != "O" else None
        continues = tag.startswith("I-") and prev != "O" and prev[2:] == label
        if cur is not None and not continues:
            out.append(cur)
            cur = None
        if label == "ORG" and not continues:
            cur = [i, i + 1]
        elif cur is not None and continues:
            cur[1] = i + 1
        prev = tag
    return out


def cmd_conll_docs(split, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "docs.jsonl", "w", encoding="utf-8") as docs_f, open(
        out_dir / "gold.csv", "w", encoding="utf-8", newline=""
    ) as gold_f:
        gold = csv.writer(gold_f)
        gold.writerow(["doc_id", "organization"])
        for doc_id, sentences in conll_documents(split):
            lines, names = [], []
            for tokens, tags in sentences:
                text, spans = detokenise(tokens)
                lines.append(text)
                for a, b in org_chunks(tokens, tags):
                    name = text[spans[a][0] : spans[b - 1][1]]
                    if normalize(name) not in {normalize(n) for n in names}:
                        names.append(name)
            docs_f.write(json.dumps({"id": doc_id, "text": "\n".join(lines) + "\n"}, ensure_ascii=False) + "\n")
            for n in names:
                gold.writerow([doc_id, n])


def normalize(s):
    """`eval::metrics::normalize_name`."""
    table = {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "«": '"', "»": '"'}
    s = "".join(" " if c.isspace() else table.get(c, c) for c in s).lower()
    s = " ".join(s.split())
    return s.strip("".join(c for c in set(s) if not c.isalnum()))


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cmd_score(gold_csv, pred_dir):
    gold = defaultdict(set)
    for r in read_rows(gold_csv):
        gold[r["doc_id"]].add(normalize(r["organization"]))
    docs = {r["doc_id"] for r in read_rows(Path(pred_dir) / "documents.csv")}
    pred = defaultdict(list)
    for r in read_rows(Path(pred_dir) / "organizations.csv"):
        names = {normalize(n) for n in [r["organization"]] + r["aliases"].split("|") if normalize(n)}
        for d in r["doc_ids"].split(";"):
            pred[d].append((r["organization"], names))
    rows_right = rows = found = golds = 0
    errors = []
    for d in sorted(docs):
        g, p = gold.get(d, set()), pred.get(d, [])
        rows += len(p)
        golds += len(g)
        for name, names in p:
            if names & g:
                rows_right += 1
            else:
                errors.append(f"EXTRA\t{d}\t{name}")
        carried = set().union(*(n for _, n in p)) if p else set()
        found += len(g & carried)
        errors += [f"MISS\t{d}\t{n}" for n in sorted(g - carried)]
    precision = rows_right / rows if rows else 0.0
    recall = found / golds if golds else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"| {len(docs)} | {precision:.3f} ({rows_right}/{rows}) | {recall:.3f} ({found}/{golds}) | {f1:.3f} |")
    if "--errors" in sys.argv:
        print("\n".join(errors))


FUNCTION_WORDS = set(
    """a an the this that these those of for in on at to by with from and or but as
    he she it they we i you his her its their our my your who which what there here""".split()
)


def is_function_word(word):
    """`the`, `The`, but not `IT` (an acronym)."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper())


def cmd_junk(pred_dir):
    """Organizations that cannot be one: a function word alone, markup, a fragment (ends in a
    function word), a person (a name the output's entities tag PERSON at least as often as ORG,
    or the surname of a PERSON canonical name in one of the row's documents)."""
    pred_dir = Path(pred_dir)
    labels = defaultdict(lambda: defaultdict(int))
    surnames = defaultdict(set)
    for r in read_rows(pred_dir / "entities.csv"):
        labels[normalize(r["text"])][r["label"]] += 1
        words = r["canonical"].split()
        if r["label"] == "PERSON" and len(words) > 1:
            surnames[r["doc_id"]].add(normalize(words[-1]))
    kinds = defaultdict(list)
    rows = read_rows(pred_dir / "organizations.csv")
    for r in rows:
        name = r["organization"]
        words = name.split()
        n = normalize(name)
        if re.search(r"[<>{}\[\]@#|\\=]|https?:|www\.", name):
            kinds["markup"].append(name)
        elif len(words) == 1 and is_function_word(words[0]):
            kinds["function word"].append(name)
        elif words and is_function_word(words[-1]):
            kinds["fragment"].append(name)
        elif labels[n]["PERSON"] >= max(1, labels[n]["ORG"]) or any(n in surnames[d] for d in r["doc_ids"].split(";")):
            kinds["person"].append(name)
    print(f"| {len(rows)} | " + " | ".join(str(len(kinds[k])) for k in ["function word", "markup", "fragment", "person"]) + " |")
    for k in ["function word", "markup", "fragment", "person"]:
        if kinds[k]:
            print(f"  {k}: " + "; ".join(sorted(kinds[k])))


if __name__ == "__main__":
    commands = {"conll-docs": cmd_conll_docs, "score": cmd_score, "junk": cmd_junk}
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args or args[0] not in commands:
        sys.exit(f"usage: {sys.argv[0]} conll-docs SPLIT.txt OUT_DIR | score GOLD.csv PRED_DIR [--errors] | junk PRED_DIR")
    commands[args[0]](*args[1:])
