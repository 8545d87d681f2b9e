"""Text helpers shared by the development-set builders (build-devset.py, build-devset-packages.py): the same
cleaning, the same title cut and 'AI summary', and the same query files, so both sets are made alike."""
import re

MAX_TITLE_CHARS = 60
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def cjk_count(text):
    return len(CJK.findall(text))


def cut_title(sentence, language):
    """A title: the sentence, cut to MAX_TITLE_CHARS (at a word, for English) with an ellipsis."""
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    cut = sentence[: MAX_TITLE_CHARS - 3]
    if language == "en" and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "..."


def shorten(text, language):
    """The 'AI summary': the start of the text, whole sentences, about a third of it and at most 400 chars."""
    limit = min(400, max(120, len(text) // 3))
    if len(text) <= limit:
        return text
    cut = text[:limit]
    ends = [m.end() for m in re.finditer(r"[。！？]" if language == "zh" else r"[.!?](?=\s)", cut)]
    return (cut[: ends[-1]] if ends else cut).strip()


def write_tsv(path, rows, header):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {header}\n# query\texpected article id\n")
        for query, ident in rows:
            f.write(f"{query}\t{ident}\n")
