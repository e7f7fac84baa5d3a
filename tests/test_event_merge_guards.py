"""Event merging guards (issue #15 class 11), on short articles written for the tests: the
real pipeline (extract, then resolve) must keep different events apart however weak links
chain them, and still make one node of one event reported by several outlets."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, EventNode, Graph
from kg.resolve import resolve

PRINCIPAL_ROLES = {"host", "guest", "participant", "visitor", "caller", "callee"}


def _graph(*articles: tuple[str, date, str]) -> Graph:
    """The graph of ``(id, publication day, text)`` articles."""
    return resolve([extract(Article(id=i, text=t, dct=d)) for i, d, t in articles])


def _named(g: Graph, ev: EventNode) -> dict[str, str]:
    labels = {e.id: e.label for e in g.entities}
    return {labels[p.entity]: p.role for p in ev.participants}


def _principals(g: Graph, ev: EventNode) -> set[str]:
    return {n for n, r in _named(g, ev).items() if r in PRINCIPAL_ROLES}


def _of_type(g: Graph, kind: str) -> list[EventNode]:
    return [ev for ev in g.events if ev.type == kind]


def test_a_sentence_announcing_visits_to_three_countries_stays_three_visits() -> None:
    g = _graph(
        (
            "tour",
            date(2015, 7, 20),
            "أعلنت مصادر دبلوماسية أمس أن رئيس الوزراء الماليزي نجيب عبد الرزاق سيقوم بعد غد "
            "بزيارة إلى دول عربية تشمل الأردن ومصر وتونس.",
        )
    )
    labels = {e.id: e.label for e in g.entities}
    visits = _of_type(g, "Visit")
    assert sorted(labels[v.place] for v in visits if v.place) == ["الأردن", "تونس", "مصر"]
    # Read from one trigger, they are still three nodes: three ids, not one RDF node.
    assert len({v.id for v in visits}) == 3
    for v in visits:
        assert [n for n, r in _named(g, v).items() if r == "destination"] == [labels[v.place]]


def test_one_emirs_visits_to_two_hosts_homes_stay_two() -> None:
    g = _graph(
        (
            "homes",
            date(2015, 7, 20),
            "استقبل الشيخ عبدالله المطلق في منزله ببريدة أمس أمير منطقة القصيم الأمير فيصل بن مشعل.\n"
            "واستقبل الشيخ صالح الفوزان في منزله ببريدة أمس أمير منطقة القصيم الأمير فيصل بن مشعل.\n"
            "وقال الأمير فيصل بن مشعل إن هذه اللقاءات تعزز التواصل.",
        ),
        # A second outlet names the emir alone: it may join one of the two, never both.
        (
            "brief",
            date(2015, 7, 20),
            "التقى أمير منطقة القصيم الأمير فيصل بن مشعل أمس في بريدة عددا من المواطنين.",
        ),
    )
    hosted = [ev for ev in _of_type(g, "Meeting") if "host" in _named(g, ev).values()]
    hosts = sorted(n for ev in hosted for n, r in _named(g, ev).items() if r == "host")
    assert hosts == ["صالح الفوزان", "عبدالله المطلق"], [_named(g, ev) for ev in hosted]
    assert all(_named(g, ev)["فيصل بن مشعل"] == "guest" for ev in hosted)


def test_two_receptions_by_one_minister_on_one_day_in_two_outlets_stay_two() -> None:
    g = _graph(
        (
            "japan",
            date(2015, 7, 20),
            "استقبل وزير الخارجية عادل الجبير في مكتبه بالرياض اليوم السفير الياباني نوبوهيرو كاتو، "
            "وبحث معه العلاقات الثنائية.",
        ),
        (
            "germany",
            date(2015, 7, 21),
            "استقبل وزير الخارجية عادل الجبير في الرياض أمس وزير الخارجية الألماني فرانك فالتر "
            "شتاينماير، وجرى خلال الاستقبال بحث الأوضاع في المنطقة.",
        ),
        # The minister alone, the same day: a weak link between the two receptions.
        (
            "envoys",
            date(2015, 7, 21),
            "التقى وزير الخارجية عادل الجبير في الرياض أمس عددا من السفراء المعتمدين.",
        ),
    )
    receptions = [ev for ev in _of_type(g, "Meeting") if "عادل الجبير" in _named(g, ev)]
    guests = [sorted(n for n, r in _named(g, ev).items() if r == "guest") for ev in receptions]
    assert sorted(guests) == [["فرانك فالتر شتاينماير"], ["نوبوهيرو كاتو"]], guests
    assert all(ev.time is not None and ev.time.value == "2015-07-20" for ev in receptions)


def test_one_visit_reported_by_three_outlets_is_one_node() -> None:
    g = _graph(
        (
            "today",
            date(2015, 8, 10),
            "وصل رئيس الوزراء الإيطالي ماتيو رينزي اليوم إلى الرياض في زيارة رسمية.",
        ),
        (
            "yesterday",
            date(2015, 8, 11),
            "وصل رئيس الوزراء الإيطالي ماتيو رينزي أمس إلى الرياض في زيارة رسمية.",
        ),
        (
            "present",
            date(2015, 8, 10),
            "يزور رئيس الوزراء الإيطالي ماتيو رينزي الرياض اليوم، في أول زيارة له إلى المملكة.",
        ),
    )
    (visit,) = _of_type(g, "Visit")
    assert set(visit.articles) == {"today", "yesterday", "present"}
    assert _named(g, visit)["ماتيو رينزي"] == "visitor"
    assert visit.time is not None and visit.time.value == "2015-08-10"


def test_a_day_of_four_meetings_in_one_city_stays_four() -> None:
    # Two receptions by the Sultan, a minister's meeting with an envoy and a trilateral, all
    # in Muscat on one day; one outlet lumps three of them into one sentence, another names
    # one minister alone.
    g = _graph(
        (
            "palace",
            date(2015, 9, 14),
            "استقبل السلطان قابوس بن سعيد في مسقط اليوم وزير الخارجية البريطاني فيليب هاموند.\n"
            "واستقبل السلطان قابوس بن سعيد في مسقط اليوم وزير الخارجية الإيراني محمد جواد ظريف.",
        ),
        (
            "ministry",
            date(2015, 9, 14),
            "التقى الوزير يوسف بن علوي في مسقط اليوم المبعوث الأممي إسماعيل ولد الشيخ أحمد.\n"
            "وعقد وزير الخارجية البريطاني فيليب هاموند اجتماعا ثلاثيا في مسقط اليوم مع وزير "
            "الخارجية الإيراني محمد جواد ظريف ووزير الخارجية الألماني فرانك فالتر شتاينماير.",
        ),
        (
            "wire",
            date(2015, 9, 14),
            "ويلتقي وزير الخارجية البريطاني فيليب هاموند في مسقط اليوم السلطان قابوس بن سعيد ووزير "
            "الخارجية الإيراني محمد جواد ظريف ووزير الخارجية الألماني فرانك فالتر شتاينماير.\n"
            "والتقى وزير الخارجية الإيراني محمد جواد ظريف في مسقط اليوم عددا من المسؤولين.",
        ),
    )
    labels = {e.id: e.label for e in g.entities}
    meetings = [ev for ev in _of_type(g, "Meeting") if labels.get(ev.place or "") == "مسقط"]
    assert len(meetings) == 4, [_named(g, ev) for ev in meetings]
    sultan = "قابوس بن سعيد"
    guests = sorted(n for ev in meetings for n, r in _named(g, ev).items() if r == "guest")
    assert guests == ["فيليب هاموند", "محمد جواد ظريف"]
    # Neither reception took the other's guest, nor the trilateral the Sultan's host role.
    for ev in meetings:
        named = _named(g, ev)
        assert not {"فيليب هاموند", "محمد جواد ظريف"} <= {n for n, r in named.items() if r == "guest"}
        if "فرانك فالتر شتاينماير" in named and sultan not in named:
            assert _principals(g, ev) == {"فيليب هاموند", "محمد جواد ظريف", "فرانك فالتر شتاينماير"}
    assert any(_principals(g, ev) == {"يوسف بن علوي", "إسماعيل ولد الشيخ أحمد"} for ev in meetings)
    assert any(
        _principals(g, ev) == {"فيليب هاموند", "محمد جواد ظريف", "فرانك فالتر شتاينماير"} for ev in meetings
    )
