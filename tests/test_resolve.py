"""Resolution across articles: one person one node, one reported meeting one event."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.model import Article, Graph
from kg.resolve import resolve
from tests.texts import OUTLET_A, OUTLET_B, OUTLET_C


@pytest.fixture(scope="module")
def graph() -> Graph:
    articles = [
        Article(id="a", text=OUTLET_A, dct=date(2023, 5, 9), source="outlet-a"),
        Article(id="b", text=OUTLET_B, dct=date(2023, 5, 10), source="outlet-b"),
        Article(id="c", text=OUTLET_C, dct=date(2023, 5, 9), source="outlet-c"),
    ]
    return resolve([extract(a) for a in articles])


def _resolved(*articles: tuple[str, str, date]) -> Graph:
    """The graph of ``(id, text, publication day)`` articles, extracted with the rules."""
    return resolve([extract(Article(id=i, text=t, dct=d)) for i, t, d in articles])


def _persons(g: Graph, word: str):
    return [e for e in g.entities if e.kind == "person" and any(word in n for n in (e.label, *e.aliases))]


def test_one_node_per_person_across_spellings(graph: Graph) -> None:
    tajani = _persons(graph, "تاياني") + _persons(graph, "تاجاني")
    assert len({e.id for e in tajani}) == 1, [(e.label, e.aliases) for e in tajani]
    assert set(tajani[0].articles) == {"a", "b", "c"}


def test_father_and_son_stay_apart(graph: Graph) -> None:
    king = _persons(graph, "سلمان بن عبدالعزيز آل سعود")
    prince = _persons(graph, "محمد بن سلمان")
    assert len(king) == 1 and len(prince) == 1
    assert king[0].id != prince[0].id
    assert "سلمان بن عبد العزيز" in king[0].aliases


def test_one_meeting_for_three_reports_with_today_and_yesterday(graph: Graph) -> None:
    king = _persons(graph, "سلمان بن عبدالعزيز آل سعود")[0]
    tajani = _persons(graph, "تاياني")[0]
    meetings = [
        ev for ev in graph.events if ev.type == "Meeting" and king.id in {p.entity for p in ev.participants}
    ]
    assert len(meetings) == 1, [(m.label, m.articles) for m in meetings]
    m = meetings[0]
    assert m.time is not None and m.time.value == "2023-05-09"
    roles = {p.entity: p.role for p in m.participants}
    assert roles[king.id] == "host" and roles[tajani.id] == "guest"
    assert set(m.articles) == {"a", "b", "c"}


def test_greetings_sender_is_not_a_participant(graph: Graph) -> None:
    president = _persons(graph, "ماتاريلا")
    assert president
    for ev in graph.events:
        assert president[0].id not in {p.entity for p in ev.participants if p.role != "speaker"}


def test_the_princes_meeting_is_another_event(graph: Graph) -> None:
    prince = _persons(graph, "محمد بن سلمان")[0]
    meetings = [
        ev for ev in graph.events if ev.type == "Meeting" and prince.id in {p.entity for p in ev.participants}
    ]
    assert len(meetings) == 1
    assert meetings[0].articles == ("c",)


def test_ids_are_stable(graph: Graph) -> None:
    again = resolve(
        [
            extract(Article(id="a", text=OUTLET_A, dct=date(2023, 5, 9))),
            extract(Article(id="b", text=OUTLET_B, dct=date(2023, 5, 10))),
            extract(Article(id="c", text=OUTLET_C, dct=date(2023, 5, 9))),
        ]
    )
    assert [e.id for e in again.entities] == [e.id for e in graph.entities]
    assert [e.id for e in again.events] == [e.id for e in graph.events]


@pytest.fixture(scope="module")
def trilateral() -> Graph:
    from tests.texts import TRILATERAL_ANNOUNCED, TRILATERAL_LATE, TRILATERAL_REPORTED, TRILATERAL_SAME_DAY

    articles = [
        Article(id="ann", text=TRILATERAL_ANNOUNCED, dct=date(2023, 6, 10)),
        Article(id="same", text=TRILATERAL_SAME_DAY, dct=date(2023, 6, 12)),
        Article(id="rep", text=TRILATERAL_REPORTED, dct=date(2023, 6, 12)),
        Article(id="late", text=TRILATERAL_LATE, dct=date(2023, 6, 13)),
    ]
    return resolve([extract(a) for a in articles])


def test_announcements_and_late_reports_are_one_event(trilateral: Graph) -> None:
    safadi = _persons(trilateral, "الصفدي")[0]
    meetings = [
        ev
        for ev in trilateral.events
        if ev.type == "Meeting" and safadi.id in {p.entity for p in ev.participants}
    ]
    assert len(meetings) == 1, [(m.label, m.articles, m.time) for m in meetings]
    m = meetings[0]
    assert set(m.articles) == {"ann", "same", "rep", "late"}
    assert m.time is not None and m.time.value == "2023-06-12"
    assert m.status == "happened"
    # The announcements are linked as anticipating it; the reports are not.
    assert set(m.anticipated_by) == {"ann", "same"}


def test_a_one_actor_sentence_does_not_chain_two_meetings() -> None:
    from tests.texts import TWO_MEETINGS_ONE_ARTICLE

    g = resolve([extract(Article(id="x", text=TWO_MEETINGS_ONE_ARTICLE, dct=date(2023, 6, 11)))])
    shoukry = _persons(g, "شكري")[0]
    iranian = _persons(g, "عبد اللهيان") or _persons(g, "عبداللهيان")
    assert iranian
    meetings = [ev for ev in g.events if ev.type == "Meeting"]
    with_shoukry = [m for m in meetings if shoukry.id in {p.entity for p in m.participants}]
    assert len(with_shoukry) == 1
    assert iranian[0].id not in {p.entity for p in with_shoukry[0].participants}


def test_anticipation_is_in_the_turtle(trilateral: Graph) -> None:
    import rdflib

    from kg.rdf import graph_to_rdf
    from kg.rdf import terms as t

    rdf = graph_to_rdf(trilateral)
    linked = {str(a).rsplit("/", 1)[-1] for a, _, _ in rdf.triples((None, t.ANTICIPATES, None))}
    assert len(linked) == 2
    assert all(isinstance(e, rdflib.URIRef) for _, _, e in rdf.triples((None, t.ANTICIPATES, None)))


def test_posts_alone_resolve_to_their_holder_across_articles() -> None:
    from tests.texts import KING_BY_POST, KING_NAMED

    g = resolve(
        [
            extract(Article(id="named", text=KING_NAMED, dct=date(2023, 5, 9))),
            extract(Article(id="posts", text=KING_BY_POST, dct=date(2023, 5, 11))),
        ]
    )
    king = _persons(g, "سلمان بن عبدالعزيز آل سعود")
    prince = _persons(g, "محمد بن سلمان")
    jubeir = _persons(g, "الجبير")
    assert len(king) == 1 and len(prince) == 1 and len(jubeir) == 1
    assert king[0].id != prince[0].id
    # خادم الحرمين الشريفين and الملك alone, in the second report, are the king.
    posts_text = {m.text for m in king[0].mentions if m.article == "posts"}
    assert any("خادم الحرمين" in t for t in posts_text) and any("الملك" in t for t in posts_text)
    assert "posts" in king[0].articles and "posts" not in prince[0].articles
    # وزير الخارجية السعودي alone is the Saudi minister; the posts are not names.
    assert any(m.article == "posts" for m in jubeir[0].mentions)
    assert "وزير الخارجية السعودي" not in (jubeir[0].label, *jubeir[0].aliases)
    # No node is made of a post alone.
    assert not [e for e in g.entities if e.kind == "person" and e.label.startswith("خادم")]
    statements = [ev for ev in g.events if ev.type == "Statement" and "posts" in ev.articles]
    assert any(king[0].id in {p.entity for p in ev.participants} for ev in statements)


def test_a_post_held_by_two_people_stays_unattached() -> None:
    text = "وقال وزير الخارجية إن الاجتماع كان مثمرا."
    named = (
        "التقى وزير الخارجية السعودي عادل الجبير في جدة اليوم وزير الخارجية الأمريكي جون كيري.\n"
        "والتقى وزير الخارجية الروسي سيرغي لافروف في موسكو وزير الخارجية الإيراني محمد جواد ظريف."
    )
    g = resolve(
        [
            extract(Article(id="n", text=named, dct=date(2023, 5, 9))),
            extract(Article(id="p", text=text, dct=date(2023, 5, 10))),
        ]
    )
    assert not [e for e in g.entities if "p" in e.articles and e.kind == "person"]


def test_over_reaching_names_are_trimmed_to_the_name_they_reach_for() -> None:
    from kg.resolve.entities import LocalRef as R
    from kg.resolve.entities import _trim_overreach

    persons = [(R(a, 0), "باراك اوباما") for a in range(6)]
    persons += [(R(a, 1), "اوباما") for a in range(6, 9)]
    persons += [(R(10, 0), "باراك اوباما مروجا لاتفاقه"), (R(11, 0), "اوباما يستعجل")]
    persons += [(R(a, 0), "سلمان") for a in range(12, 20)] + [(R(20, 0), "سلمان العوده")]
    trimmed = _trim_overreach(persons)
    assert trimmed["باراك اوباما مروجا لاتفاقه"] == "باراك اوباما"
    assert trimmed["اوباما يستعجل"] == "اوباما"
    # A given name alone is no family name: another man, not a stray word.
    assert "سلمان العوده" not in trimmed


def test_father_and_son_of_one_name_stay_apart() -> None:
    from kg.extract.entities import same_person_name

    assert not same_person_name("جورج بوش الاب", "جورج بوش الابن")
    assert same_person_name("جورج دبليو بوش", "جورج بوش الابن")
    assert same_person_name("سيرجي لافروف", "سيرغي لافروف")
    assert not same_person_name("جمال خاشقجي", "كمال خاشقجي")


def test_generation_words_keep_two_men_of_one_name_apart_in_an_article() -> None:
    text = "وقال الرئيس الأمريكي الأسبق جورج بوش الأب إن ابنه جورج بوش الابن أخطأ في العراق."
    f = extract(Article(id="bush", text=text, dct=date(2015, 7, 22)))
    assert {e.name for e in f.entities if e.kind == "person"} == {"جورج بوش الأب", "جورج بوش الابن"}


def test_a_given_name_without_a_post_is_not_the_king_named_elsewhere() -> None:
    king = (
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في جدة اليوم الوفد. "
        "وأكد الملك سلمان دعمه."
    )
    titled = "وأقسم الوزراء الجدد أمام الملك سلمان في قصر السلام بجدة."
    sport = "سجل اللاعب سلمان المؤشر هدفا. وقال سلمان إن الفريق قدم مباراة كبيرة."
    g = resolve(
        [
            extract(Article(id="k", text=king, dct=date(2015, 7, 20))),
            extract(Article(id="t", text=titled, dct=date(2015, 7, 21))),
            extract(Article(id="s", text=sport, dct=date(2015, 7, 21))),
        ]
    )
    the_king = _persons(g, "سلمان بن عبدالعزيز")[0]
    # ``أمام الملك سلمان``: before the king (أمام is no imam), who is the king named elsewhere.
    assert "t" in the_king.articles
    assert "s" not in the_king.articles


def test_a_post_alone_goes_to_the_one_seen_holding_it_most() -> None:
    named = [
        f"وأصدر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود أمرا ملكيا رقم {k}." for k in range(4)
    ]
    # A stray reading gives the post to someone else once: the post still names the king.
    stray = "وحضر خادم الحرمين الشريفين عبدالفتاح السيسي المصري الحفل."
    alone = "وقال خادم الحرمين الشريفين إن المملكة ماضية في الإصلاح."
    arts = [Article(id=f"n{k}", text=t, dct=date(2015, 7, 20)) for k, t in enumerate(named)]
    arts += [
        Article(id="x", text=stray, dct=date(2015, 7, 20)),
        Article(id="a", text=alone, dct=date(2015, 8, 4)),
    ]
    g = resolve([extract(a) for a in arts])
    the_king = _persons(g, "سلمان بن عبدالعزيز")[0]
    assert "a" in the_king.articles


def test_a_king_by_his_title_across_articles_and_no_person_in_a_place_named_after_him() -> None:
    founder = "أسس الملك عبدالعزيز بن عبدالرحمن آل سعود المملكة العربية السعودية."
    short = "وفي عهد الملك عبدالعزيز، توسعت المدينة."
    airport = "ووصل الوفد إلى مطار الملك عبدالعزيز الدولي بجدة."
    g = _resolved(
        ("f", founder, date(2015, 7, 20)), ("s", short, date(2015, 7, 21)), ("a", airport, date(2015, 7, 21))
    )
    the_founder = _persons(g, "عبدالعزيز بن عبدالرحمن")
    assert len(the_founder) == 1 and {"f", "s"} <= set(the_founder[0].articles)
    assert not [e for e in g.entities if e.kind == "person" and "a" in e.articles]


def test_a_mauritanian_name_and_a_post_of_former_times() -> None:
    text = (
        "التقى المبعوث الأممي إسماعيل ولد الشيخ أحمد في الرياض الرئيس اليمني. "
        "وكان الرئيس الأميركي آنذاك جورج بوش الأب قد زار المنطقة."
    )
    f = extract(Article(id="m", text=text, dct=date(2015, 7, 21)))
    names = {e.name for e in f.entities if e.kind == "person" and not e.title_only}
    assert "إسماعيل ولد الشيخ أحمد" in names and "جورج بوش الأب" in names


def test_a_family_name_the_corpus_knows_is_found_where_an_article_uses_it_alone() -> None:
    # A public figure (named with his post in five reports and more), and a place he is
    # named with in two of them that the bare report names too.
    places = ["الدوحة", "الدوحة", "جدة", "جدة", "الرياض", "الرياض"]
    named = [f"التقى وزير الخارجية السعودي عادل الجبير في {p} اليوم نظيره {k}." for k, p in enumerate(places)]
    bare = "وقام الجبير بزيارة مفاجئة إلى الدوحة والتقى أميرها."
    arts = [Article(id=f"n{k}", text=t, dct=date(2015, 8, 2)) for k, t in enumerate(named)]
    arts.append(Article(id="bare", text=bare, dct=date(2015, 8, 3)))
    g = resolve([extract(a) for a in arts])
    jubeir = _persons(g, "عادل الجبير")
    assert len(jubeir) == 1 and "bare" in jubeir[0].articles
    m = next(m for m in jubeir[0].mentions if m.article == "bare")
    assert bare[m.start : m.end] == "الجبير"


def test_a_post_after_a_name_read_without_one() -> None:
    text = "استقبل ولي العهد أمس عادل بن أحمد الجبير وزير الخارجية. ونقل وزير الخارجية تحيات الملك."
    f = extract(Article(id="p", text=text, dct=date(2015, 8, 2)))
    jubeir = [k for k, e in enumerate(f.entities) if e.name == "عادل بن أحمد الجبير"]
    assert len(jubeir) == 1 and "وزير الخارجية" in f.entities[jubeir[0]].titles
    # The minister alone, later, is him: no post left for resolution to guess at.
    assert [m.text for m in f.mentions if m.entity == jubeir[0]][-1] == "وزير الخارجية"


def test_a_post_with_epithets_is_its_holder_but_not_a_former_one() -> None:
    named = "وقال الرئيس التركي رجب طيب أردوغان في أنقرة اليوم إن بلاده ستواصل عملياتها."
    epithet = "وندد الرئيس التركي الإسلامي المحافظ بالهجوم خلال زيارته."
    former = "وقال الرئيس التركي الأسبق إن الحكومة أخطأت."
    g = _resolved(
        ("n", named, date(2015, 7, 20)), ("e", epithet, date(2015, 7, 21)), ("f", former, date(2015, 7, 21))
    )
    erdogan = _persons(g, "أردوغان")
    assert len(erdogan) == 1 and "e" in erdogan[0].articles and "f" not in erdogan[0].articles
