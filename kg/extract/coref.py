"""Within one article: posts that name a person the article names (issue #15, class 4).

``kg.extract.entities.chain`` calls these once the named persons are clustered:

- a post written next to a name is that person's (``الأمير محمد بن سلمان ولي ولي العهد
  النائب الثاني لرئيس مجلس الوزراء وزير الدفاع``; ``وزير الدولة عضو مجلس الوزراء الدكتور
  مساعد العيبان``), so a later ``ولي ولي العهد`` alone finds him;
- a head with a demonym (``الوزير الأمريكي``, ``السفير الياباني``) is the one named person of
  that country holding such a post;
- ``نظيره الروسي`` is the person of that country holding the subject's post; a counterpart
  named there (``نظيره الكيني أوهورو كينياتا``) holds the subject's post.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Literal, NamedTuple

from kg import lexicon
from kg.arabic.names import name_key
from kg.arabic.normalize import normalize
from kg.arabic.tokens import Token, bare_forms
from kg.extract.mentions import Found, _post_at
from kg.lexicon import vocab

# Single-word titles that are courtesy or rank, not an office (``الأمير``, ``الدكتور``).
_OFFICE_WORDS = lexicon.words("OFFICE_TITLE_WORDS")
COURTESY = frozenset(w for w in vocab.TITLE_WORDS if w not in _OFFICE_WORDS)

# Heads that, with a demonym and no name (``الوزير الأمريكي``), name a post holder of that
# country: the head and the first word of the posts it stands for (``وزير`` → ``وزير الدفاع``).
_HEAD_ALONE = {normalize(head): firsts for head, firsts in lexicon.raw_groups("HEAD_ALONE").items()}
# ``الرئيس العراقي`` is not ``رئيس الوزراء العراقي``: the head ``الرئيس`` answers only these.
_PRESIDENT = lexicon.words("PRESIDENT_POSTS")

_COUNTERPART = lexicon.words("COUNTERPART_FORMS")
_SENTENCE_ENDS = frozenset(".!?؟")


def is_office(title: str) -> bool:
    """A post, not a courtesy title (``الأمير``) or rank (``الفريق أول``)."""
    words = normalize(title).split()
    return bool(words) and not all(w in COURTESY or w in vocab.RANK_TAILS for w in words)


def is_counterpart(norm: str) -> bool:
    return any(stem in _COUNTERPART for prefix, stem in bare_forms(norm) if not prefix.endswith("ال"))


class PostAfter(NamedTuple):
    """A post written after a name inside the name's mention."""

    first: int  # index of its first token
    title: str
    affiliation: str | None


def post_after_name(f: Found, tokens: list[Token], starts: list[int]) -> PostAfter | None:
    """A post written after the name inside ``f``'s span (``… محمد بن سلمان ولي ولي العهد``,
    which the mention's ``title`` does not keep)."""
    i0 = bisect_right(starts, f.start) - 1
    j = bisect_right(starts, f.end - 1) - 1
    if i0 < 0 or j <= i0:
        return None
    n_name = len(f.name.split())
    for p in range(i0 + 1 + n_name - 1, j + 1):
        post = _post_at(tokens, p)
        if post is not None and post.last == j and post.title and post.prefix == "":
            return PostAfter(p, post.title, post.affiliation)
    return None


def adjacent(a_end: int, b_start: int, tokens: list[Token], starts: list[int], comma: bool = False) -> bool:
    """Nothing is written between but courtesy words (``الدكتور``, ``معالي``; a proclitic ``و``
    on the second is a conjunction); with ``comma``, a comma alone may be."""
    k = bisect_left(starts, a_end)
    while (
        k < len(tokens)
        and starts[k] < b_start
        and (tokens[k].norm in COURTESY or tokens[k].norm in vocab.HONORIFICS)
    ):
        k += 1
    if k >= len(tokens):
        return False
    if starts[k] == b_start:
        return True
    return comma and tokens[k].text in ("،", ",") and k + 1 < len(tokens) and starts[k + 1] == b_start


def sentence_start(tokens: list[Token], starts: list[int], pos: int) -> int:
    """Offset where the sentence holding ``pos`` begins (after the last full stop)."""
    k = bisect_left(starts, pos) - 1
    while k >= 0 and tokens[k].text not in _SENTENCE_ENDS:
        k -= 1
    return tokens[k].end if k >= 0 else 0


def head_alone_answers(head: str, title_key: str) -> bool:
    """``الوزير`` answers ``وزير الدفاع``; ``الرئيس`` answers ``الرئيس``, not ``رئيس الوزراء``."""
    if head == normalize("الرئيس"):
        return title_key in _PRESIDENT
    words = title_key.split()
    return bool(words) and words[0] in _HEAD_ALONE[head]


class HeadAlone(NamedTuple):
    """A ``HEAD DEMONYM`` (``الوزير الأمريكي``) or a ``نظيره [DEMONYM]`` no mention covers."""

    start: int
    end: int
    kind: Literal["head", "counterpart"]
    head: str  # the head's normalised stem
    country: str  # the demonym's ISO code; "" for a counterpart without one


def heads_alone(tokens: list[Token], inside: Callable[[int], bool]) -> Iterator[HeadAlone]:
    """Uncovered ``HEAD DEMONYM`` and ``نظيره [DEMONYM]``, in text order."""
    for k, t in enumerate(tokens):
        if not t.is_arabic or inside(t.start):
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        # The demonym after the head, when no mention covers it.
        demonym = nxt if nxt is not None and vocab.DEMONYMS.get(nxt.norm) and not inside(nxt.start) else None
        for prefix, stem in t.forms:
            if prefix.endswith("ال"):
                continue
            if stem in _HEAD_ALONE and demonym is not None:
                yield HeadAlone(t.stem_start(stem), demonym.end, "head", stem, vocab.DEMONYMS[demonym.norm])
                break
            if stem in _COUNTERPART:
                if demonym is not None:
                    country = vocab.DEMONYMS[demonym.norm]
                    yield HeadAlone(t.stem_start(stem), demonym.end, "counterpart", stem, country)
                else:
                    yield HeadAlone(t.stem_start(stem), t.end, "counterpart", stem, "")
                break


def split_glued_post(f: Found, tokens: list[Token], starts: list[int]) -> list[Found]:
    """``استقبل خادم الحرمين الشريفين الوزير الأمريكي``: two persons the post reader ran
    together; the first post alone is kept, the second (``HEAD DEMONYM``) is left to
    ``heads_alone``."""
    if not f.title_only or f.kind != "person" or not f.title:
        return [f]
    i0 = bisect_right(starts, f.start) - 1
    j = bisect_right(starts, f.end - 1) - 1
    words = normalize(f.title).split()
    if j - 1 <= i0 or len(words) < 2:
        return [f]
    head, demonym = tokens[j - 1].norm, tokens[j].norm
    if head not in _HEAD_ALONE or demonym not in vocab.DEMONYMS or words[-1] != head:
        return [f]
    title = " ".join(words[:-1])
    name = " ".join(t.text for t in tokens[i0 : j - 1])
    return [replace(f, end=tokens[j - 2].end, title=title, name=name, key=name_key(title), affiliation=None)]


def counterpart_title(title: str, word: str) -> str:
    """The subject's post in the counterpart's gender: ``نظيرها`` (he) of ``وزيرة الخارجية``
    holds ``وزير الخارجية``; ``نظيرته`` (she) of ``وزير الخارجية`` holds ``وزيرة الخارجية``."""
    words = title.split()
    if not words:
        return title
    head = normalize(words[0])
    # ``نظيرتها``/``نظيرته``: she (normalised, ``نظيرة`` and ``نظيره`` are one word: he).
    female = any(stem.startswith("نظيرت") for _, stem in bare_forms(word))
    if not female and words[0].endswith("ة") and head[:-1] in vocab.TITLE_HEADS:
        words[0] = words[0][:-1]
    elif female and not words[0].endswith("ة") and head + "ه" in vocab.TITLE_HEADS:
        words[0] = words[0] + "ة"
    return " ".join(words)
