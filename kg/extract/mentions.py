"""Rule-based mentions of persons (with posts and affiliations), organisations and places.

Arabic news names people after their post: ``وزير الدفاع التركي خلوصي أكار``. The
recogniser reads a post (head word, its genitive complement, a nationality adjective,
an affiliation such as ``بحكومة الوفاق``), then the name words that follow it; name
words are told from common words by ANERcorp statistics (``kg.arabic.names``).
Places come from the gazetteer with clitics stripped (``بطرابلس``, ``لليبيا``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg import lexicon
from kg.arabic.names import (
    NAME_PARAMS,
    future_verb,
    is_known_first_name,
    is_name_word,
    looks_like_verb,
    name_key,
    name_likeness,
)
from kg.arabic.normalize import display_form, normalize
from kg.arabic.tokens import Token, bare_forms, strip_proclitics
from kg.lexicon import vocab
from kg.lexicon.gazetteer import Place, known_names, place_first_words, places, word_stats
from kg.lexicon.triggers import is_trigger_word
from kg.model import Kind


@dataclass(frozen=True)
class Found:
    """A mention before within-article chaining; ``first``/``last`` are token indexes."""

    first: int
    last: int  # inclusive
    start: int
    end: int
    kind: Kind
    name: str  # display form of the name (no title, no clitics)
    key: str
    title: str | None = None
    affiliation: str | None = None  # ISO code of a country, or key of an organisation
    country: str | None = None
    subtype: str | None = None
    title_only: bool = False  # a post with no name: ``وزير الدفاع الأمريكي``
    # For place mentions: the proclitic written before the name (``ب`` in ``بجدة``).
    prefix: str = ""


_QUOTES = set("\"'“”«»‘’")
# ``بن``/``بنت``: a father's name follows.
_LINEAGE = lexicon.words("LINEAGE_WORDS")
_NOT_FAMILY = lexicon.words("NOT_FAMILY_AFTER_FATHER")
_PRONOUN_ENDINGS = tuple(lexicon.raw("PRONOUN_ENDINGS"))
_CLAUSE_BREAKS = set(".,،;؛:!?؟()[]{}") | {"-", "–", "—"}


def find_mentions(tokens: list[Token]) -> list[Found]:
    """All mentions in one sentence's tokens, non-overlapping, in text order."""
    out: list[Found] = []
    i = 0
    n = len(tokens)
    while i < n:
        found = _person_at(tokens, i) or _org_at(tokens, i) or _place_at(tokens, i)
        if found:
            out.extend(found)
            i = found[-1].last + 1
            # ``نظيريه العراقي فؤاد حسين والمصري سامح شكري``: the next person of a list.
            while (
                out[-1].kind == "person" and not out[-1].title_only and (more := _conjunct_person(tokens, i))
            ):
                out.append(more)
                i = more.last + 1
        else:
            i += 1
    return _join_genitive_orgs(tokens, out)


def _conjunct_person(tokens: list[Token], i: int) -> Found | None:
    """A second name joined by ``و`` to a person just found, with or without a nisba:
    ``… وسامح شكري``, ``… والمصري سامح شكري``."""
    if i + 1 >= len(tokens) or not tokens[i].is_arabic:
        return None
    tok = tokens[i]
    if tok.norm.startswith("وال") and tok.norm.endswith("ي") and len(tok.norm) >= 6:
        end = _name_span(tokens, i + 1)
        if end is None or end == i + 1 or match_place(tokens, i + 1):
            return None
        name = display_form(" ".join(t.text for t in tokens[i + 1 : end + 1]))
        return Found(i + 1, end, tokens[i + 1].start, tokens[end].end, "person", name, name_key(name))
    if not _second_conjunct(tokens, i):
        return None
    end = _name_span(tokens, i + 1)
    if end is None:
        return None
    stem = tok.norm[1:]
    start = tok.start + len(_surface_prefix(tok.text, "و"))
    name = display_form(
        " ".join([strip_proclitics(tok.text, stem)] + [t.text for t in tokens[i + 1 : end + 1]])
    )
    return Found(i, end, start, tokens[end].end, "person", name, name_key(name))


def _join_genitive_orgs(tokens: list[Token], found: list[Found]) -> list[Found]:
    """``المجلس الرئاسي لحكومة الوفاق``: a body of another body is one organisation."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == f.kind == "organization"
            and f.first == prev.last + 1
            and tokens[f.first].norm.startswith("ل")
        ):
            name = display_form(
                " ".join(t.text for t in tokens[prev.first : f.last + 1] if t.norm not in _QUOTES)
            )
            out[-1] = Found(
                prev.first,
                f.last,
                prev.start,
                f.end,
                "organization",
                name,
                name_key(f"{prev.key} ل{f.key}"),
                affiliation=f.key,
                country=prev.country or f.country,
            )
            continue
        out.append(f)
    return out


# ---- places ------------------------------------------------------------------------


def _place_at(tokens: list[Token], i: int) -> list[Found] | None:
    match = match_place(tokens, i)
    if not match:
        return None
    place, last, prefix = match
    return [place_found(tokens, i, last, place, prefix)]


def match_place(tokens: list[Token], i: int) -> tuple[Place, int, str] | None:
    table = places()
    firsts = place_first_words()
    tok = tokens[i]
    if not tok.is_arabic:
        return None
    full = word_stats().get(tok.norm)
    for prefix, stem in tok.forms:
        width = firsts.get(stem)
        if not width or stem in vocab.FAITH_WORDS:
            continue  # ``حفظه الله``: a word of faith, whatever a gazetteer calls a hamlet
        # ``لجنة`` is a word, not ل + ``جنة``; but ``بالمدينة المنورة`` is ب + a name of two words.
        a_word = bool(prefix) and full is not None and full.common + full.definite >= 3 and full.place == 0
        # Longest multi-word name first: ``الولايات المتحدة الأمريكية`` before ``الولايات``.
        for w in range(min(width, len(tokens) - i), 0 if not a_word else 1, -1):
            words = [stem] + [t.norm for t in tokens[i + 1 : i + w]]
            place = table.get(" ".join(words))
            if (
                place
                and prefix
                and w == 1
                and len(stem) <= 4
                and place.subtype == "city"
                and place.population < 100_000
            ):
                continue  # ``وفدًا`` (a delegation) is not و + فدا, a village in Chad
            if place:
                return place, i + w - 1, prefix
    return None


def place_found(tokens: list[Token], i: int, last: int, place: Place, prefix: str) -> Found:
    # The mention covers the name, not the proclitics glued to it (``ب`` of ``بطرابلس``).
    start = tokens[i].start + len(_surface_prefix(tokens[i].text, prefix))
    end = tokens[last].end
    return Found(
        i,
        last,
        start,
        end,
        "place",
        place.label,
        place.key,
        country=place.country,
        subtype=place.subtype,
        prefix=prefix,
    )


# ---- organisations -----------------------------------------------------------------

# Heads that name an organisation only with a complement (``وزارة الدفاع``, not ``وزارة``).
_ORG_ALONE_OK = {"الجيش"}
# ``الوزارة``, ``للوزارة``: a head with the article opens no organisation name.
_ARTICLE_ENDS = lexicon.raw("ARTICLE_PROCLITIC_ENDS")


def _org_at(tokens: list[Token], i: int) -> list[Found] | None:
    known = _known_org(tokens, i)
    if known:
        return [known]
    tok = tokens[i]
    for prefix, stem in tok.forms:
        if stem in vocab.ORG_HEADS and not prefix.endswith(_ARTICLE_ENDS):
            return _org_from_head(tokens, i, prefix, stem)
    return None


def _known_org(tokens: list[Token], i: int) -> Found | None:
    best: Found | None = None
    for prefix, stem in tokens[i].forms:
        for org, words in _by_first_word("orgs").get(stem, ()):
            written = vocab.KNOWN_ORGS[org]
            if i + len(words) > len(tokens):
                continue
            if all(tokens[i + k].norm == words[k] for k in range(1, len(words))):
                last = i + len(words) - 1
                if best is None or last > best.last:
                    # The span leaves out the proclitics; the label is the usual spelling.
                    start = tokens[i].start + len(_surface_prefix(tokens[i].text, prefix.removesuffix("ال")))
                    best = Found(i, last, start, tokens[last].end, "organization", written, org)
    return best


def _org_from_head(tokens: list[Token], i: int, prefix: str, stem: str) -> list[Found] | None:
    j = i + 1
    n = len(tokens)
    parts = [stem]
    affiliation = None
    last = i
    while j < n and j - i <= 6:
        t = tokens[j]
        if t.norm in _QUOTES:
            j += 1
            continue
        if not t.is_word:
            break
        if t.norm in vocab.ORG_STOPS or t.norm in vocab.STOP_WORDS:
            break
        if t.norm in vocab.DEMONYMS:
            affiliation = vocab.DEMONYMS[t.norm]
            parts.append(t.norm)
            last = j
            break
        if not t.is_arabic:  # a Latin name: ``قناة TRT``
            parts.append(t.text)
            last = j
            j += 1
            continue
        # ``أليسا`` normalises to a word that starts like the article: a name ends the organisation.
        definite = (t.norm.startswith("ال") or t.norm.startswith("وال")) and name_likeness(
            t.norm
        ) < NAME_PARAMS.name_like
        nxt = tokens[j + 1] if j + 1 < n else None
        construct = nxt is not None and nxt.norm.startswith("ال") and nxt.norm not in vocab.ORG_STOPS
        if t.norm in vocab.TITLE_HEADS or t.norm in vocab.TITLE_WORDS:
            break
        if definite or (
            construct and not _has_proclitic(t.norm) and name_likeness(t.norm) < NAME_PARAMS.name_like
        ):
            parts.append(t.norm)
            last = j
            j += 1
            continue
        break
    if last == i and stem not in _ORG_ALONE_OK:
        return None
    start = tokens[i].start + len(_surface_prefix(tokens[i].text, prefix))
    end = tokens[last].end
    head = strip_proclitics(tokens[i].text, stem)
    if prefix == "ل" and stem.startswith("ال") and tokens[i].norm.startswith("لل"):
        # ``للمركز الإعلامي``: ``ل`` swallowed the article's alef; the name is ``المركز``.
        head = "ال" + strip_proclitics(tokens[i].text, stem[2:])
    surface = display_form(_strip_quotes(" ".join([head, *_texts(tokens, i + 1, last)])))
    key = name_key(" ".join(p for p in parts))
    return [
        Found(i, last, start, end, "organization", surface, key, affiliation=affiliation, country=affiliation)
    ]


def _has_proclitic(norm: str) -> bool:
    """``لتحقيق`` is ``ل`` + a known word; ``بركان`` is a word of its own."""
    if norm[:1] not in ("و", "ب", "ل", "ف"):
        return False
    rest = word_stats().get(norm[1:])
    return rest is not None and (rest.common + rest.definite) >= 3


def _texts(tokens: list[Token], a: int, b: int) -> list[str]:
    return [t.text for t in tokens[a : b + 1] if t.norm not in _QUOTES]


def _strip_quotes(s: str) -> str:
    return "".join(ch for ch in s if ch not in _QUOTES)


def _surface_prefix(text: str, prefix: str) -> str:
    """The characters of ``text`` that spell the (normalised) proclitic ``prefix``."""
    if not prefix:
        return ""
    # Proclitics are single letters each; diacritics may sit between them.
    count, k = 0, 0
    letters = prefix.replace("ال", "") if prefix.endswith("ال") and len(prefix) > 2 else prefix
    if prefix.endswith("ال"):
        letters = prefix[:-2]
    while k < len(text) and count < len(letters):
        if "\u0621" <= text[k] <= "\u064a":
            count += 1
        k += 1
    return text[:k]


# ---- persons -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Post:
    first: int
    last: int
    title: str  # normalised post text: ``وزير الدفاع``
    affiliation: str | None
    prefix: str  # proclitic on the first word (``و`` in ``ووزير``)


def _person_at(tokens: list[Token], i: int) -> list[Found] | None:
    if i > 0 and tokens[i].norm in vocab.TITLE_WORDS and _names_a_place(tokens[i - 1].norm):
        return None  # ``مطار الملك عبدالعزيز``, ``جامعة الملك سعود``: named after him, not him
    j = _skip_honorifics(tokens, i)
    post = _post_at(tokens, j)
    if post is None:
        bare = _bare_name_at(tokens, i)
        # ``عادل بن أحمد الجبير وزير الخارجية``: the post after a name read without one.
        return [*bare[:-1], _with_post_after(tokens, bare[-1])] if bare else None
    k = post.last + 1
    if (named := _named_after_end(tokens, k)) is not None:
        # ``مدير جامعة الملك عبدالعزيز المكلف الدكتور …``: the king names the university; the
        # post runs on, and its holder comes after.
        words = " ".join(normalize(t.text) for t in tokens[k : named + 1])
        post = _Post(post.first, named, f"{post.title} {words}", post.affiliation, post.prefix)
        k = named + 1
        while k < len(tokens) and tokens[k].norm in _ACTING:
            k += 1
    # A rank or courtesy title between post and name: ``رئيس الأركان الفريق أول يشار``.
    k, rank = _skip_ranks(tokens, k)
    name_end = _name_span(tokens, k)
    if name_end is not None and tokens[k].norm in _LINEAGE and k - 1 >= post.first:
        # ``مساعد بن محمد``: the word read as a post word was the given name.
        k -= 1
        if k == post.first:
            return None  # no post at all: the bare name is read from the next position
        post = _Post(post.first, k - 1, post.title.rsplit(" ", 1)[0], post.affiliation, post.prefix)
    if (
        name_end == k
        and k - 1 == post.first
        and post.prefix == ""
        and tokens[post.first].norm in vocab.POST_HEADS_GIVEN_NAMES
        and tokens[k].norm.startswith("ال")
    ):
        # ``مساعد العيبان``: a given name and a family name, no post.
        k = post.first
        post = _Post(post.first, post.first - 1, "", None, post.prefix)
    first_tok = tokens[i]
    start = first_tok.start + len(_surface_prefix(first_tok.text, post.prefix)) if i == j else tokens[i].start
    title = post.title
    if title.startswith("نظير"):
        title = ""  # ``نظيرها التركي``: a counterpart, the post is the other's
    if rank and not title:
        title = rank
    if name_end is None:
        if post.title and _is_office_title(post):
            return [
                Found(
                    i,
                    post.last,
                    start,
                    tokens[post.last].end,
                    "person",
                    display_form(" ".join(t.text for t in tokens[j : post.last + 1])),
                    name_key(post.title),
                    title=post.title,
                    affiliation=post.affiliation,
                    title_only=True,
                )
            ]
        return None
    name_tokens = tokens[k : name_end + 1]
    name = display_form(" ".join(t.text for t in name_tokens))
    found = Found(
        i,
        name_end,
        start,
        tokens[name_end].end,
        "person",
        name,
        name_key(name),
        title=title,
        affiliation=post.affiliation,
    )
    return [_with_post_after(tokens, found)]


def _with_post_after(tokens: list[Token], found: Found) -> Found:
    """A post written after the name: ``آشتون كارتر وزير الدفاع الأميركي``."""
    after = _post_at(tokens, found.last + 1)
    if (
        after
        and after.prefix == ""
        and after.title
        and _name_span(tokens, _skip_ranks(tokens, after.last + 1)[0]) is None
    ):
        return Found(
            found.first,
            after.last,
            found.start,
            tokens[after.last].end,
            "person",
            found.name,
            found.key,
            title=found.title or after.title,
            affiliation=found.affiliation or after.affiliation,
        )
    return found


_NAMED_AFTER = lexicon.words("NAMED_AFTER")
_ACTING = lexicon.words("ACTING")


def _named_after_end(tokens: list[Token], k: int) -> int | None:
    """Where the name a post's place is named after ends (``جامعة`` + ``الملك سعود``, ``مدينة``
    + ``الملك عبدالعزيز للعلوم والتقنية``, ``مركز`` + ``الأمير سلطان بن عبدالعزيز``), or None
    when no ruler's title stands at ``k`` after such a place word."""
    if not (0 < k < len(tokens) - 1) or tokens[k].norm not in vocab.TITLE_WORDS:
        return None
    if not _names_a_place(tokens[k - 1].norm):
        return None
    end = k + 1
    while end + 2 < len(tokens) and tokens[end + 1].norm in _LINEAGE:
        end += 2  # ``الأمير سلطان بن عبدالعزيز``
    if end + 2 < len(tokens) and tokens[end + 1].norm == "ال":
        end += 2
    # What the place is for, after its name: ``للعلوم والتقنية``, ``للإغاثة والأعمال الإنسانية``.
    purpose = False
    while end + 1 < len(tokens):
        nxt = tokens[end + 1].norm
        if nxt.startswith(_FOR_THE):
            purpose = True
        elif not (purpose and nxt.startswith(_AND_THE)):
            break
        end += 1
    return end


_FOR_THE = "لل"  # ``للعلوم``
_AND_THE = "وال"  # ``والتقنية``, after the purpose


def _names_a_place(norm: str) -> bool:
    return any(stem in _NAMED_AFTER for prefix, stem in bare_forms(norm) if not prefix.endswith("ال"))


def _is_office_title(post: _Post) -> bool:
    # A post that names one office holder on its own: it needs a complement (وزير الدفاع),
    # not just a bare head (وزير) or a courtesy word (الشيخ).
    # ``الرئيس الأمريكي``: a head with its country names one holder too.
    return (
        len(post.title.split()) >= 2
        or normalize(post.title) in vocab.TITLES_ALONE
        or (post.affiliation is not None and normalize(post.title) in _COUNTRY_HEADS)
    )


_COUNTRY_HEADS = lexicon.words("COUNTRY_HEADS")


def _skip_honorifics(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and (tokens[i].norm in vocab.HONORIFICS):
        i += 1
    return i


def _skip_ranks(tokens: list[Token], k: int) -> tuple[int, str]:
    ranks = []
    while k < len(tokens) and (tokens[k].norm in vocab.TITLE_WORDS or tokens[k].norm in vocab.HONORIFICS):
        if tokens[k].norm in vocab.TITLE_WORDS:
            ranks.append(tokens[k].text)
        k += 1
        while k < len(tokens) and tokens[k].norm in vocab.RANK_TAILS:
            ranks.append(tokens[k].text)
            k += 1
    return k, display_form(" ".join(ranks))


def _fixed_title_at(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    for prefix, stem in tokens[i].forms:
        if prefix.endswith("ال"):
            continue
        for fixed, words in _by_first_word("titles").get(stem, ()):
            if i + len(words) > len(tokens):
                continue
            if all(tokens[i + k].norm == words[k] for k in range(1, len(words))):
                return i + len(words) - 1, fixed, prefix
    return None


@lru_cache(maxsize=2)
def _by_first_word(table: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Fixed titles or known organisations by their first word, in table order: a lookup
    per token instead of a scan of every name (both are tried at every token)."""
    names = vocab.FIXED_TITLES if table == "titles" else tuple(vocab.KNOWN_ORGS)
    index: dict[str, list[tuple[str, list[str]]]] = {}
    for name in names:
        words = name.split()
        index.setdefault(words[0], []).append((name, words))
    return index


def _post_at(tokens: list[Token], i: int) -> _Post | None:
    if i >= len(tokens) or not tokens[i].is_arabic:
        return None
    fixed = _fixed_title_at(tokens, i)
    if fixed:
        last, _title, prefix = fixed
        words = list(range(i, last + 1))
        j = last + 1
    else:
        prefix, stem = _title_head(tokens[i].norm)
        if stem is None:
            return None
        if stem == "امر" and "آ" not in tokens[i].text:
            return None  # ``وأمر ولي العهد``: he ordered; ``آمر`` (commander) keeps its madda
        if stem == "امام" and "أ" in tokens[i].text:
            return None  # ``أمام الملك سلمان``: before him; ``إمام``, ``الإمام`` is the title
        if stem in vocab.TITLE_WORDS and stem not in vocab.TITLE_HEADS:
            # ``الملك``/``الأمير`` alone: a courtesy title, read as a rank by the caller.
            last, k = i, i + 1
            while k < len(tokens) and tokens[k].norm in vocab.RANK_TAILS:
                last, k = k, k + 1
            text = " ".join(
                [strip_proclitics(tokens[i].text, stem)] + [t.text for t in tokens[i + 1 : last + 1]]
            )
            return _Post(i, last, display_form(text), None, prefix)
        words = [i]
        last = i
        j = i + 1
    affiliation = None
    n = len(tokens)
    while j < n and j - i <= 8:
        t = tokens[j]
        if t.norm == "غير" and j + 1 < n and tokens[j + 1].norm.startswith("ال"):
            # ``بحكومة الوفاق غير الشرعية``: the writer's judgement, not part of the post.
            last = j + 1
            j += 2
            continue
        if not t.is_word or t.norm in vocab.STOP_WORDS:
            break
        if t.norm in vocab.DEMONYMS:
            affiliation = vocab.DEMONYMS[t.norm]
            last = j
            j += 1
            continue
        fixed_inner = _fixed_title_at(tokens, j)
        if fixed_inner and fixed_inner[2] in ("ل", ""):
            # ``النائب الثاني لرئيس مجلس الوزراء``: a post inside a post.
            words.extend(range(j, fixed_inner[0] + 1))
            last = j = fixed_inner[0]
            j += 1
            continue
        place = match_place(tokens, j)
        if place and not _name_like_place(tokens, place):
            # ``وزير خارجية ليبيا``, ``أمين الأحساء``, ``أمير منطقة عسير``: the post's place.
            p, plast, _pprefix = place
            if p.subtype in ("country", "region"):
                affiliation = p.country
            words.extend(range(j, plast + 1))
            last = j = plast
            j += 1
            continue
        org = _org_at(tokens, j)
        if org and tokens[j].norm[:1] in ("ب", "ل", "ف") and org[0].kind == "organization":
            # ``بحكومة الوفاق``: the body the post belongs to.
            affiliation = affiliation or org[0].key
            last = j = org[0].last
            j += 1
            continue
        if t.norm == "والي" and j + 1 < n and tokens[j + 1].norm in vocab.TITLE_WORDS | vocab.TITLE_HEADS:
            break  # ``خادم الحرمين الشريفين وإلى ولي العهد``: "and to", a second person
        if t.norm in _THEN:
            # ``الرئيس الأميركي آنذاك جورج بوش``: the post as it was then, not a name word.
            words.append(j)
            last = j
            j += 1
            continue
        if t.norm in vocab.TITLE_WORDS or t.norm in vocab.HONORIFICS:
            break
        if j > i + 1 and _is_trigger(t.norm):
            break  # ``وزير الخارجية الأمريكي التقى …``: a verb, not the post going on
        if t.norm.startswith("بال") and len(t.norm) > 5 and name_likeness(t.norm[1:]) < NAME_PARAMS.name_like:
            # ``وزير الداخلية بالوفاق``: the government named by its short name.
            affiliation = affiliation or t.norm[1:]
            last = j
            j += 1
            continue
        if _is_post_word(t.norm, tokens[j + 1].norm if j + 1 < n else ""):
            words.append(j)
            last = j
            j += 1
            continue
        break
    surface = [
        strip_proclitics(t.text, t.norm[len(prefix) :]) if x == i else t.text for x, t in _at(tokens, words)
    ]
    return _Post(i, last, display_form(" ".join(surface)), affiliation, prefix)


_THEN = lexicon.words("THEN_WORDS")


def _name_like_place(tokens: list[Token], place: tuple[Place, int, str]) -> bool:
    """``صلاح الدين`` (an Iraqi province) is first a given name: ``… صلاح الدين النمروش``."""
    return tokens[place[1]].norm in vocab.NAME_SECOND_PARTS


def _is_trigger(norm: str) -> bool:
    return is_trigger_word(norm)


def _title_head(norm: str) -> tuple[str, str | None]:
    for prefix, stem in bare_forms(norm):
        if prefix.endswith("ال"):
            continue
        if stem in vocab.TITLE_HEADS or stem in vocab.TITLE_WORDS:
            return prefix, stem
    return "", None


def _is_post_word(norm: str, next_norm: str) -> bool:
    """A word that continues a post's complement (``الدفاع``, ``الأركان العامة``, ``هيئة``)."""
    if norm in vocab.STOP_WORDS:
        return False
    likeness = name_likeness(norm)
    definite = norm.startswith("ال") or norm.startswith("وال") or norm.startswith("لل")
    if definite and likeness < NAME_PARAMS.name_like:
        return True
    # An indefinite noun in construct: ``هيئة الأركان``, ``غرفة العمليات``.
    return norm in _POST_NOUNS and next_norm.startswith("ال")


_POST_NOUNS = lexicon.words("POST_NOUNS")


def _name_span(tokens: list[Token], k: int) -> int | None:
    """Last token index of a person name starting at ``k``, or None."""
    known = _known_name_end(tokens, k, tokens[k].norm if k < len(tokens) else "")
    n = len(tokens)
    if known is not None and not (known + 2 < n and tokens[known + 1].norm in _LINEAGE):
        return known
    # A known name that a lineage continues (``عبد العزيز بن سلمان``) is read on below.
    j = k
    last = None
    prev_name = False
    father = -1
    while j < n and j - k < 9:  # ``عبد العزيز بن سلمان بن عبد العزيز`` has seven
        t = tokens[j]
        if not t.is_arabic:
            break
        norm = t.norm
        if norm in vocab.ALLAH_NAME_HEADS and j + 1 < n and tokens[j + 1].norm == vocab.ALLAH:
            last = j + 1  # ``باسم عوض الله``, ``حسن نصر الله``: one given name in two words
            prev_name = True
            j += 2
            continue
        if norm in vocab.NAME_LINKS:
            # ``بن``/``آل``/``عبد`` belong to the name only when a name word follows; after
            # ``بن`` any word but a particle, post or verb is a father's name (``بن مساعد``).
            nxt = tokens[j + 1] if j + 1 < n else None
            if (
                nxt is not None
                and nxt.is_arabic
                and (
                    is_name_word(nxt.norm, True)
                    or (norm in _LINEAGE and last is not None and _written_as_name(nxt))
                    or (
                        norm in _LINEAGE
                        and last is not None
                        and nxt.norm not in vocab.STOP_WORDS
                        and nxt.norm not in vocab.TITLE_WORDS
                        and not nxt.norm.startswith("ال")
                        and not looks_like_verb(nxt.norm)
                    )
                )
            ):
                if norm in _LINEAGE and last is not None:
                    father = j + 1
                j += 1
                continue
            break
        if last is not None and last == j - 1 and norm in _GENERATION_WORDS:
            last = j  # ``جورج بوش الأب``: which of two men of one name
            break
        if norm == "ولد" and last is not None and j + 1 < n and tokens[j + 1].is_arabic:
            # ``إسماعيل ولد الشيخ أحمد``, ``محمد ولد عبد العزيز``: ``ولد`` is ``بن`` in
            # Mauritanian names, and the word after it a forebear's name, ``الشيخ`` too.
            father = j + 1
            j += 1
            continue
        if j == father:
            last = j  # the father's name after ``بن``, whatever else the word means
            prev_name = True
            j += 1
            continue
        if norm.startswith("وال") or (norm.startswith("و") and norm[1:] in vocab.TITLE_HEADS):
            break  # ``والمعترف``, ``ووزير``: a new phrase, not the name going on
        place = match_place(tokens, j)
        if (
            place
            and (place[0].subtype != "city" or place[0].population >= 200_000 or place[2])
            and not _name_like_place(tokens, place)
        ):
            # ``خلوصي أكار طرابلس``: a place after the name (not a small town: ``أكسوم``);
            # ``أمين الأحساء``: a post's place, no name at all.
            break
        if looks_like_verb(norm) or (len(norm) <= 2 and norm not in vocab.NAME_LINKS):
            break  # ``سلمان سيزور``, ``ود.`` (and Dr.): the name has ended
        if last is not None and (future_verb(norm) or _is_trigger(norm)):
            break  # ``محمد بن سلمان سيترأس``, ``سيقوم``: a verb after the name
        if last is not None and _glued_word(norm) and not _middle_name(tokens, j):
            break  # ``آل سعود للوقوف``, ``عبدالعزيز وولي``: a new phrase starts
        if last is None and _not_a_first_word(norm):
            break  # right after a post: ``خادم الحرمين الشريفين وولي العهد``, ``المتضمنة``
        if last is not None and _second_conjunct(tokens, j):
            break  # ``نظيريه فؤاد حسين وسامح شكري``: two people, not one name
        if (
            last is not None
            and last == j - 1
            and norm.startswith("ال")
            and norm not in vocab.NAME_SECOND_PARTS
            and is_known_first_name(tokens[last].norm)
            and name_likeness(norm) > 0.1  # ``عبدالعزيز الدولي`` (an airport): a common word
            and not match_place(tokens, j)
        ):
            # ``محمد المنفي``: a family name that is also a common word ends the name.
            last = j
            break
        if is_name_word(norm, prev_name):
            last = j
            prev_name = True
            j += 1
            continue
        if (
            last == father == j - 1
            and _family_after_father(t)
            and _post_at(tokens, j) is None
            and not _governs_next(tokens, j)
        ):
            last = j  # ``نزار بن عبيد مدني``, ``محمد بن أحمد طيب``: a family name, also a word
            break
        if last is None and j + 1 < n and tokens[j + 1].norm in _LINEAGE and norm not in vocab.STOP_WORDS:
            # ``مساعد بن محمد``: a given name that is also a post word, known by ``بن`` after it.
            last = j
            prev_name = True
            j += 1
            continue
        # A first name that is also a common word (``يشار``): accept when a name word follows.
        if (
            last is None
            and name_likeness(norm) > 0.05
            and not norm.startswith("ال")
            and j + 1 < n
            and tokens[j + 1].is_arabic
            and name_likeness(tokens[j + 1].norm) >= NAME_PARAMS.name_like
        ):
            last = j
            prev_name = True
            j += 1
            continue
        break
    return last


# ``علي`` the name and ``على`` (on) share a normalised form; the news writes the name with
# ``ي`` and the preposition with ``ى``, so after ``بن`` the letter as written tells them apart
# (elsewhere a name's ``علي`` is read by its neighbours, as before).
_ALI_WRITTEN = "علي"


def _written_as_name(tok: Token) -> bool:
    return tok.norm == _ALI_WRITTEN and tok.text.endswith("ي")


def _middle_name(tokens: list[Token], j: int) -> bool:
    """``أحمد فراس الخالدي``: a word that looks like a proclitic on a common word (``ف`` +
    ``راس``) but that prose never uses, between a name and a family name, is a name."""
    if word_stats().get(tokens[j].norm) is not None or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return (
        nxt.is_arabic
        and nxt.norm.startswith("ال")
        and is_name_word(nxt.norm)
        and not match_place(tokens, j + 1)
    )


def _not_a_first_word(norm: str) -> bool:
    """A word that cannot open a name: ``و``/``ل`` glued to a common word (``ومنسوبي``,
    ``لمرفق``), or a common noun or adjective with the article that was never a name
    (``المتضمنة``, ``الأخوية``). ``ب``/``ف`` are left alone: ``باراك``, ``فلاديمير``."""
    if norm in vocab.GIVEN_NAMES:
        return False
    stats = word_stats()
    s = stats.get(norm)
    if s is not None and s.person >= 1:
        return False
    if s is not None and s.common >= 3 and s.definite >= 3:
        return True  # ``بلدة``: a noun of news prose (``يشار``, a verb too, opens a name)
    if norm.endswith("ته") and (base := stats.get(norm[:-2] + "ه")) is not None and base.person == 0:
        return base.common + base.definite >= 3  # ``خارجيته``: a noun with a pronoun
    if (
        norm[:1] == "ب"
        and (stem := stats.get(norm[1:])) is not None
        and stem.person == 0
        and stem.common >= 3
    ):
        return True  # ``بنقله``
    if norm[:1] == "و" and len(norm) >= 4:
        return True  # names that begin with و (وليد، وائل) are known as names above
    if norm[:1] == "ل" and len(norm) >= 4 and _glued_word(norm):
        return True
    if norm.startswith("ال") and len(norm) >= 5 and norm.endswith("ه"):
        # ``الأخوية``, ``المتضمنة``: a feminine noun or adjective the news uses with the article,
        # never seen in a name.
        stem = word_stats().get(norm[2:])
        return (s is None or s.person == 0) and stem is not None and stem.person == 0 and stem.definite >= 3
    return False


_GENERATION_WORDS = lexicon.words("GENERATION_AFTER_NAME")


def _second_conjunct(tokens: list[Token], j: int) -> bool:
    """``وسامح شكري`` after a name: ``و`` + a name word, and a name word after it.

    Names that begin with و (وليد، وائل) are known as names and are not split.
    """
    norm = tokens[j].norm
    if not norm.startswith("و") or len(norm) < 4 or norm.startswith("وال"):
        return False
    if norm not in vocab.GIVEN_NAMES and _and_given_name(norm):
        return True  # ``… بن عبدالعزيز ومحمد بن نايف``: ``و`` + a given name opens a second person
    s = word_stats().get(norm)
    if s is not None and s.person >= 2:
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return (
        name_likeness(norm[1:]) >= NAME_PARAMS.name_like
        and nxt is not None
        and nxt.is_arabic
        and name_likeness(nxt.norm) >= NAME_PARAMS.name_like
        and not looks_like_verb(nxt.norm)
    )


def _and_given_name(norm: str) -> bool:
    """``ومحمد``: ``و`` + a given name far more often seen alone than the whole word is
    (``وسام``, ``وليد`` are names of their own)."""
    stem = norm[1:]
    if stem in vocab.GIVEN_NAMES:
        return True
    stats = word_stats()
    whole, alone = stats.get(norm), stats.get(stem)
    return (
        alone is not None
        and is_known_first_name(stem)
        and alone.person >= 5
        and (whole is None or whole.person * 4 <= alone.person)
    )


def _governs_next(tokens: list[Token], j: int) -> bool:
    """A noun before a definite word that no post or title starts: its construct state
    (``تكفل بن عبدالله علاج المرضى``: the treatment of), prose, not a family name."""
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1].norm
    return nxt.startswith("ال") and nxt not in vocab.TITLE_WORDS and _post_at(tokens, j + 1) is None


def _family_after_father(tok: Token) -> bool:
    """Whether the word after a father's name (``بن عبيد``) goes on as the family name though
    it is a common word (``مدني``, ``طيب``, ``عرفة``): a bare word that prose seldom uses
    (ANERcorp: ``مقابل``, ``شرق``, ``بناء`` are frequent), written without the tanwin of an
    adverb (``أخيراً``, ``ولياً للعهد``, ``مستشارا``) or a pronoun (``شكره``), and no
    particle, title, time word, blessing or verb (``بن نايف أمس``, ``بن عبدالعزيز يرعى``,
    ``بن عبدالعزيز رحمه الله``; nor a post: the caller asks)."""
    norm = tok.norm
    seen = word_stats().get(norm)
    return (
        len(norm) >= 3
        and "\u064b" not in tok.text
        and not norm.endswith("ا")
        and not tok.text.endswith(_PRONOUN_ENDINGS)  # as written: ة is not the pronoun ه
        and not (len(norm) == 4 and norm[0] == "ا")  # ``أجمل``, ``أكبر``: an elative
        and not norm.startswith("ال")
        and (seen is None or seen.common <= NAME_PARAMS.family_word_common)
        and norm not in vocab.STOP_WORDS
        and norm not in vocab.TITLE_WORDS
        and norm not in vocab.TITLE_HEADS
        and norm not in vocab.HONORIFICS
        and norm not in _NOT_FAMILY
        and not looks_like_verb(norm)
        and not future_verb(norm)
        and not _is_trigger(norm)
        and not _glued_word(norm)
    )


def _glued_word(norm: str) -> bool:
    """A word carrying a proclitic (و، ف، ب، ل), which names inside do not: ``للوقوف``."""
    if norm[:1] not in ("و", "ف", "ب", "ل") or len(norm) < 4:
        return False
    stats = word_stats()
    s = stats.get(norm)
    if s is not None and s.person >= 2 and s.person >= s.common:
        return False  # وليد، فيصل، بدر، لطفي: names that begin with those letters
    # Glued only when what follows the proclitic is a word of its own (``بولات`` is not ب + ولات).
    for prefix, stem in bare_forms(norm)[1:]:
        rest = stats.get(stem)
        if prefix in ("ب", "ف") and rest is not None and rest.common < 3:
            continue  # ``بحاح`` is not ب + حاح (a word seen only as ``الحاح``)
        if prefix and rest is not None and rest.common + rest.definite >= 3:
            return True
    return False


def _known_name_end(tokens: list[Token], k: int, first: str) -> int | None:
    """End of a full name known from the actor dictionary starting at ``k`` (first word given)."""
    if k >= len(tokens):
        return None
    for words in known_names().get(first, ()):
        if k + len(words) <= len(tokens) and all(
            name_key(tokens[k + x].norm) == words[x] or tokens[k + x].norm == words[x]
            for x in range(1, len(words))
        ):
            end = k + len(words) - 1
            # ``جورج بوش الأب``: the generation word tells which of two men of one name.
            return end + 1 if end + 1 < len(tokens) and tokens[end + 1].norm in _GENERATION_WORDS else end
    return None


def _bare_name_at(tokens: list[Token], i: int) -> list[Found] | None:
    """A name with no post: a known full name, or name words after a known given name."""
    tok = tokens[i]
    if not tok.is_arabic or match_place(tokens, i):
        return None  # ``أبو ظبي``, ``إسلام آباد``: a place, whatever its first word
    if tok.norm in _LINEAGE:
        return None  # a lineage never opens a name: the given name before it was missed
    compound = _allah_name_at(tokens, i)
    if compound is not None:
        return [compound]
    if tok.norm == "عبد" and i + 2 < len(tokens) and is_known_first_name("عبد" + tokens[i + 1].norm):
        # ``عبد الله بن مساعد``: a compound given name written in two words.
        end = _name_span(tokens, i)
        if end is not None and end >= i + 1:
            name = display_form(" ".join(t.text for t in tokens[i : end + 1]))
            return [Found(i, end, tok.start, tokens[end].end, "person", name, name_key(name))]
    if (
        i + 2 < len(tokens)
        and tokens[i + 1].norm in _LINEAGE
        and (i == 0 or tokens[i - 1].norm not in vocab.NAME_LINKS)  # not the half of ``عبد الله``
        and tok.norm not in vocab.NAME_SECOND_PARTS
        and tok.norm not in vocab.STOP_WORDS
        and tok.norm not in vocab.TITLE_WORDS
        and not _has_proclitic(tok.norm)
        and is_name_word(tokens[i + 2].norm, True)
    ):
        # ``نحن سلمان بن عبدالعزيز آل سعود``: ``بن`` tells that the word before is a given name.
        end = _name_span(tokens, i)
        if end is not None and end > i + 1:
            name = display_form(" ".join(t.text for t in tokens[i : end + 1]))
            return [Found(i, end, tok.start, tokens[end].end, "person", name, name_key(name))]
    for prefix, stem in tok.forms:
        if prefix.endswith("ال"):
            continue
        end = _known_name_end(tokens, i, stem)
        if end is None:
            if not is_known_first_name(stem) or i + 1 >= len(tokens):
                continue
            end = _name_span_after_first(tokens, i)
        if end is None:
            return None
        start = tok.start + len(_surface_prefix(tok.text, prefix))
        name = display_form(
            " ".join([strip_proclitics(tok.text, stem)] + [t.text for t in tokens[i + 1 : end + 1]])
        )
        return [Found(i, end, start, tokens[end].end, "person", name, name_key(name))]
    return None


def _allah_name_at(tokens: list[Token], i: int) -> Found | None:
    """A name around a ``… الله`` given name (``عوض الله``): ``باسم عوض الله`` (a given name
    that is also a word before it), or ``فضل الله الحسيني`` (name words after it; ``من فضل
    الله`` alone is prose)."""
    n = len(tokens)

    def compound(k: int) -> bool:
        return k + 1 < n and tokens[k].norm in vocab.ALLAH_NAME_HEADS and tokens[k + 1].norm == vocab.ALLAH

    tok = tokens[i]
    if compound(i):
        if i > 0 and tokens[i - 1].norm == "من":
            return None  # ``من فضل الله``: of God's grace
        if not (i + 2 < n and tokens[i + 2].is_arabic and is_name_word(tokens[i + 2].norm, True)):
            return None
        first = i
    elif compound(i + 1) and _given_before_allah_name(tok):
        first = i
    else:
        return None
    end = _name_span(tokens, i if first == i and compound(i) else i + 1)
    if end is None:
        return None
    name = display_form(" ".join(t.text for t in tokens[first : end + 1]))
    return Found(first, end, tok.start, tokens[end].end, "person", name, name_key(name))


def _given_before_allah_name(tok: Token) -> bool:
    """``باسم`` in ``باسم عوض الله``: a word seen in names, not a particle, post or verb."""
    norm = tok.norm
    if not tok.is_arabic or len(norm) < 3 or norm.startswith("ال") or norm.startswith("وال"):
        return False
    if norm in vocab.STOP_WORDS or norm in vocab.TITLE_HEADS or norm in vocab.TITLE_WORDS:
        return False
    if norm in vocab.HONORIFICS or norm in vocab.ORG_HEADS or looks_like_verb(norm):
        return False
    s = word_stats().get(norm)
    return name_likeness(norm) >= NAME_PARAMS.name_like or (s is not None and s.person >= 1)


def _name_span_after_first(tokens: list[Token], i: int) -> int | None:
    end = _name_span(tokens, i + 1)
    if end is None:
        return None
    # Two words of which the second is a place or a title word are not a name.
    if match_place(tokens, i + 1):
        return None
    return end


def _at(tokens: list[Token], indexes: list[int]) -> list[tuple[int, Token]]:
    return [(x, tokens[x]) for x in indexes]
