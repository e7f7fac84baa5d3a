"""Stable, safe IRIs for graph nodes, minted from the model's ids.

Every path segment that comes from data keeps only ``[A-Za-z0-9_-]``; any other
character is percent-encoded from its UTF-8 bytes (``%`` included, so the encoding
is one-to-one). A segment that would grow past ``MAX_SEGMENT`` characters is replaced
by ``h.<sha256 prefix>``: the ``.`` never survives encoding, so a hashed segment can
never collide with an encoded one, and no segment is ever ``.`` or ``..``. The
result: no raw user text in an IRI, nothing that can break Turtle, N-Triples or a
SPARQL query, and the same id always gives the same IRI.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from kg.rdf.terms import DATA

MAX_SEGMENT = 96
_SAFE = re.compile(r"[A-Za-z0-9_-]+")
_SAFE_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


@lru_cache(maxsize=65536)
def segment(text: str) -> str:
    """One IRI path segment for ``text`` (see the module's docstring)."""
    if text and len(text) <= MAX_SEGMENT and _SAFE.fullmatch(text):
        return text
    raw = text.encode("utf-8")
    out = "".join(chr(b) if b in _SAFE_BYTES else f"%{b:02X}" for b in raw)
    if not out or len(out) > MAX_SEGMENT:
        return "h." + hashlib.sha256(raw).hexdigest()[:32]
    return out


def _kind_path(kind: str, node_id: str) -> str:
    """``person/3fa2…`` → ``person/3fa2…``; an id without its kind gets it prepended."""
    head, sep, rest = node_id.partition("/")
    if sep and head == kind:
        return f"{kind}/{segment(rest)}"
    return f"{kind}/{segment(node_id)}"


def entity_iri(entity_id: str, kind: str) -> str:
    return DATA + _kind_path(kind, entity_id)


def event_iri(event_id: str) -> str:
    return DATA + _kind_path("event", event_id)


@lru_cache(maxsize=65536)
def article_iri(article_id: str) -> str:
    return f"{DATA}article/{segment(article_id)}"


def mention_iri(article_id: str, start: int, end: int) -> str:
    return f"{article_iri(article_id)}/mention/{int(start)}-{int(end)}"


def sentence_iri(article_id: str, start: int, end: int) -> str:
    return f"{article_iri(article_id)}/sentence/{int(start)}-{int(end)}"


def role_iri(event: str, role: str, entity: str) -> str:
    """The sem:Role node of one participant: ``<event>/role/<role>/<entity path>``."""
    return f"{event}/role/{segment(role)}/{entity.removeprefix(DATA)}"


def time_iri(event: str, part: str = "") -> str:
    """``<event>/time`` and its parts (``begin``, ``end``, ``hijri``)."""
    return f"{event}/time/{part}" if part else f"{event}/time"


def holding_iri(entity: str, title: str, affiliation: str | None) -> str:
    """One person's holding of one title (with one affiliation)."""
    key = f"{title}\x1f{affiliation or ''}".encode()
    return f"{entity}/title/{hashlib.sha1(key).hexdigest()[:12]}"


def title_role_iri(title: str) -> str:
    """The org:Role shared by everyone who held ``title`` (by its written form)."""
    return f"{DATA}title/{hashlib.sha1(title.encode('utf-8')).hexdigest()[:12]}"


# RFC 3987 leaves these out of IRIs, and Turtle's IRIREF forbids them.
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\s]')
_HTTP_IRI = re.compile(r"https?://[^/?#@\s]+(?:[/?#].*)?", re.IGNORECASE | re.DOTALL)


def safe_url(url: str | None) -> str | None:
    """``url`` as an absolute http(s) IRI that is safe in Turtle, or None.

    Characters an IRI may not hold are percent-encoded (a space becomes ``%20``);
    anything that is still not a plausible absolute http(s) IRI gives None, and the
    caller keeps the url as a literal instead.
    """
    if not url:
        return None
    url = url.strip()
    escaped = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)
    if not _HTTP_IRI.fullmatch(escaped):
        return None
    # A lone ``%`` not followed by two hex digits is not a valid IRI.
    if re.search(r"%(?![0-9A-Fa-f]{2})", escaped):
        return None
    return escaped
