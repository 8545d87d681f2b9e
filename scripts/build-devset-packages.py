#!/usr/bin/env python3
"""Builds the second relevance development set from Debian package descriptions (English and zh_CN).

Every sampled package becomes one article per language in the archive format: its long description as
`## 原始摘要`, the first third of it as `## AI 摘要`, and as title the first sentence of the long description.
The query is the package's short description (the `Description:` line), which the article does not contain
as such: a description-like query rather than a title. Queries are `short description<TAB>article id`
lines. Output is deterministic: the same apt lists give the same bytes.

    python3 scripts/build-devset-packages.py [--out devset-packages] [--suite bookworm] [--install]

Input: the suite's `main` Translation-en and Translation-zh_CN files in /var/lib/apt/lists (arch-independent;
`--install` fetches them, as root, with `apt-get update -o Acquire::Languages=en,zh_CN`).
Python 3 standard library only. See scripts/README-devset.md.
"""

import argparse
import collections
import datetime
import glob
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys

from devset_text import clean, cjk_count, cut_title, shorten, write_tsv

LISTS = "/var/lib/apt/lists"
APT_HELPER = "/usr/lib/apt/apt-helper"
LANGUAGES = {"en": "en", "zh": "zh_CN"}          # our language code -> Debian's translation code
URL = {"en": "https://packages.debian.org/{suite}/{package}",
       "zh": "https://packages.debian.org/zh-cn/{suite}/{package}"}
QUERY_SAMPLE = {"en": 1500, "zh": 800}
DISTRACTOR_SAMPLE = {"en": 3000, "zh": 3000}
MIN_LONG_CHARS = {"en": 80, "zh": 25}            # shorter long descriptions make no article
MIN_ZH_CJK = 8                                   # a zh long description with fewer CJK characters is untranslated
# Base dates per language: one day per 25 articles. Bookworm was released on 2023-06-10.
BASE_DATE = {"zh": datetime.date(2023, 6, 10), "en": datetime.date(2023, 9, 1)}
PER_DAY = 25

# CJK characters and full-width punctuation: a line break next to one is not a word break.
CJK_OR_PUNCT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
BULLET = re.compile(r"^(?:[*\-+o•·]|\d{1,2}[.)])\s")
# Transitional and dummy packages: their text is boilerplate ("This is a transitional package...").
DUMMY = re.compile(r"\b(?:transitional|dummy)\b|过渡|虚包|空包", re.IGNORECASE)
# English abbreviations after which a period does not end the sentence.
ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp|al|ca|Mr|Dr|St|No|Inc|Ltd)\.)$")


# ---------------------------------------------------------------- reading the apt lists

def read_list(path):
    """The text of one apt list file, compressed or not (apt-helper knows every compressor apt uses)."""
    if re.search(r"\.(?:lz4|zst|gz|xz|bz2|lzma)$", path):
        return subprocess.run([APT_HELPER, "cat-file", path], check=True, capture_output=True).stdout.decode("utf-8")
    with open(path, encoding="utf-8") as f:
        return f.read()


def paragraphs_of(text):
    """deb822 paragraphs as dicts; a field's continuation lines are kept with their leading space."""
    for block in text.split("\n\n"):
        fields = {}
        name = None
        for line in block.split("\n"):
            if not line:
                continue
            if line[0] in " \t" and name is not None:
                fields[name] += "\n" + line
            else:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
        if fields:
            yield fields


def find_translation(suite, code):
    """The suite's `main` Translation file for one language, or None."""
    encoded = code.replace("_", "%5f")
    paths = sorted(set(glob.glob(os.path.join(LISTS, f"*_dists_{suite}_main_i18n_Translation-{code}*"))
                       + glob.glob(os.path.join(LISTS, f"*_dists_{suite}_main_i18n_Translation-{encoded}*"))))
    paths = [p for p in paths if not p.endswith((".diff", ".IndexDiff"))]
    return paths[0] if paths else None


def release_date(suite):
    paths = sorted(glob.glob(os.path.join(LISTS, f"*_dists_{suite}_InRelease"))
                   + glob.glob(os.path.join(LISTS, f"*_dists_{suite}_Release")))
    if not paths:
        return "unknown"
    with open(paths[0], encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("Date:"):
                return line[5:].strip()
    return "unknown"


def ensure_lists(suite, install):
    missing = [code for code in LANGUAGES.values() if find_translation(suite, code) is None]
    if not missing:
        return
    command = ["apt-get", "update", "-o", "Acquire::Languages=en,zh_CN"]
    if install and os.geteuid() == 0:
        subprocess.run(command, check=True)
        missing = [code for code in LANGUAGES.values() if find_translation(suite, code) is None]
        if not missing:
            return
        sys.exit(f"apt-get update ran but Translation-{', Translation-'.join(missing)} for {suite}/main "
                 f"is still missing from {LISTS} (is {suite} main in the apt sources?)")
    sys.exit(f"Translation-{', Translation-'.join(missing)} for {suite}/main is missing from {LISTS}.\n"
             f"Fetch the translated descriptions with:\n    sudo {' '.join(command)}\n"
             f"(or run this script as root with --install). A later plain `apt-get update` with\n"
             f"Acquire::Languages \"none\" (Docker images) deletes them again.")


def read_descriptions(path, code):
    """{package: (md5, short description, long description lines)}; packages listed with more than one
    description (architectures out of step) are left out, as neither text is the package's own."""
    field = f"Description-{code}"
    found = collections.defaultdict(set)
    for fields in paragraphs_of(read_list(path)):
        if "Package" in fields and field in fields:
            found[fields["Package"]].add((fields.get("Description-md5", ""), fields[field]))
    result = {}
    for package, texts in found.items():
        if len(texts) != 1:
            continue
        md5, text = next(iter(texts))
        short, _, rest = text.partition("\n")
        lines = [line[1:] if line.startswith(" ") else line for line in rest.split("\n")] if rest else []
        result[package] = (md5, clean(short), lines)
    return result


# ---------------------------------------------------------------- text

def join_wrapped(left, right):
    """Joins a wrapped line to the previous one: no space where either side is Chinese."""
    if CJK_OR_PUNCT.match(left[-1:]) or CJK_OR_PUNCT.match(right[:1]):
        return left + right
    return left + " " + right


def long_paragraphs(lines):
    """The long description as paragraphs of lines. ` .` separates paragraphs (Debian policy 5.6.13); a
    bullet item or an indented (verbatim) line starts a new line, a wrapped line continues the previous one
    (also the indented continuation of a bullet item)."""
    paragraphs, current = [], []   # current: [indent, is bullet, text]
    for raw in lines:
        if raw.strip() == ".":
            if current:
                paragraphs.append([text for _, _, text in current])
            current = []
            continue
        text = clean(raw)
        if not text:
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        bullet = bool(BULLET.match(text))
        previous = current[-1] if current else None
        continues = previous is not None and not bullet and (
            (previous[1] and indent > previous[0]) or (indent == 0 and previous[0] == 0 and not previous[1]))
        if continues:
            previous[2] = join_wrapped(previous[2], text)
        else:
            current.append([indent, bullet, text])
    if current:
        paragraphs.append([text for _, _, text in current])
    return paragraphs


def plain_text(paragraphs):
    return " ".join(" ".join(lines) for lines in paragraphs)


def sentences(text, language):
    if language == "zh":
        return [p.strip() for p in re.split(r"(?<=[。！？；])", text) if p.strip()]
    parts = []
    for piece in re.split(r"(?<=[.!?])\s+", text):
        if parts and ABBREVIATION.search(parts[-1]):
            parts[-1] += " " + piece
        elif piece.strip():
            parts.append(piece.strip())
    return parts


def lead_sentence(text, language):
    """The first sentence, without its final stop."""
    parts = [p.rstrip("。！？；.!?").strip() for p in sentences(text, language)]
    parts = [p for p in parts if p] or [text]
    sentence = parts[0]
    # A lead-in such as "Features:" alone would make a poor title; take the next sentence with it.
    if len(sentence) < 15 and len(parts) > 1:
        sentence = sentence + " " + parts[1]
    return sentence.lstrip("#").strip()


def first_sentence(text, language):
    """The title: the first sentence cut to MAX_TITLE_CHARS."""
    return cut_title(lead_sentence(text, language), language)


def normal(text):
    return clean(text).lower()


# ---------------------------------------------------------------- packages -> articles and queries

class Package:
    def __init__(self, name, language, short, paragraphs):
        self.name = name
        self.language = language
        self.short = short
        self.paragraphs = paragraphs
        self.text = plain_text(paragraphs)
        self.lead = lead_sentence(self.text, language)
        self.title = first_sentence(self.text, language)
        self.ident = hashlib.sha256(f"pkg:{language}:{name}".encode("utf-8")).hexdigest()[:16]
        self.rank = hashlib.sha256(name.encode("utf-8")).hexdigest()   # the sampling order


def load_packages(suite):
    """{language: {package: Package}} for every package that makes an article, and counts for the report."""
    english = read_descriptions(find_translation(suite, "en"), "en")
    chinese = read_descriptions(find_translation(suite, "zh_CN"), "zh_CN")
    stats = collections.Counter(en_descriptions=len(english), zh_descriptions=len(chinese))
    result = {"en": {}, "zh": {}}
    for name in sorted(english):
        md5, short, lines = english[name]
        paragraphs = long_paragraphs(lines)
        if DUMMY.search(short):
            stats["en_dummy"] += 1
            continue
        if len(plain_text(paragraphs)) < MIN_LONG_CHARS["en"]:
            stats["en_too_short"] += 1
            continue
        result["en"][name] = Package(name, "en", short, paragraphs)
    for name in sorted(chinese):
        md5, short, lines = chinese[name]
        paragraphs = long_paragraphs(lines)
        text = plain_text(paragraphs)
        source = english.get(name)
        if source is None or source[0] != md5:
            stats["zh_outdated"] += 1          # translates another version's description
            continue
        if DUMMY.search(short) or DUMMY.search(source[1]):
            stats["zh_dummy"] += 1
            continue
        title = first_sentence(text, "zh")
        # A real translation: Chinese prose (lists of program names and formats stay in English) and a title
        # that is mostly Chinese, not a copy of the English text.
        if (cjk_count(text) < MIN_ZH_CJK or normal(text) == normal(plain_text(long_paragraphs(source[2])))
                or cjk_count(title) < 3 or cjk_count(title) * 3 < len(re.findall(r"[A-Za-z]", title))):
            stats["zh_untranslated"] += 1
            continue
        if len(text) < MIN_LONG_CHARS["zh"]:
            stats["zh_too_short"] += 1
            continue
        result["zh"][name] = Package(name, "zh", short, paragraphs)
    return result, stats


def query_problem(package, shorts, texts):
    """Why a package's short description is not used as a query, or None."""
    query = package.short
    if "\t" in query or not query:
        return "unusable"
    if shorts[normal(query)] > 1:
        return "shared short description"
    if package.language == "en" and len(re.findall(r"[A-Za-z0-9][\w+.#'-]*", query)) < 3:
        return "short query"
    if package.language == "zh" and cjk_count(query) < 4:
        return "short query"
    if texts[normal(package.text)] > 1:
        return "shared long description"
    if normal(query.rstrip("。.")) in normal(package.lead):
        return "query in first sentence"
    return None


def sample(packages, stats, language):
    """The query targets (the first QUERY_SAMPLE usable packages in sha256 order) and distractors (the next
    DISTRACTOR_SAMPLE packages of the language in the same order, whether usable as queries or not)."""
    shorts = collections.Counter(normal(p.short) for p in packages.values())
    texts = collections.Counter(normal(p.text) for p in packages.values())
    ordered = sorted(packages.values(), key=lambda p: p.rank)
    targets = []
    for package in ordered:
        problem = query_problem(package, shorts, texts)
        if problem is None:
            stats[f"{language}_queries_usable"] += 1
            if len(targets) < QUERY_SAMPLE[language]:
                targets.append(package)
        else:
            stats[f"{language}_skipped_{problem}"] += 1
    chosen = {p.name for p in targets}
    distractors = [p for p in ordered if p.name not in chosen][: DISTRACTOR_SAMPLE[language]]
    return targets, distractors


def render(package, suite, saved, day):
    body = "<br><br>".join("<br>".join(html.escape(line, quote=False) for line in lines)
                           for lines in package.paragraphs)
    url = URL[package.language].format(suite=suite, package=package.name)
    return (
        f"# {package.title}\n\n"
        f"**URL**: {url}\n\n"
        f"## 原始摘要\n\n{body}\n\n"
        f"## AI 摘要\n\n{shorten(package.text, package.language)}\n\n"
        f"## 元数据\n\n"
        f"- **来源**: Debian packages\n"
        f"- **类型**: 软件包\n"
        f"- **保存时间**: {saved}\n"
        f"- **目录日期**: {day}\n"
    )


def write_articles(articles, language, suite, archive):
    for ordinal, package in enumerate(sorted(articles, key=lambda p: p.name)):
        day = BASE_DATE[language] + datetime.timedelta(days=ordinal // PER_DAY)
        sequence = ordinal % PER_DAY
        saved = f"{day.isoformat()}T08:{sequence:02d}:00Z"
        path = os.path.join(archive, day.isoformat(), f"{sequence:03d}_{package.ident}.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(render(package, suite, saved, day.isoformat()))


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(repo, "devset-packages"),
                        help="output folder (default: devset-packages/ in the repository)")
    parser.add_argument("--suite", default="bookworm", help="Debian suite whose main descriptions are used (default: bookworm)")
    parser.add_argument("--install", action="store_true",
                        help="apt-get update with Acquire::Languages=en,zh_CN when the translations are missing (root only)")
    args = parser.parse_args()
    ensure_lists(args.suite, args.install)

    packages, stats = load_packages(args.suite)
    archive = os.path.join(args.out, "archive")
    if os.path.isdir(archive):
        shutil.rmtree(archive)
    os.makedirs(archive)

    rows = {}
    for language in ("zh", "en"):
        targets, distractors = sample(packages[language], stats, language)
        write_articles(targets + distractors, language, args.suite, archive)
        rows[language] = [(p.short, p.ident) for p in targets]
        stats[f"{language}_articles"] = len(targets) + len(distractors)

    source = f"Debian {args.suite} main descriptions (Release {release_date(args.suite)})"
    write_tsv(os.path.join(args.out, "queries-zh.tsv"), rows["zh"], f"{source}, zh_CN: short description -> package article")
    write_tsv(os.path.join(args.out, "queries-en.tsv"), rows["en"], f"{source}, en: short description -> package article")
    write_tsv(os.path.join(args.out, "queries.tsv"), rows["zh"] + rows["en"], f"{source}, zh_CN and en")

    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(archive) for f in files)
    print(source)
    for language in ("zh", "en"):
        print(f"{language}: {stats[language + '_descriptions']} descriptions, {len(packages[language])} usable as articles, "
              f"{stats[language + '_queries_usable']} usable as queries; skipped as queries: "
              + ", ".join(f"{key.split('_skipped_')[1]} {value}" for key, value in sorted(stats.items())
                          if key.startswith(language + "_skipped_")))
    print("not articles: " + ", ".join(f"{key} {value}" for key, value in sorted(stats.items())
                                       if key.endswith(("_dummy", "_too_short", "_outdated", "_untranslated"))))
    print(f"archive: {stats['zh_articles']} zh + {stats['en_articles']} en articles, {size / 1048576:.1f} MB in {archive}")
    print(f"queries-zh.tsv: {len(rows['zh'])}, queries-en.tsv: {len(rows['en'])}, queries.tsv: {len(rows['zh']) + len(rows['en'])}")


if __name__ == "__main__":
    main()
