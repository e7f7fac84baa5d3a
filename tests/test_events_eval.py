"""The event gold set's scorer (bench/events_eval.py): matching and scoring on tiny hand-made
inputs, and (with ../shared) that the gold files parse and every offset lies in its article."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import SAUDINEWSNET, need_shared

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("events_eval", ROOT / "bench" / "events_eval.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["events_eval"] = mod
    spec.loader.exec_module(mod)
    return mod


ev = _load()
URL = "http://example.org/a1"


def gold(event="e1", type_="Meeting", date="2015-07-20", place="جدة", actors=(), trigger=(0, 6), url=URL):
    return ev.GoldEvent("dev", "2015-07-22", url, event, type_, "happened", date, place,
                        tuple(ev.GoldActor(*a) for a in actors), trigger)  # fmt: skip


def actor(iri, role, *spans, labels=(), url=URL):
    return ev.SysActor(iri, {role}, {(url, s, e) for s, e in spans}, set(labels), labels[0] if labels else "")


def system(iri, types, mentions, actors=(), date=None, places=(), status="happened"):
    return ev.SysEvent(iri, set(types), {(URL, s, e) for s, e in mentions}, {date} if date else set(),
                       set(places), status, "", {a.iri: a for a in actors})  # fmt: skip


KING = ("host", 10, 20, "الملك سلمان بن عبدالعزيز")
GUEST = ("guest", 30, 39, "سمير جعجع")
ATT = ("attendee", 50, 60, "محمد بن سلمان")


def test_parse_actors_and_errors():
    acts = ev.parse_actors("host|10-20|الملك سلمان;attendee|50-60|محمد بن سلمان")
    assert [(a.role, a.start, a.end, a.principal) for a in acts] == [
        ("host", 10, 20, True),
        ("attendee", 50, 60, False),
    ]
    assert ev.parse_actors("-") == ()
    with pytest.raises(ValueError):
        ev.parse_actors("boss|1-2|x")
    with pytest.raises(ValueError):
        ev.parse_actors("host|5-2|x")


def test_read_gold_files(tmp_path):
    header = "# comment\n" + "\t".join(ev.ARTICLE_COLUMNS) + "\n"
    (tmp_path / "articles.tsv").write_text(
        header + f"dev\t2015-07-22\t{URL}\talriyadh\t2015-07-20\ttext\t1\n"
        "heldout\t2015-07-25\thttp://example.org/b\tokaz\t2015-07-25\turl\t0\n",
        encoding="utf-8",
    )
    (tmp_path / "dev.tsv").write_text(
        "\t".join(ev.EVENT_COLUMNS) + "\n"
        f"dev\t2015-07-22\t{URL}\te1\tMeeting\thappened\t2015-07-19\tجدة\thost|10-20|س\t0-6\t-\n",
        encoding="utf-8",
    )
    arts, events = ev.read_gold("dev", tmp_path)
    assert [a.url for a in arts] == [URL] and events[0].trigger == (0, 6) and events[0].note == ""
    arts, events = ev.read_gold("all", tmp_path)  # heldout.tsv absent: its articles, no events
    assert len(arts) == 2 and len(events) == 1
    (tmp_path / "dev.tsv").write_text("url\tstart\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        ev.read_gold("dev", tmp_path)


def test_date_and_place_rules():
    assert ev.date_right("2015-07", "2015-07-19")  # gold precision
    assert not ev.date_right("2015-07-19", "2015-07")  # system less precise
    assert not ev.date_right("2015-07-19", "2015-07-21")
    assert ev.date_right("-", None) and not ev.date_right("-", "2015-07-21")
    assert not ev.date_right("2015-07-19", None)
    assert ev.place_right("جدة", ["جده"])  # normalised
    assert ev.place_right("-", []) and not ev.place_right("-", ["جدة"])


def test_actor_matching_span_then_label():
    g = (ev.GoldActor(*KING), ev.GoldActor(*GUEST))
    by_span = actor("k", "host", (14, 22), labels=("سلمان",))
    by_label = actor("g", "guest", (300, 309), labels=("سمير جعجع",))
    other = actor("o", "guest", (100, 110), labels=("كاكا",))
    m = ev.match_actors(g, [other, by_label, by_span], URL)
    assert m[0] is by_span and m[1] is by_label
    # a mention in another article does not count
    elsewhere = actor("k2", "host", (10, 20), labels=("x",), url="http://example.org/other")
    assert ev.match_actors(g[:1], [elsewhere], URL) == {}


def test_assign_is_optimal_and_one_to_one():
    # greedy would take (0,0)=5 then (1,1)=1; the optimum is (0,1)+(1,0) = 4+4
    assert ev.assign([[5, 4], [4, 1]]) == [(0, 1), (1, 0)]
    assert ev.assign([[0, 0], [0, 3]]) == [(1, 1)]
    assert ev.assign([[1, 2, 3]]) == [(0, 2)]
    assert ev.assign([]) == []


def test_right_event_and_field_scores():
    g = gold(actors=(KING, GUEST, ATT))
    s = system(
        "s1",
        ["Meeting"],
        [(0, 6)],
        [actor("k", "host", (10, 20)), actor("g", "guest", (30, 39)), actor("a", "attendee", (50, 60))],
        date="2015-07-20",
        places=["جدة"],
    )
    r = ev.score(ev.match_all([g], [URL], [s]))
    assert r["strict"]["right"] == 1 and r["strict"]["P"] == 1.0 and r["strict"]["R"] == 1.0
    f = r["fields"]
    assert f["roles"]["value"] == 1.0 and f["attendees"]["P"] == 1.0 and f["place"]["value"] == 1.0
    assert r["system_quality"]["two_principals"]["value"] == 1.0


def test_wrong_principals_date_and_false_alarm():
    g1 = gold("e1", actors=(KING, GUEST))
    g2 = gold("e2", type_="Call", date="-", place="-", actors=(("caller", 70, 80, "هادي"),), trigger=(90, 95))
    s_wrong = system(
        "s1",
        ["Meeting"],
        [(0, 6)],
        [actor("k", "host", (10, 20)), actor("x", "guest", (200, 210), labels=("كاكا",))],
        date="2015-07-21",
    )
    s_false = system("s2", ["Visit"], [(400, 405)], [actor("v", "visitor", (410, 420))])
    s_stmt = system("s3", ["Statement"], [(500, 505)])  # not counted for precision
    matches = ev.match_all([g1, g2], [URL], [s_wrong, s_false, s_stmt])
    r = ev.score(matches)
    assert r["system_events"] == 2 and r["gold_events"] == 2
    assert r["strict"]["right"] == 0
    assert r["lenient_one_principal"]["right"] == 1  # type + the host
    assert r["lenient_principals"]["right"] == 0
    errs = ev.errors(matches)
    assert errs["classes"]["missed: no system event (Call)"] == 1
    assert errs["classes"]["false alarm: no gold event (Visit)"] == 1
    for c in ("principal missing", "extra principal", "date wrong"):
        assert errs["classes"][c] == 1
    wrong = next(e for e in errs["items"] if e["kind"] == "wrong")
    assert wrong["system"] == "s1" and "date wrong" in wrong["why"]


def test_pairing_prefers_the_fitting_event_and_stays_in_the_article():
    g1 = gold("e1", actors=(KING, GUEST), trigger=(0, 6))
    g2 = gold("e2", actors=(KING, ("guest", 130, 140, "جون كيري")), trigger=(120, 126))
    s_a = system(
        "a", ["Meeting"], [(120, 126)], [actor("k", "host", (10, 20)), actor("j", "guest", (130, 140))]
    )
    s_b = system("b", ["Meeting"], [(0, 6)], [actor("k", "host", (10, 20)), actor("g", "guest", (30, 39))])
    other_article = ev.SysEvent("c", {"Meeting"}, {("http://example.org/z", 0, 6)})
    (m,) = ev.match_all([g1, g2], [URL], [s_a, s_b, other_article])
    assert {(p.gold.event, p.system.iri) for p in m.pairs} == {("e1", "b"), ("e2", "a")}
    assert not m.spurious and not m.missed


def test_merged_event_counts_once_per_gold_article():
    url2 = "http://example.org/a2"
    g1 = gold("e1", actors=(KING,))
    g2 = gold("e1", actors=(("host", 5, 15, "الملك سلمان بن عبدالعزيز"),), url=url2)
    king = ev.SysActor("k", {"host"}, {(URL, 10, 20), (url2, 5, 15)}, set(), "")
    s = ev.SysEvent(
        "m", {"Meeting"}, {(URL, 0, 6), (url2, 0, 6)}, {"2015-07-20"}, set(), "happened", "", {"k": king}
    )
    r = ev.score(ev.match_all([g1, g2], [URL, url2], [s]))
    assert r["system_events"] == 2 and r["strict"]["right"] == 2


@pytest.mark.shared
def test_gold_files_parse_and_offsets_lie_in_their_articles():
    need_shared(SAUDINEWSNET)
    from kg.ingest import iter_articles

    arts, events = ev.read_gold("all")
    assert arts, "no gold articles"
    by_url = {a.url: a for a in arts}
    assert len(by_url) == len(arts), "an article listed twice"
    counts: dict[str, int] = {}
    for e in events:
        counts[e.url] = counts.get(e.url, 0) + 1
        assert e.day == by_url[e.url].day and e.split == by_url[e.url].split
    for a in arts:
        if a.split == "dev":  # the held-out split's counts are its annotator's to keep
            assert counts.get(a.url, 0) == a.n_events, a.url
    texts = {}
    for day in sorted({a.day for a in arts}):
        zip_path = need_shared(SAUDINEWSNET / f"{day}.zip")
        want = {a.url for a in arts if a.day == day}
        for art in iter_articles([zip_path]):
            if art.url in want:
                texts[art.url] = art.text
    missing = sorted(set(by_url) - set(texts))
    assert not missing, f"gold urls not in their day's zip: {missing[:3]}"
    for e in events:
        n = len(texts[e.url])
        spans = [e.trigger] + [(x.start, x.end) for x in e.actors]
        for start, end in spans:
            assert 0 <= start < end <= n, f"{e.url} {e.event}: {start}-{end} outside 0-{n}"
