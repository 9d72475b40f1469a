#!/usr/bin/env python3
"""redact-secrets.py - the secrets of a corpus, and where they show
(tests/redact-sweep.sh, issue 15).

usage: redact-secrets.py DIR [REFERENCE...]
                                          the secrets of DIR/*.yaml, one a
                                          line: KIND <tab> GROUP <tab> REGEX
       redact-secrets.py --ids DIR        the ids of its cases
       redact-secrets.py --scan SECRETS ROOT < FILES
                                          every secret found in FILES (a leak):
                                          exit 1 when there is one
       redact-secrets.py --seen SECRETS ROOT < FILES
                                          every secret group found nowhere in
                                          FILES: exit 1 when one must be seen

A group is the value read from the file (a name, an A-number, a note); its
secrets are the forms in which a screen or an output could show it: a name
whole and each part of it, an A-number's digits with and without dashes and
its last three or four digits after a mask, a birth date in the formats
dates are printed in, a note or free-text value in runs of four words
(wrapped text keeps some run on one line), a file's name without .yaml.
Files that YAML cannot parse are read line by line for the same keys.
A part of a name or a run of words that the REFERENCE files hold (what the
program prints of its own: the rules, their citations, the man pages) is
not a secret: "Ortega" stands in "Matter of Ortega-Cabrera" with no case
loaded.  Whole names, A-numbers, dates and file names always are.
"""
import datetime
import glob
import os
import re
import sys

import yaml

FREE_EVENT = ("note", "ground", "court", "scheme")
PUNCT = "()[]{},;:\\\"'.!?"


def lit(s):
    """A regex for s as a whole word, any run of spaces as one."""
    body = r"\s+".join(re.escape(w) for w in s.split())
    return r"(?<!\w)" + body + r"(?!\w)"


def name_secrets(add, name):
    name = str(name)
    add("name", name, lit(name))
    for part in re.split(r"[\s\-]+", name):
        part = part.strip(PUNCT)
        if len(part) >= 3:
            add("name part", name, lit(part))


def anum_secrets(add, a):
    a = str(a)
    digits = re.sub(r"\D", "", a)
    if not digits:
        return
    add("A-number", a, re.escape(a))
    add("A-number digits", a, r"(?<!\d)" + digits + r"(?!\d)")
    groups = re.findall(r"\d+", a)
    if len(groups) > 1:
        add("A-number digits", a, r"(?<!\d)" + "-".join(groups) + r"(?!\d)")
    # the last digits in a masked A-number: A-XXX-XXX-432, ***5432
    add("A-number last digits", a,
        r"(?<![\d\w])[A-Za-z]?[-X*#•.]*[-X*#•]" + digits[-3:] + r"(?!\d)")
    add("A-number last digits", a, r"(?<!\d)" + digits[-4:] + r"(?!\d)")


def date_secrets(add, kind, d):
    if isinstance(d, datetime.datetime):
        d = d.date()
    if isinstance(d, datetime.date):
        s = d.isoformat()
        add(kind, s, r"(?<!\d)" + s + r"(?!\d)")
        add(kind, s, r"(?<!\d)" + d.strftime("%Y%m%d") + r"(?!\d)")
        add(kind, s, r"(?<!\d)" + d.strftime("%Y-%m") + r"(?![-\d])")
        for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
                    "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y"):
            txt = d.strftime(fmt)
            add(kind, s, r"(?<!\d)0?" + re.escape(txt.lstrip("0"))
                + r"(?!\d)")
        return
    s = str(d)
    if re.fullmatch(r"\d{4}-\d{2}", s):   # a month: only the year is shown
        add(kind, s, r"(?<!\d)" + s + r"(?![-\d])")


def text_secrets(add, kind, text):
    words = str(text).split()
    if not words:
        return
    group = " ".join(words)
    if len(words) <= 4:
        add(kind, group, lit(group))
        return
    for i in range(len(words) - 3):
        add(kind, group, lit(" ".join(words[i:i + 4])))


def case_secrets(add, doc):
    if not isinstance(doc, dict):
        return
    person = doc.get("person") or {}
    if isinstance(person, dict):
        if person.get("name"):
            name_secrets(add, person["name"])
        if person.get("a_number"):
            anum_secrets(add, person["a_number"])
        if person.get("born"):
            date_secrets(add, "birth date", person["born"])
    for rel in doc.get("relatives") or []:
        if isinstance(rel, dict) and rel.get("born"):
            date_secrets(add, "relative's birth date", rel["born"])
        if isinstance(rel, dict) and rel.get("name"):
            name_secrets(add, rel["name"])
    if doc.get("notes"):
        text_secrets(add, "notes", doc["notes"])
    for key, value in doc.items():
        if str(key).startswith("x-") and value is not None:
            text_secrets(add, "x- value", value)
    for seq in ("events", "employment", "offenses"):
        for item in doc.get(seq) or []:
            if not isinstance(item, dict):
                continue
            for key in FREE_EVENT:
                if item.get(key):
                    text_secrets(add, "free text (%s)" % key, item[key])


LINE_KEYS = re.compile(r"^\s*(name|a_number|born|notes?):\s*(.*?)\s*$")


def unquote(v):
    v = v.split(" #")[0].strip()
    if v[:1] in "\"'" and v[-1:] == v[:1] and len(v) > 1:
        v = v[1:-1]
    return v.replace("\\\\", "\\")


def lines_secrets(add, text):
    """A file YAML cannot parse: its keys, line by line."""
    for line in text.splitlines():
        m = LINE_KEYS.match(line)
        if not m or not m.group(2) or m.group(2) in "|>":
            continue
        key, v = m.group(1), unquote(m.group(2))
        if key == "name":
            name_secrets(add, v)
        elif key == "a_number":
            anum_secrets(add, v)
        elif key == "born":
            try:
                date_secrets(add, "birth date",
                             datetime.date.fromisoformat(v))
            except ValueError:
                date_secrets(add, "birth date", v)
        else:
            text_secrets(add, "notes", v)


ALWAYS = ("name", "A-number", "A-number digits", "A-number last digits",
          "birth date", "relative's birth date", "file name")


def secrets(d, refs):
    out = []
    ref = "\n".join(open(r, encoding="utf-8", errors="replace").read()
                    for r in refs)

    def add(kind, group, regex):
        if kind not in ALWAYS and re.search(regex, ref):
            return
        if (kind, group, regex) not in out:
            out.append((kind, group, regex))
    for path in sorted(glob.glob(os.path.join(d, "*.yaml"))):
        stem = os.path.basename(path)[:-len(".yaml")]
        add("file name", stem, re.escape(stem))
        text = open(path, encoding="utf-8").read()
        try:
            for doc in yaml.safe_load_all(text):
                case_secrets(add, doc)
        except yaml.YAMLError:
            lines_secrets(add, text)
    return out


def ids(d):
    got = []
    for path in sorted(glob.glob(os.path.join(d, "*.yaml"))):
        try:
            for doc in yaml.safe_load_all(open(path, encoding="utf-8")):
                if isinstance(doc, dict) and doc.get("id"):
                    got.append(str(doc["id"]))
        except yaml.YAMLError:
            pass
    return got


def load(path):
    got = []
    for line in open(path, encoding="utf-8"):
        kind, group, regex = line.rstrip("\n").split("\t")
        got.append((kind, group, re.compile(regex)))
    return got


def where(root, f):
    """A file of the run as the report names it: a screen of the walk
    with the keys of the script that led to it."""
    rel = os.path.relpath(f, root)
    if rel.startswith("out/cli.") and rel.endswith((".out", ".err")):
        cmd = os.path.join(root, "cmd", os.path.basename(f)[:-4])
        cmd = open(cmd, encoding="utf-8").read().strip()
        return "%s (casewalk %s)" % (rel, cmd)
    return rel


def scan(sfile, root):
    found = {}
    for f in (l.rstrip("\n") for l in sys.stdin):
        try:
            text = open(f, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        lines = text.split("\n")
        for kind, group, rx in load(sfile):
            hits = found.setdefault((kind, group), [])
            if hits and hits[-1][0] == where(root, f):
                continue
            for no, line in enumerate(lines, 1):
                if rx.search(line):
                    hits.append((where(root, f), no, line.strip()))
                    break
    return {k: v for k, v in found.items() if v}


def main():
    if sys.argv[1] == "--ids":
        print("\n".join(ids(sys.argv[2])))
        return 0
    if sys.argv[1] == "--scan":
        found = scan(sys.argv[2], sys.argv[3])
        for (kind, group), hits in sorted(found.items()):
            print("LEAK %s %r: %d file(s)" % (kind, group, len(hits)))
            for at, no, line in hits[:4]:
                print("    %s:%d: %s" % (at, no, line[:160]))
            if len(hits) > 4:
                print("    ... and %d more" % (len(hits) - 4))
        if found:
            print("FAIL redact-sweep: %d secrets leak" % len(found))
        return 1 if found else 0
    if sys.argv[1] == "--seen":
        # a name, an A-number, a birth date, a file name or the notes must
        # each be seen; of the other kinds (an event's note, an x- value)
        # one at least: the program may print some of them nowhere
        found = scan(sys.argv[2], sys.argv[3])
        seen = {g for (_, g) in found}
        kinds = {k for (k, _) in found}
        groups = sorted({(k, g) for k, g, _ in load(sys.argv[2])})
        bad = 0
        for kind, group in groups:
            if group in seen:
                continue
            if kind in ALWAYS or kind == "notes" or kind not in kinds:
                bad += 1
                print("FAIL redact-sweep self-check: %s %r is shown "
                      "nowhere without --redact (the sweep would not see "
                      "it leak)" % (kind, group))
            else:
                print("redact-sweep: %s %r is shown nowhere, redacted or "
                      "not" % (kind, group))
        return 1 if bad else 0
    for kind, group, regex in secrets(sys.argv[1], sys.argv[2:]):
        print("%s\t%s\t%s" % (kind, group.replace("\n", " "), regex))
    return 0


if __name__ == "__main__":
    sys.exit(main())
