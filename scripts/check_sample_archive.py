#!/usr/bin/env python3
"""Check the bundled sample archive (index-data/archive) and print its statistics.

Usage: python3 scripts/check_sample_archive.py [ARCHIVE_DIR]

Verifies that every article (.txt/.md, hidden folders skipped) is valid UTF-8, starts with a
`# ` title line, has its sections in order, has parseable dates, and stays within the size
limits of the sample brief. Prints counts (languages, hashtags, sources, types, months) and the
files with special shapes. Exits 1 if any check fails.
"""
import html
import os
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timezone

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "index-data", "archive")
ROOT = os.path.normpath(ROOT)

HEADINGS = {
    "原始摘要": "orig", "original summary": "orig",
    "ai 摘要": "ai", "ai summary": "ai",
    "元数据": "meta", "metadata": "meta",
}
KEYS = {
    "来源": "source", "source": "source",
    "类型": "type", "type": "type",
    "保存时间": "saved", "saved at": "saved", "saved time": "saved",
    "目录日期": "dirdate", "directory date": "dirdate",
}
NAME_RE = re.compile(r"^(\d{3})_([0-9a-f]{16})\.(txt|md)$")
WEIBO_RE = re.compile(r"#([^#\r\n]{1,64})#")
TWITTER_RE = re.compile(r"(?:(?<=\s)|^)#([\w]+)", re.UNICODE)
# characters that only occur in Traditional Chinese text (rough heuristic)
TRAD_CHARS = set("們這個說時會來電關與對從場實點麵圓嗎還讓")

errors = []


def err(path, msg):
    errors.append("%s: %s" % (path, msg))


def fold(tag):
    out = []
    for ch in tag.strip():
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif o == 0x3000:
            ch = " "
        out.append(ch)
    return "".join(out).strip().lower()


def html_text(s):
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def hashtags(text):
    weibo = [m.group(1) for m in WEIBO_RE.finditer(text)]
    rest = WEIBO_RE.sub(" ", text)
    twitter = [m.group(1) for m in TWITTER_RE.finditer(rest)]
    return [t for t in weibo if t.strip()], twitter


def parse_time(value):
    v = value.strip()
    if v.endswith("Z"):
        v = v[:-1] + "+00:00"
    dt = datetime.fromisoformat(v)
    if dt.tzinfo is None:
        raise ValueError("no time zone")
    return dt


def check_file(path, rel):
    info = {"rel": rel, "flags": set()}
    raw = open(path, "rb").read()
    if not raw:
        err(rel, "empty")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        info["flags"].add("bom")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(rel, "not UTF-8: %s" % e)
        return None
    if not text.endswith("\n"):
        err(rel, "does not end with a newline")
    crlf = text.count("\r\n")
    if crlf:
        info["flags"].add("crlf")
        if crlf != text.count("\n"):
            err(rel, "mixed line endings")
        text = text.replace("\r\n", "\n")
    if "\r" in text:
        err(rel, "bare CR")
    lines = text.split("\n")
    if not lines[0].startswith("# "):
        err(rel, "line 1: no '# ' title line")
        return None
    title = lines[0][2:].strip()
    info["title"] = title
    if not 15 <= len(title) <= 120:
        err(rel, "title length %d outside 15..120" % len(title))

    url = None
    sections = {}
    order = []
    current = None
    for i, line in enumerate(lines[1:], start=2):
        if line.startswith("## "):
            name = HEADINGS.get(line[3:].strip().lower())
            if name is None:
                err(rel, "line %d: unknown heading %r" % (i, line))
                current = None
                continue
            if line[3:].strip().lower() in ("original summary", "ai summary", "metadata"):
                info["flags"].add("english-headings")
            current = name
            order.append(name)
            sections[name] = []
        elif current is None:
            if line.startswith("**URL**:"):
                url = line.split(":", 1)[1].strip()
            elif line.strip():
                err(rel, "line %d: unexpected text before first section" % i)
        else:
            sections[current].append(line)
    expected = [s for s in ("orig", "ai", "meta") if s in sections]
    if order != expected:
        err(rel, "sections out of order or repeated: %s" % order)
    for need in ("orig", "meta"):
        if need not in sections:
            err(rel, "missing section %s" % need)
    if url is None:
        info["flags"].add("no-url")
    elif not url.startswith("https://"):
        err(rel, "URL is not https: %s" % url)
    if "ai" not in sections:
        info["flags"].add("no-ai-summary")

    orig = "\n".join(sections.get("orig", [])).strip()
    ai = "\n".join(sections.get("ai", [])).strip()
    if not 200 <= len(orig) <= 3000:
        err(rel, "original HTML length %d outside 200..3000" % len(orig))
    if "ai" in sections and not 80 <= len(ai) <= 400:
        err(rel, "AI summary length %d outside 80..400" % len(ai))

    meta = {}
    extra = {}
    for line in sections.get("meta", []):
        if not line.strip():
            continue
        m = re.match(r"^- \*\*(.+?)\*\*: (.*)$", line)
        if not m:
            err(rel, "bad metadata line %r" % line)
            continue
        k = KEYS.get(m.group(1).strip().lower())
        if k:
            meta[k] = m.group(2).strip()
        else:
            extra[m.group(1)] = m.group(2).strip()
    if extra:
        info["flags"].add("extra-key")
    info["extra"] = extra
    for k in ("source", "type", "dirdate"):
        if k not in meta:
            err(rel, "metadata %s missing" % k)
    info["source"] = meta.get("source")
    info["type"] = meta.get("type")
    folder = rel.split("/")[0]
    try:
        dd = date.fromisoformat(meta.get("dirdate", ""))
        info["dirdate"] = dd
        if dd.isoformat() != folder:
            err(rel, "directory date %s != folder %s" % (dd, folder))
    except ValueError:
        err(rel, "unparseable directory date %r" % meta.get("dirdate"))
        return None
    if "saved" not in meta:
        info["flags"].add("no-saved-time")
    else:
        try:
            dt = parse_time(meta["saved"])
        except ValueError as e:
            err(rel, "unparseable saved time %r (%s)" % (meta["saved"], e))
            return None
        if dt.utcoffset().total_seconds() != 0:
            info["flags"].add("offset-" + meta["saved"][-6:])
        if dt.astimezone(timezone.utc).date() != dd:
            info["flags"].add("saved-utc-date-differs")

    if info["type"] == "论文" and info["source"] != "ArXiv":
        pass
    if info["source"] == "ArXiv" and info["type"] != "论文":
        err(rel, "ArXiv article not typed 论文")

    body = html_text(orig) + "\n" + ai
    cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
    latin = len(re.findall(r"[A-Za-z]", body))
    info["lang"] = "zh" if cjk > latin / 4 else "en"
    if info["lang"] == "zh" and sum(ch in TRAD_CHARS for ch in html_text(orig)) >= 5:
        info["flags"].add("traditional")

    weibo, twitter = [], []
    for part in (title, html_text(orig), ai):
        w, t = hashtags(part)
        weibo += w
        twitter += t
    info["weibo"] = weibo
    info["twitter"] = twitter
    if any(any(0xFF01 <= ord(c) <= 0xFF5E for c in t) for t in weibo):
        info["flags"].add("full-width-tag")
    name = os.path.basename(rel)
    m = NAME_RE.match(name)
    info["named"] = m
    if not m or rel.count("/") != 1:
        info["flags"].add("nonstandard-name")
    if name.endswith(".md"):
        info["flags"].add("md")
    return info


def main():
    infos = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith(".") or not fn.endswith((".txt", ".md")):
                continue
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
            info = check_file(path, rel)
            if info:
                infos.append(info)

    # naming: unique ids, per-folder sequences 000.. without gaps
    ids = Counter(i["named"].group(2) for i in infos if i["named"])
    for k, n in ids.items():
        if n > 1:
            err(k, "id used %d times" % n)
    seqs = defaultdict(list)
    for i in infos:
        if i["named"] and i["rel"].count("/") == 1:
            seqs[i["rel"].split("/")[0]].append(int(i["named"].group(1)))
    for folder, nums in seqs.items():
        if sorted(nums) != list(range(len(nums))):
            err(folder, "sequence numbers %s are not 000..%03d" % (sorted(nums), len(nums) - 1))

    # hashtag statistics: fold full-width and Latin case, keep first-seen spelling
    display = {}
    tag_articles = Counter()
    spellings = defaultdict(set)
    for i in infos:
        seen = set()
        for t in i["weibo"]:
            key = fold(t)
            display.setdefault(key, t.strip())
            spellings[key].add(t.strip())
            seen.add(key)
        for key in seen:
            tag_articles[key] += 1
    twitter = Counter(t.lower() for i in infos for t in set(i["twitter"]))

    langs = Counter(i["lang"] for i in infos)
    months = sorted({i["dirdate"].strftime("%Y-%m") for i in infos})
    print("archive:", ROOT)
    print("files:", len(infos), " en:", langs["en"], " zh:", langs["zh"],
          " (traditional: %d)" % sum("traditional" in i["flags"] for i in infos))
    print("distinct weibo hashtags:", len(tag_articles))
    print("top hashtags (articles):", ", ".join("#%s# %d" % (display[k], n) for k, n in tag_articles.most_common(8)))
    print("hashtags with several spellings:",
          "; ".join("%s" % sorted(v) for v in spellings.values() if len(v) > 1) or "none")
    print("twitter-style tags:", dict(twitter))
    print("sources:", dict(Counter(i["source"] for i in infos)))
    print("types:", dict(Counter(i["type"] for i in infos)))
    print("months (%d):" % len(months), " ".join(months))
    print("per month:", dict(sorted(Counter(i["dirdate"].strftime("%Y-%m") for i in infos).items())))
    flags = defaultdict(list)
    for i in infos:
        for f in i["flags"]:
            flags[f].append(i["rel"])
        if any(t.strip() != t.strip().replace(" ", "") for t in i["weibo"]):
            flags["tag-with-space"].append(i["rel"])
    for f in sorted(flags):
        print("%-24s %s" % (f + ":", " ".join(sorted(flags[f]))))
    for i in infos:
        if i["extra"]:
            print("extra metadata in %s: %s" % (i["rel"], i["extra"]))
    if len(infos) < 64:
        err(ROOT, "only %d articles" % len(infos))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
