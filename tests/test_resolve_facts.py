"""Resolution's promises, on facts built by hand: no extraction runs, so a change in a
mention rule cannot break these (``test_resolve.py`` checks the same end to end).

Each article is a list of local entities (what extraction would have chained) and the
events told with them; ``facts`` lays them out as a text with one mention each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.arabic.names import name_key
from kg.arabic.normalize import normalize
from kg.lexicon.gazetteer import places
from kg.model import (
    Article,
    ArticleFacts,
    Event,
    EventNode,
    EventType,
    Graph,
    LocalEntity,
    Mention,
    Role,
    Span,
    TimeExpression,
)
from kg.resolve import resolve

MAY_9 = date(2023, 5, 9)
MAY_10 = date(2023, 5, 10)


# ---- building facts ----------------------------------------------------------------


def person(name: str, *titles: str, country: str | None = None) -> LocalEntity:
    """A named person; ``country`` is the ISO code of the state his posts belong to."""
    return LocalEntity("person", name, name_key(name), titles=titles, affiliation=country)


def post(title: str, country: str | None = None) -> LocalEntity:
    """A post written with no name (``وزير الخارجية``): resolution looks for its holder."""
    return LocalEntity(
        "person", title, name_key(title), titles=(title,), affiliation=country, title_only=True
    )


def place(name: str) -> LocalEntity:
    """A place as extraction reads it: the gazetteer's key, country and kind of place."""
    p = places()[normalize(name)]
    return LocalEntity("place", name, p.key, country=p.country, subtype=p.subtype)


@dataclass(frozen=True)
class Told:
    """An event as one article tells it: roles by entity, its day, its place."""

    type: EventType
    roles: tuple[tuple[LocalEntity, str], ...]
    day: date | None
    at: LocalEntity | None = None
    relative: bool = False  # the day was read against the article's date (``اليوم``, ``أمس``)


def meeting(
    host: LocalEntity,
    guest: LocalEntity,
    day: date | None,
    at: LocalEntity | None = None,
    relative: bool = False,
) -> Told:
    """``استقبل HOST GUEST``: a meeting with a host and a guest."""
    return Told("Meeting", ((host, "host"), (guest, "guest")), day, at, relative)


_TRIGGER = "استقبل"  # a past verb: the event is reported, not announced


def facts(art_id: str, dct: date, entities: list[LocalEntity], told: tuple[Told, ...] = ()) -> ArticleFacts:
    """One article: a mention of each entity in turn, then a trigger word per event."""
    text, mentions = "", list[Mention]()
    for i, ent in enumerate(entities):
        mentions.append(Mention(len(text), len(text) + len(ent.name), ent.name, ent.kind, i))
        text += ent.name + "، "

    def index(ent: LocalEntity) -> int:
        return next(i for i, e in enumerate(entities) if e is ent)

    times, events = list[TimeExpression](), list[Event]()
    for t in told:
        trigger = Span(len(text), len(text) + len(_TRIGGER), _TRIGGER)
        text += _TRIGGER + ". "
        time = None
        if t.day is not None:
            day = t.day.isoformat()
            times.append(TimeExpression(0, 0, "", day, "day", t.day, t.day, relative=t.relative))
            time = len(times) - 1
        roles = tuple(Role(index(e), r, index(e)) for e, r in t.roles)
        at = index(t.at) if t.at is not None else None
        events.append(Event(t.type, trigger, trigger, roles, at, time, date_source="stated"))
    article = Article(art_id, text, dct=dct)
    return ArticleFacts(article, tuple(mentions), tuple(entities), tuple(times), tuple(events))


# ---- reading the graph -------------------------------------------------------------


def nodes(g: Graph, art_id: str, written: str) -> set[str]:
    """The ids of the nodes that ``written`` (mentioned in article ``art_id``) resolved to."""
    return {e.id for e in g.entities for m in e.mentions if m.article == art_id and m.text == written}


def node(g: Graph, art_id: str, written: str) -> str:
    """The one node ``written`` (mentioned in article ``art_id``) resolved to."""
    hits = nodes(g, art_id, written)
    assert len(hits) == 1, (art_id, written, hits)
    return hits.pop()


def kind(g: Graph, node_id: str) -> str:
    return next(e.kind for e in g.entities if e.id == node_id)


def meetings(g: Graph) -> list[EventNode]:
    return [ev for ev in g.events if ev.type == "Meeting"]


def ministers() -> tuple[LocalEntity, LocalEntity]:
    """Two foreign ministers, as each article reads them afresh."""
    jubeir = person("عادل الجبير", "وزير الخارجية", country="SA")
    shoukry = person("سامح شكري", "وزير الخارجية", country="EG")
    return jubeir, shoukry


def reported(
    art_id: str, dct: date, day: date | None, guest: LocalEntity | None = None, relative: bool = False
) -> ArticleFacts:
    """Article ``art_id`` of ``dct``: عادل الجبير received ``guest`` (سامح شكري unless
    given) in الرياض on ``day``."""
    jubeir, shoukry = ministers()
    guest = guest or shoukry
    riyadh = place("الرياض")
    return facts(art_id, dct, [jubeir, guest, riyadh], (meeting(jubeir, guest, day, riyadh, relative),))


# ---- persons ----------------------------------------------------------------------


def test_one_name_spelt_two_ways_is_one_person() -> None:
    g = resolve(
        [
            facts("a", MAY_9, [person("إبراهيم أبو الغيط"), person("عبد الله بن زايد")]),
            facts("b", MAY_10, [person("ابراهيم ابو الغيط"), person("عبدالله بن زايد")]),
        ]
    )
    # Hamza forms of alef fold to one letter; ``عبد الله`` is one given name however spaced.
    assert node(g, "a", "إبراهيم أبو الغيط") == node(g, "b", "ابراهيم ابو الغيط")
    assert node(g, "a", "عبد الله بن زايد") == node(g, "b", "عبدالله بن زايد")


def test_a_name_and_its_longer_form_are_one_person() -> None:
    g = resolve(
        [
            facts("a", MAY_9, [person("عادل الجبير"), person("عبدالله بن زايد")]),
            facts("b", MAY_10, [person("عادل بن أحمد الجبير"), person("عبدالله بن زايد آل نهيان")]),
        ]
    )
    assert node(g, "a", "عادل الجبير") == node(g, "b", "عادل بن أحمد الجبير")
    assert node(g, "a", "عبدالله بن زايد") == node(g, "b", "عبدالله بن زايد آل نهيان")


def test_a_family_name_alone_is_the_person_named_in_full_elsewhere() -> None:
    g = resolve(
        [
            facts("a", MAY_9, [person("عادل الجبير", "وزير الخارجية", country="SA")]),
            facts("b", MAY_10, [person("الجبير")]),
        ]
    )
    jubeir = node(g, "a", "عادل الجبير")
    assert node(g, "b", "الجبير") == jubeir
    # The full name, not the short form, labels him.
    assert [e.label for e in g.entities if e.id == jubeir] == ["عادل الجبير"]


def test_two_persons_sharing_a_given_name_stay_apart() -> None:
    g = resolve(
        [
            facts("a", MAY_9, [person("خالد الفيصل")]),
            facts("b", MAY_10, [person("خالد العتيبي")]),
        ]
    )
    assert node(g, "a", "خالد الفيصل") != node(g, "b", "خالد العتيبي")


def test_a_father_and_his_son_stay_apart() -> None:
    # The son's name holds the father's whole name: containment alone does not merge them.
    g = resolve(
        [
            facts("a", MAY_9, [person("سلمان بن عبدالعزيز")]),
            facts("b", MAY_10, [person("محمد بن سلمان بن عبدالعزيز")]),
        ]
    )
    assert node(g, "a", "سلمان بن عبدالعزيز") != node(g, "b", "محمد بن سلمان بن عبدالعزيز")


def test_a_given_name_alone_joins_no_one_and_is_dropped() -> None:
    # ``خالد`` with no post fits every Khalid: not خالد الفيصل, and no node of its own.
    g = resolve(
        [
            facts("a", MAY_9, [person("خالد الفيصل")]),
            facts("b", MAY_10, [person("خالد")]),
        ]
    )
    assert nodes(g, "b", "خالد") == set()
    assert [e.articles for e in g.entities if e.kind == "person"] == [("a",)]


# ---- posts ------------------------------------------------------------------------


def test_a_post_alone_is_the_person_holding_it_in_the_same_article() -> None:
    jubeir = person("عادل الجبير", "وزير الخارجية", country="SA")
    g = resolve([facts("a", MAY_9, [jubeir, post("وزير الخارجية", "SA")])])
    assert node(g, "a", "وزير الخارجية") == node(g, "a", "عادل الجبير")


def test_a_post_alone_with_its_country_is_that_countrys_holder() -> None:
    jubeir, shoukry = ministers()
    g = resolve(
        [
            facts("a", MAY_9, [jubeir, shoukry]),
            facts("b", MAY_10, [post("وزير الخارجية المصري", "EG")]),
        ]
    )
    assert node(g, "b", "وزير الخارجية المصري") == node(g, "a", "سامح شكري")


def test_a_post_that_fits_two_holders_is_attached_to_neither() -> None:
    jubeir, shoukry = ministers()
    g = resolve([facts("a", MAY_9, [jubeir, shoukry]), facts("b", MAY_10, [post("وزير الخارجية")])])
    assert nodes(g, "b", "وزير الخارجية") == set()


# ---- places -----------------------------------------------------------------------


def test_one_place_across_articles_is_one_node_and_a_city_is_not_its_country() -> None:
    g = resolve(
        [
            facts("a", MAY_9, [place("جدة"), place("السعودية")]),
            facts("b", MAY_10, [place("جده"), place("المملكة العربية السعودية")]),
        ]
    )
    assert node(g, "a", "جدة") == node(g, "b", "جده")
    # A state resolves by its country code, whatever name the article gives it.
    assert node(g, "a", "السعودية") == node(g, "b", "المملكة العربية السعودية")
    assert node(g, "a", "جدة") != node(g, "a", "السعودية")


def test_a_country_and_a_person_never_merge() -> None:
    # ``قطر`` read as a person's name in one article and as the state in another: two nodes.
    g = resolve(
        [
            facts("a", MAY_9, [place("قطر"), person("محمد آل ثاني", "الوزير", country="QA")]),
            facts("b", MAY_10, [person("قطر")]),
        ]
    )
    state, person_qatar = node(g, "a", "قطر"), node(g, "b", "قطر")
    assert state != person_qatar
    assert (kind(g, state), kind(g, person_qatar)) == ("place", "person")
    # The minister's country is the state's node, not merged with him.
    minister = next(e for e in g.entities if e.id == node(g, "a", "محمد آل ثاني"))
    assert minister.affiliation == state and minister.kind == "person"


# ---- events -----------------------------------------------------------------------


def test_one_meeting_reported_by_two_articles_is_one_event() -> None:
    # The next day's paper writes the guest as his post.
    g = resolve(
        [reported("a", MAY_9, MAY_9), reported("b", MAY_10, MAY_9, guest=post("وزير الخارجية", "EG"))]
    )
    [ev] = meetings(g)
    assert set(ev.articles) == {"a", "b"}
    assert {p.entity: p.role for p in ev.participants} == {
        node(g, "a", "عادل الجبير"): "host",
        node(g, "a", "سامح شكري"): "guest",
    }
    assert ev.time is not None and ev.time.value == "2023-05-09"
    assert node(g, "b", "وزير الخارجية") == node(g, "a", "سامح شكري")


def test_two_meetings_in_one_city_on_different_days_stay_apart() -> None:
    g = resolve([reported("a", MAY_9, MAY_9), reported("b", MAY_10, MAY_10)])
    assert sorted(ev.articles for ev in meetings(g)) == [("a",), ("b",)]


def test_one_hosts_meetings_with_two_guests_on_one_day_stay_apart() -> None:
    safadi = person("أيمن الصفدي", "وزير الخارجية", country="JO")
    g = resolve([reported("a", MAY_9, MAY_9), reported("b", MAY_9, MAY_9, guest=safadi)])
    assert sorted(ev.articles for ev in meetings(g)) == [("a",), ("b",)]


def test_today_in_two_papers_a_day_apart_is_one_meeting() -> None:
    # Each paper dated the meeting ``اليوم`` by its own (crawl) date: a day apart, one event.
    g = resolve([reported("a", MAY_9, MAY_9, relative=True), reported("b", MAY_10, MAY_10, relative=True)])
    [ev] = meetings(g)
    assert set(ev.articles) == {"a", "b"}


def test_an_undated_report_joins_the_one_dated_meeting_it_describes() -> None:
    g = resolve([reported("a", MAY_9, MAY_9), reported("b", MAY_10, None)])
    [ev] = meetings(g)
    assert set(ev.articles) == {"a", "b"}


def test_a_meeting_whose_only_party_is_a_post_no_one_holds_is_dropped() -> None:
    minister = post("وزير الدفاع", "EG")
    told = Told("Meeting", ((minister, "host"),), MAY_9)
    g = resolve([facts("a", MAY_9, [minister], (told,))])
    assert g.events == ()
