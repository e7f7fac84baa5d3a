"""Where each node's own page lives: file names from stable ids, never from text."""

from __future__ import annotations

import re
from hashlib import sha256

PAGES_DIR = "pages"
INDEX_NAME = "index.json"
ENTITY_DIR = "entity"
EVENT_DIR = "event"
_PLAIN_ID = re.compile(r"^([a-z]{1,20})/([a-z0-9]{1,64})$")
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def page_name(node_id: str) -> str:
    """A file name stem for ``node_id``: ASCII letters, digits, ``-`` and ``_`` only.

    Ids as minted (``person/1f3a…``) map to ``person-1f3a…``, readable and one to one
    (the kind has no ``-``, the key neither). Any other id gets its ASCII part and a hash
    of the whole id, with ``_`` (which the first form never contains): ``x_…_<hash>``.
    Names are lower case, so they cannot collide on a case-insensitive file system, and
    never a reserved device name (``con``, ``nul``) because they always contain a separator.
    """
    m = _PLAIN_ID.match(node_id)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    ascii_part = _UNSAFE.sub("_", node_id).strip("_").lower()[:40]
    digest = sha256(node_id.encode("utf-8")).hexdigest()[:16]
    return f"x_{ascii_part}_{digest}" if ascii_part else f"x_{digest}"


def page_path(node_id: str, *, event: bool) -> str:
    """Path of a node's page relative to ``OUT`` (POSIX separators): ``pages/entity/….html``."""
    return f"{PAGES_DIR}/{EVENT_DIR if event else ENTITY_DIR}/{page_name(node_id)}.html"


def page_href(node_id: str, *, event: bool) -> str:
    """Link from one node page (in ``pages/<folder>/``) to another: up one level, then down."""
    return f"../{EVENT_DIR if event else ENTITY_DIR}/{page_name(node_id)}.html"
