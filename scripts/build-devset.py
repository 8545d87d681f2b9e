#!/usr/bin/env python3
"""Builds the relevance development set from Debian's debian-handbook (zh-CN and en-US HTML).

Every `<div class="section">` of the handbook becomes one article in the archive format: its own text
(nested sections excluded) as `## 原始摘要`, a shortened copy as `## AI 摘要`, and as title the first
sentence of the body, so that the query (the section's title) is not a plain title match. Queries are
`section title<TAB>article id` lines. Output is deterministic: the same handbook gives the same bytes.

    python3 scripts/build-devset.py [--out devset] [--install]

Python 3 standard library only. See scripts/README-devset.md.
"""

import argparse
import collections
import datetime
import hashlib
import html
import html.parser
import os
import re
import shutil
import subprocess
import sys

from devset_text import clean, cjk_count, cut_title, shorten, write_tsv

HANDBOOK = "/usr/share/doc/debian-handbook/html"
LANGUAGES = {"zh-CN": "zh", "en-US": "en"}
MIN_BODY_CHARS = 200
# Base dates per language: articles get one day per 25 sections, so each language spans a few weeks.
BASE_DATE = {"zh": datetime.date(2022, 9, 1), "en": datetime.date(2022, 10, 1)}
PER_DAY = 25

# Titles that name a kind of section rather than a subject: as queries they have no single right answer.
GENERIC_TITLES = {
    "introduction", "overview", "examples", "example", "configuration", "installation", "principle",
    "principles", "in practice", "summary", "going further", "usage", "basics", "the basics",
    "简介", "概述", "介绍", "示例", "例子", "范例", "配置", "安装", "原理", "实践", "总结", "用法", "基础",
    "基本原理", "实际操作", "入门", "深入", "进一步", "更进一步",
}

BLOCK_TAGS = {"div", "p", "li", "dt", "dd", "tr", "td", "th", "table", "ul", "ol", "dl", "h1", "h2", "h3",
              "h4", "h5", "h6", "blockquote", "figure", "br"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
NUMBER = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+")


class Section:
    def __init__(self, depth):
        self.depth = depth
        self.anchor = None
        self.title = []
        self.paragraphs = []


class HandbookPage(html.parser.HTMLParser):
    """Collects every section of one page: anchor, title and the text of its own paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []
        self.open = []        # sections enclosing the current position, innermost last
        self.stack = []       # (tag, role) of every open element
        self.buffer = []
        self.in_title = None  # the section whose heading is being read
        self.in_pre = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        role = None
        if tag == "div" and attrs.get("class") == "section":
            self.flush()
            section = Section(len(self.stack))
            self.open.append(section)
            self.sections.append(section)
            role = "section"
        elif tag in HEADINGS and attrs.get("class") == "title" and self.open and self.open[-1].anchor is None and self.in_title is None:
            self.flush()
            self.in_title = self.open[-1]
            role = "title"
        elif tag == "pre":
            self.in_pre += 1
            role = "pre"
        if tag == "a" and self.in_title is not None and self.in_title.anchor is None and attrs.get("id"):
            self.in_title.anchor = attrs["id"]
        if tag in BLOCK_TAGS:
            self.flush()
        self.stack.append((tag, role))

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.buffer.append(" ")
        elif tag == "a" and self.in_title is not None and self.in_title.anchor is None and dict(attrs).get("id"):
            self.in_title.anchor = dict(attrs)["id"]

    def handle_endtag(self, tag):
        # XHTML: every element is closed, so the stack unwinds in order; be lenient all the same.
        while self.stack:
            open_tag, role = self.stack.pop()
            if role == "section":
                self.flush()
                self.open.pop()
            elif role == "title":
                self.in_title = None
            elif role == "pre":
                self.in_pre -= 1
            if open_tag == tag:
                break
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if self.in_title is not None:
            self.in_title.title.append(data)
        elif self.in_pre == 0 and self.open:
            self.buffer.append(data)

    def flush(self):
        text = clean("".join(self.buffer))
        self.buffer = []
        if text and self.open:
            self.open[-1].paragraphs.append(text)


def is_chinese(paragraph):
    """Mostly Chinese: an English paragraph citing "第 4 章 安装" is not, one naming a few commands is."""
    cjk = cjk_count(paragraph)
    return cjk >= 3 and cjk * 3 >= len(re.findall(r"[A-Za-z]", paragraph))


def first_sentence(text, language):
    pattern = r"[。！？；]" if language == "zh" else r"(?<=[.!?;])\s"
    parts = [p.strip() for p in re.split(pattern, text) if p.strip()]
    sentence = parts[0] if parts else text
    # A lead-in such as "例如：" alone would make a poor title; take the next sentence with it.
    if len(sentence) < 15 and len(parts) > 1:
        sentence = sentence + " " + parts[1]
    return cut_title(sentence.lstrip("#").strip(), language)


def query_of(section):
    return NUMBER.sub("", clean("".join(section.title)))


def read_language(folder, language):
    """Sections of one language, in reading order (pages sorted by name), with their body paragraphs."""
    result = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".html"):
            continue
        page = HandbookPage()
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            page.feed(f.read())
        page.close()
        for section in page.sections:
            paragraphs = section.paragraphs
            if language == "zh":
                # The zh-CN translation is partial: untranslated English paragraphs would be a second copy
                # of the en-US text inside a Chinese article, so only Chinese paragraphs are kept.
                paragraphs = [p for p in paragraphs if is_chinese(p)]
            result.append((name, section.anchor, query_of(section), paragraphs))
    return result


def article_id(language, anchor):
    return hashlib.sha256(f"{language}:{anchor}".encode("utf-8")).hexdigest()[:16]


def render(title, paragraphs, summary, url, saved, day):
    body = "<br><br>".join(html.escape(p, quote=False) for p in paragraphs)
    return (
        f"# {title}\n\n"
        f"**URL**: {url}\n\n"
        f"## 原始摘要\n\n{body}\n\n"
        f"## AI 摘要\n\n{summary}\n\n"
        f"## 元数据\n\n"
        f"- **来源**: Debian Handbook\n"
        f"- **类型**: 文档\n"
        f"- **保存时间**: {saved}\n"
        f"- **目录日期**: {day}\n"
    )


def usable_title(query, language):
    if language == "zh":
        return cjk_count(query) >= 2 and query not in GENERIC_TITLES
    return len(query) >= 3 and query.lower() not in GENERIC_TITLES


def build_language(locale, language, archive):
    """Writes one language's articles; returns {anchor: (id, query or None)} and counts."""
    sections = read_language(os.path.join(HANDBOOK, locale), language)
    counted = collections.Counter(q.lower() for _, _, q, _ in sections)
    written = {}
    ordinal = 0
    for page, anchor, query, paragraphs in sections:
        text = " ".join(paragraphs)
        if anchor is None or len(text) < MIN_BODY_CHARS or anchor in written:
            continue
        day = BASE_DATE[language] + datetime.timedelta(days=ordinal // PER_DAY)
        sequence = ordinal % PER_DAY
        saved = f"{day.isoformat()}T08:{sequence:02d}:00Z"
        ident = article_id(language, anchor)
        title = first_sentence(text, language)
        url = f"https://debian-handbook.info/browse/{locale}/stable/{page}#{anchor}"
        path = os.path.join(archive, day.isoformat(), f"{sequence:03d}_{ident}.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(render(title, paragraphs, shorten(" ".join(paragraphs), language), url, saved, day.isoformat()))
        keep = usable_title(query, language) and counted[query.lower()] == 1 and "\t" not in query
        written[anchor] = (ident, query if keep else None)
        ordinal += 1
    return written


def traditional_queries(zh_cn):
    """zh-TW section titles pointing to the zh-CN article of the same anchor, where the titles differ."""
    sections = read_language(os.path.join(HANDBOOK, "zh-TW"), "zh")
    counted = collections.Counter(q for _, _, q, _ in sections)
    queries = []
    for _, anchor, query, _ in sections:
        target = zh_cn.get(anchor)
        if target is None or target[1] is None or query == target[1]:
            continue
        if cjk_count(query) >= 2 and counted[query] == 1 and "\t" not in query:
            queries.append((query, target[0]))
    return queries


def ensure_handbook(install):
    if os.path.isdir(HANDBOOK):
        return
    command = ["apt-get", "install", "-y", "debian-handbook"]
    if install and os.geteuid() == 0:
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(command, check=True)
        return
    sys.exit(f"{HANDBOOK} is missing. Install it with:\n    sudo {' '.join(command)}\n"
             f"(or run this script as root with --install)")


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(repo, "devset"), help="output folder (default: devset/ in the repository)")
    parser.add_argument("--install", action="store_true", help="apt-get install debian-handbook when missing (root only)")
    args = parser.parse_args()
    ensure_handbook(args.install)

    archive = os.path.join(args.out, "archive")
    if os.path.isdir(archive):
        shutil.rmtree(archive)
    os.makedirs(archive)

    by_language = {language: build_language(locale, language, archive) for locale, language in LANGUAGES.items()}
    rows = {language: [(q, ident) for ident, q in written.values() if q is not None] for language, written in by_language.items()}
    write_tsv(os.path.join(args.out, "queries-zh.tsv"), rows["zh"], "Debian Handbook zh-CN: section title -> section article")
    write_tsv(os.path.join(args.out, "queries-en.tsv"), rows["en"], "Debian Handbook en-US: section title -> section article")
    write_tsv(os.path.join(args.out, "queries.tsv"), rows["zh"] + rows["en"], "Debian Handbook zh-CN and en-US")
    tw = traditional_queries(by_language["zh"])
    write_tsv(os.path.join(args.out, "queries-zh-tw.tsv"), tw, "Debian Handbook zh-TW titles -> zh-CN article of the same section")

    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(archive) for f in files)
    for language, written in by_language.items():
        print(f"articles {language}: {len(written)}")
    print(f"archive: {sum(len(w) for w in by_language.values())} articles, {size / 1048576:.1f} MB in {archive}")
    print(f"queries-zh.tsv: {len(rows['zh'])}, queries-en.tsv: {len(rows['en'])}, "
          f"queries.tsv: {len(rows['zh']) + len(rows['en'])}, queries-zh-tw.tsv: {len(tw)}")


if __name__ == "__main__":
    main()
