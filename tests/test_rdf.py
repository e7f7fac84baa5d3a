"""The RDF mapping: contract triples, SHACL validity, stable IRIs, hostile strings."""

from __future__ import annotations

import dataclasses
import re
import time
from datetime import date
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from kg.model import (
    Article,
    Entity,
    EventMention,
    EventNode,
    Graph,
    MentionRef,
    Participation,
    TimeExpression,
    TitleHeld,
)
from kg.rdf import graph_to_rdf, graph_to_triples, mint, to_turtle, write_turtle
from kg.rdf import terms as t

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "hadath.ttl"
SHAPES = ROOT / "ontology" / "hadath-shapes.ttl"

# Texts written for these tests.
TEXT_A = (
    "طرابلس - استقبل وزير الدفاع صلاح الدين النمروش اليوم الجمعة في طرابلس نظيره التركي خلوصي أكار.\n"
    "وكانت حكومة الوفاق الوطني قد وقعت مع تركيا مذكرة تفاهم في نوفمبر 2019.\n"
    "وقال النمروش في وقت سابق إن التعاون مستمر."
)
TEXT_B = 'أعلن صلاح النمروش أن وفدا سيزور أنقرة في رمضان 1442.\nوعلق أحمد </script> "x" > على الخبر.'
HOSTILE_NAME = 'أحمد </script> "x"\n> \\ <b>'
HOSTILE_URL = 'http://example.org/أخبار/a b<c>"{x}|y\\^`.html'
HOSTILE_ARTICLE_ID = "b 2/../x?<>#ي"


def _ref(article: str, text: str, needle: str, nth: int = 0) -> MentionRef:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return MentionRef(article, start, start + len(needle), needle)


def _sentence(article: str, text: str, needle: str) -> MentionRef:
    """The line that holds ``needle`` (the texts have one sentence a line)."""
    start = text.rindex("\n", 0, text.index(needle)) + 1 if "\n" in text[: text.index(needle)] else 0
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return MentionRef(article, start, end, text[start:end])


def _event_mention(article: str, text: str, trigger: str) -> EventMention:
    return EventMention(article, _ref(article, text, trigger), _sentence(article, text, trigger))


def sample_graph() -> Graph:
    a, b = "awj-001", HOSTILE_ARTICLE_ID
    articles = (
        Article(
            id=a,
            text=TEXT_A,
            title="النمروش يستقبل أكار في طرابلس",
            url="https://example.org/news/1?id=5&lang=ar",
            source="وكالة الأنباء الليبية",
            dct=date(2020, 7, 3),
            origin="samples/a.txt",
        ),
        Article(
            id=b,
            text=TEXT_B,
            title='خبر </script> "عاجل"\n> ثان',
            url=HOSTILE_URL,
            source="outlet-b",
            dct=date(2020, 7, 5),
            origin="samples/b.jsonl#2",
        ),
    )
    namroush = Entity(
        id="person/aaa111",
        kind="person",
        label="صلاح الدين النمروش",
        aliases=("النمروش", "صلاح النمروش"),
        titles=(TitleHeld("وزير الدفاع", "organization/gna", date(2020, 7, 3), date(2020, 7, 5)),),
        affiliation="organization/gna",
        country="LY",
        subtype=None,
        articles=(a, b),
        mentions=(
            _ref(a, TEXT_A, "صلاح الدين النمروش"),
            _ref(a, TEXT_A, "النمروش", 1),
            _ref(b, TEXT_B, "صلاح النمروش"),
        ),
    )
    akar = Entity(
        id="person/bbb222",
        kind="person",
        label="خلوصي أكار",
        aliases=(),
        titles=(TitleHeld("وزير الدفاع", "place/tr", date(2020, 7, 3), date(2020, 7, 3)),),
        affiliation="place/tr",
        country="TR",
        subtype=None,
        articles=(a,),
        mentions=(_ref(a, TEXT_A, "خلوصي أكار"),),
    )
    gna = Entity(
        "organization/gna", "organization", "حكومة الوفاق الوطني", ("حكومة الوفاق",), (), None, "LY",
        "government", (a,), (_ref(a, TEXT_A, "حكومة الوفاق الوطني"),),
    )  # fmt: skip
    tripoli = Entity(
        "place/tripoli", "place", "طرابلس", (), (), None, "LY", "city", (a,),
        (_ref(a, TEXT_A, "طرابلس"), _ref(a, TEXT_A, "طرابلس", 1)),
    )  # fmt: skip
    turkey = Entity(
        "place/tr", "place", "تركيا", (), (), None, "TR", "country", (a,), (_ref(a, TEXT_A, "تركيا"),)
    )
    ankara = Entity(
        "place/ankara", "place", "أنقرة", (), (), None, "TR", "city", (b,), (_ref(b, TEXT_B, "أنقرة"),)
    )
    hostile = Entity(
        "person/ccc333", "person", HOSTILE_NAME, ("<b>", 'x"y'), (), None, None, None, (b,),
        (_ref(b, TEXT_B, 'أحمد </script> "x" >'),),
    )  # fmt: skip
    day = TimeExpression(
        _ref(a, TEXT_A, "اليوم الجمعة").start, _ref(a, TEXT_A, "اليوم الجمعة").end, "اليوم الجمعة",
        "2020-07-03", "day", date(2020, 7, 3), date(2020, 7, 3), relative=True, weekday=4,
    )  # fmt: skip
    month = TimeExpression(0, 0, "نوفمبر 2019", "2019-11", "month", date(2019, 11, 1), date(2019, 11, 30))
    unresolved = TimeExpression(0, 0, "في وقت سابق", None, "unresolved", direction="past")
    ramadan = TimeExpression(
        0, 0, "رمضان 1442", "2021-04-13/2021-05-12", "month", date(2021, 4, 13), date(2021, 5, 12),
        calendar="hijri", direction="future",
    )  # fmt: skip
    events = (
        EventNode(
            "event/m1", "Meeting", "لقاء: النمروش، أكار",
            (Participation("person/aaa111", "host"), Participation("person/bbb222", "guest")),
            "place/tripoli", day, "happened", (a,), (_event_mention(a, TEXT_A, "استقبل"),),
        ),
        EventNode(
            "event/ag1", "Agreement", "اتفاق: حكومة الوفاق الوطني، تركيا",
            (Participation("organization/gna", "signatory"), Participation("place/tr", "signatory")),
            None, month, "happened", (a,), (_event_mention(a, TEXT_A, "وقعت"),),
        ),
        EventNode(
            "event/st1", "Statement", "تصريح: النمروش",
            (Participation("person/aaa111", "speaker"),),
            None, unresolved, "happened", (a,), (_event_mention(a, TEXT_A, "وقال"),),
        ),
        EventNode(
            "event/v1", "Visit", "زيارة: حكومة الوفاق الوطني إلى أنقرة",
            (Participation("organization/gna", "visitor"), Participation("place/ankara", "destination")),
            None, ramadan, "planned", (b,), (_event_mention(b, TEXT_B, "سيزور"),),
        ),
    )  # fmt: skip
    return Graph(articles, (namroush, akar, gna, tripoli, turkey, ankara, hostile), events)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return sample_graph()


@pytest.fixture(scope="module")
def turtle(graph: Graph) -> bytes:
    return to_turtle(graph)


@pytest.fixture(scope="module")
def rdf(turtle: bytes) -> rdflib.Graph:
    return rdflib.Graph().parse(data=turtle, format="turtle")


def _ask(g: rdflib.Graph, body: str) -> bool:
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in t.PREFIXES.items())
    return bool(g.query(prefixes + "ASK {" + body + "}").askAnswer)


def _event(eid: str) -> URIRef:
    return URIRef(mint.event_iri(eid))


def _person(pid: str) -> URIRef:
    return URIRef(mint.entity_iri(pid, "person"))


# ---- structure -----------------------------------------------------------------------


def test_turtle_has_the_prefixes_and_reparses(turtle: bytes, rdf: rdflib.Graph) -> None:
    head = turtle.decode("utf-8").split("\n\n", 1)[0]
    for prefix in ("hd", "sem", "time", "prov", "schema", "skos", "nif", "gaf", "org", "xsd", "rdfs"):
        assert f"@prefix {prefix}: <{t.PREFIXES[prefix]}> ." in head
    assert len(rdf) == len(graph_to_triples(sample_graph()))
    # pyoxigraph reads it too (that is what the store does).
    assert len(list(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE))) == len(rdf)


def test_same_graph_same_turtle(graph: Graph, turtle: bytes) -> None:
    assert to_turtle(graph) == turtle
    shuffled = Graph(
        tuple(reversed(graph.articles)), tuple(reversed(graph.entities)), tuple(reversed(graph.events))
    )
    assert to_turtle(shuffled) == turtle
    assert b"_:" not in turtle  # no blank nodes: every node has a stable IRI


def test_graph_is_valid_against_the_shapes(rdf: rdflib.Graph) -> None:
    shapes = rdflib.Graph().parse(SHAPES)
    conforms, _, report = validate(rdf, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_shapes_catch_broken_events_and_mentions(graph: Graph) -> None:
    bad_event = dataclasses.replace(graph.events[0], participants=(), articles=())
    bad_ref = MentionRef("awj-001", 9, 3, "x")
    bad_entity = dataclasses.replace(graph.entities[0], mentions=(bad_ref,))
    broken = Graph(graph.articles, (bad_entity, *graph.entities[1:]), (bad_event,))
    g = graph_to_rdf(broken)
    extra = rdflib.Graph().parse(data=f"<{_event('event/m1')}> a <{t.VISIT}> .", format="turtle")
    g += extra  # two event classes on one event
    shapes = rdflib.Graph().parse(SHAPES)
    conforms, _, report = validate(g, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "at least one sem:hasActor" in report
    assert "exactly one of hd:Meeting" in report
    assert "derived from at least one article" in report
    assert "begins before it ends" in report


def test_every_hd_term_is_declared_in_the_ontology() -> None:
    ontology = rdflib.Graph().parse(ONTOLOGY)
    used = set(t.hd_terms())
    # Any HD.xxx or HD["xxx"] written in kg/rdf counts too.
    for path in (ROOT / "kg" / "rdf").glob("*.py"):
        for name in re.findall(r"\bHD(?:\.(\w+)|\[\"(\w+)\"\])", path.read_text("utf-8")):
            used.add(t.HD[name[0] or name[1]])
    assert len(used) > 20
    undeclared = [str(u) for u in used if (u, RDF.type, None) not in ontology]
    assert not undeclared
    for term in used:  # and each has an Arabic label for the pages
        assert any(lbl.language == "ar" for lbl in ontology.objects(term, RDFS.label)), term


def test_only_kg_rdf_spells_ontology_iris() -> None:
    namespaces = [str(t.HD), str(t.SEM), str(t.NIF), str(t.GAF), "https://schema.org/", "w3.org/2006/time"]
    offenders = []
    for path in (ROOT / "kg").rglob("*.py"):
        if "rdf" in path.relative_to(ROOT / "kg").parts[:1]:
            continue
        text = path.read_text("utf-8")
        offenders += [f"{path}: {ns}" for ns in namespaces if ns in text]
    assert not offenders


# ---- the contract ----------------------------------------------------------------------


def test_meeting_roles_place_and_day(rdf: rdflib.Graph) -> None:
    m1 = _event("event/m1")
    assert (m1, RDF.type, t.SEM_EVENT) in rdf and (m1, RDF.type, t.MEETING) in rdf
    assert (m1, t.HAS_ACTOR, _person("person/aaa111")) in rdf  # the direct link
    assert _ask(
        rdf,
        f"""<{m1}> sem:hasActor [ a sem:Role ; rdf:value <{_person("person/aaa111")}> ;
                                 sem:roleType hd:host ] ,
                            [ a sem:Role ; rdf:value <{_person("person/bbb222")}> ; sem:roleType hd:guest ] ;
                  sem:hasPlace place:tripoli ; hd:status hd:Happened ;
                  sem:hasTimeStamp "2020-07-03"^^xsd:date ;
                  time:hasTime [ a time:Instant ; time:inXSDDate "2020-07-03"^^xsd:date ] ;
                  prov:wasDerivedFrom article:awj-001 .""",
    )
    label = rdf.value(m1, RDFS.label)
    assert label.language == "ar" and "النمروش" in label


def test_agreement_month_is_a_gyearmonth_and_an_interval(rdf: rdflib.Graph) -> None:
    ag = _event("event/ag1")
    assert rdf.value(ag, t.HAS_TIME_STAMP) == Literal("2019-11", datatype=XSD.gYearMonth)
    assert _ask(
        rdf,
        f"""<{ag}> sem:hasBeginTimeStamp "2019-11-01"^^xsd:date ; sem:hasEndTimeStamp "2019-11-30"^^xsd:date ;
                  time:hasTime [ a time:ProperInterval ;
                                 time:hasBeginning [ time:inXSDDate "2019-11-01"^^xsd:date ] ;
                                 time:hasEnd [ time:inXSDDate "2019-11-30"^^xsd:date ] ] ;
                  sem:hasActor place:tr .
            place:tr a sem:Actor, sem:Place, schema:Country ; hd:countryCode "TR" .""",
    )


def test_unresolved_time_keeps_the_text_and_no_stamp(rdf: rdflib.Graph) -> None:
    st1 = _event("event/st1")
    assert rdf.value(st1, t.UNRESOLVED_TIME) == Literal(True)
    assert rdf.value(st1, t.TIME_EXPRESSION) == Literal("في وقت سابق", lang="ar")
    assert rdf.value(st1, t.HAS_TIME_STAMP) is None and rdf.value(st1, t.HAS_TIME) is None


def test_planned_visit_with_a_hijri_month(rdf: rdflib.Graph) -> None:
    v1 = _event("event/v1")
    assert (v1, t.STATUS, t.PLANNED) in rdf and (v1, RDF.type, t.VISIT) in rdf
    assert rdf.value(v1, t.HAS_TIME_STAMP) is None  # a Hijri month is no Gregorian gYearMonth
    assert _ask(
        rdf,
        f"""<{v1}> sem:hasBeginTimeStamp "2021-04-13"^^xsd:date ; sem:hasEndTimeStamp "2021-05-12"^^xsd:date ;
                  time:hasTime ?t .
            ?t a time:DateTimeInterval ; time:hasDateTimeDescription ?d .
            ?d a time:GeneralDateTimeDescription ; time:hasTRS hd:HijriCalendar ;
               time:unitType time:unitMonth ; time:year "1442"^^time:generalYear ;
               time:month "--09"^^time:generalMonth .""",
    )


def test_person_names_titles_affiliation_and_provenance(rdf: rdflib.Graph) -> None:
    p = _person("person/aaa111")
    assert {str(x) for x in rdf.objects(p, t.ALT_LABEL)} == {"النمروش", "صلاح النمروش"}
    assert all(x.language == "ar" for x in rdf.objects(p, t.ALT_LABEL))
    assert _ask(
        rdf,
        f"""<{p}> a sem:Actor, schema:Person ; hd:affiliatedWith organization:gna ; hd:countryCode "LY" ;
                 prov:wasDerivedFrom article:awj-001 ;
                 hd:holdsTitle [ a hd:TitleHolding ; org:member <{p}> ; rdfs:label "وزير الدفاع"@ar ;
                                 org:organization organization:gna ;
                                 org:role [ a org:Role ; rdfs:label "وزير الدفاع"@ar ] ;
                                 hd:firstSeen "2020-07-03"^^xsd:date ; hd:lastSeen "2020-07-05"^^xsd:date ] .
            organization:gna a schema:GovernmentOrganization .""",
    )
    # Both ministers share one org:Role for the written title.
    roles = set(rdf.objects(None, t.ORG_ROLE))
    assert len(roles) == 1


def test_mentions_point_at_their_text(graph: Graph, rdf: rdflib.Graph) -> None:
    texts = {URIRef(mint.article_iri(a.id)): a.text for a in graph.articles}
    nodes = list(rdf.subjects(t.REFERENCE_CONTEXT, None))
    assert len(nodes) > 10
    for node in nodes:
        begin, end = int(rdf.value(node, t.BEGIN_INDEX)), int(rdf.value(node, t.END_INDEX))
        assert rdf.value(node, t.BEGIN_INDEX).datatype == XSD.nonNegativeInteger
        text = texts[rdf.value(node, t.REFERENCE_CONTEXT)]
        assert text[begin:end] == str(rdf.value(node, t.ANCHOR_OF))
    # An event's trigger leads to its sentence.
    assert _ask(
        rdf,
        """event:m1 gaf:denotedBy ?m . ?m nif:anchorOf "استقبل" ; hd:sentence ?s .
           ?s a nif:Sentence ; nif:anchorOf ?text . FILTER(STRSTARTS(?text, "طرابلس - استقبل"))""",
    )
    for node, text in texts.items():
        assert (node, t.IS_STRING, Literal(text)) in rdf


def test_articles_carry_their_metadata(rdf: rdflib.Graph) -> None:
    a = URIRef(mint.article_iri("awj-001"))
    assert _ask(
        rdf,
        f"""<{a}> a schema:NewsArticle, nif:Context ; schema:url <https://example.org/news/1?id=5&lang=ar> ;
                 schema:datePublished "2020-07-03"^^xsd:date ; schema:publisher "وكالة الأنباء الليبية" ;
                 hd:origin "samples/a.txt" ; schema:headline "النمروش يستقبل أكار في طرابلس"@ar .""",
    )
    without = graph_to_rdf(sample_graph(), include_text=False)
    assert not list(without.triples((None, t.IS_STRING, None)))


# ---- hostile strings and safe IRIs ----------------------------------------------------------

_SAFE_IRI = re.compile(r"https://w3id\.org/hadath/id/[A-Za-z0-9_%./-]+")


def test_hostile_strings_round_trip(rdf: rdflib.Graph, turtle: bytes) -> None:
    hostile = _person("person/ccc333")
    assert str(rdf.value(hostile, RDFS.label)) == HOSTILE_NAME
    assert {str(x) for x in rdf.objects(hostile, t.ALT_LABEL)} == {"<b>", 'x"y'}
    b = URIRef(mint.article_iri(HOSTILE_ARTICLE_ID))
    assert str(rdf.value(b, t.HEADLINE)) == 'خبر </script> "عاجل"\n> ثان'
    url = rdf.value(b, t.URL)
    assert url is not None and " " not in url and "<" not in url
    assert str(url).startswith("http://example.org/") and "%20" in str(url)
    assert str(rdf.value(b, t.IS_STRING)) == TEXT_B
    # Every data IRI is made of safe characters only, and no segment is "." or "..".
    for node in set(rdf.subjects()) | set(rdf.objects()):
        if isinstance(node, URIRef) and node.startswith(t.DATA):
            assert _SAFE_IRI.fullmatch(node), node
            assert "/../" not in node and "/./" not in node
    assert b"</script>" in turtle  # as text inside a literal, escaped where Turtle needs it


def test_an_unusable_url_stays_a_literal() -> None:
    g = sample_graph()
    odd = dataclasses.replace(g.articles[0], url="javascript:alert(1) <x>")
    rdf = graph_to_rdf(Graph((odd,), (), ()))
    value = rdf.value(URIRef(mint.article_iri(odd.id)), t.URL)
    assert isinstance(value, Literal) and str(value) == "javascript:alert(1) <x>"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("http://example.org/a b", "http://example.org/a%20b"),
        ("https://ar.example.org/أخبار/1", "https://ar.example.org/أخبار/1"),
        ('http://example.org/<>"{}|\\^`', "http://example.org/%3C%3E%22%7B%7D%7C%5C%5E%60"),
        ("ftp://example.org/a", None),
        ("example.org/a", None),
        ("http://", None),
        ("http://example.org/100%", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert mint.safe_url(url) == expected
    if expected:
        pyoxigraph.NamedNode(expected)  # a valid IRI


@given(st.text(max_size=200))
def test_segments_are_safe_and_stable(text: str) -> None:
    seg = mint.segment(text)
    assert re.fullmatch(r"[A-Za-z0-9_%-]+|h\.[0-9a-f]{32}", seg), seg
    assert seg == mint.segment(text)
    assert len(seg) <= mint.MAX_SEGMENT


@given(st.text(max_size=30), st.text(max_size=30))
def test_segments_tell_ids_apart(a: str, b: str) -> None:
    if a != b:
        assert mint.segment(a) != mint.segment(b)


def test_entity_iris_keep_the_kind_path() -> None:
    assert mint.entity_iri("person/3fa2", "person") == t.DATA + "person/3fa2"
    assert mint.entity_iri("odd id", "place") == t.DATA + "place/odd%20id"
    assert mint.event_iri("event/x/y") == t.DATA + "event/x%2Fy"
    assert mint.mention_iri("a.b", 3, 9) == t.DATA + "article/a%2Eb/mention/3-9"


def test_unknown_event_type_is_a_clear_error(graph: Graph) -> None:
    odd = dataclasses.replace(graph.events[0], type="Protest")
    with pytest.raises(ValueError, match=r"Protest.*hadath\.ttl"):
        graph_to_triples(Graph(graph.articles, graph.entities, (odd,)))


# ---- writing ----------------------------------------------------------------------------------


def test_write_turtle_is_atomic_and_counts(tmp_path: Path, graph: Graph, turtle: bytes) -> None:
    path = tmp_path / "out" / "graph.ttl"
    path.parent.mkdir()
    path.write_text("old")
    n = write_turtle(graph, path)
    assert path.read_bytes() == turtle
    assert n == len(rdflib.Graph().parse(path, format="turtle"))
    assert [p.name for p in path.parent.iterdir()] == ["graph.ttl"]  # no temp file left


def _big_graph(n_articles: int, mentions_per_article: int) -> Graph:
    text = "استقبل الوزير ضيفه في المدينة. " * 20
    day = date(2020, 1, 1)
    articles = tuple(Article(f"a{i}", text, title=f"خبر {i}", dct=day) for i in range(n_articles))
    entities, events = [], []
    for i in range(n_articles):
        a = f"a{i}"
        spans = [(8 * k, 8 * k + 6) for k in range(mentions_per_article)]
        refs = tuple(MentionRef(a, b, e, text[b:e]) for b, e in spans)
        entities.append(
            Entity(f"person/p{i}", "person", f"شخص {i}", (f"س {i}",), (), None, None, None, (a,), refs)
        )
        roles = (
            Participation(f"person/p{i}", "host"),
            Participation(f"person/p{(i + 1) % n_articles}", "guest"),
        )
        when = TimeExpression(0, 0, "أمس", "2020-01-01", "day", day, day)
        found = EventMention(a, MentionRef(a, 0, 6, text[:6]), MentionRef(a, 0, 30, text[:30]))
        events.append(
            EventNode(f"event/e{i}", "Meeting", f"لقاء {i}", roles, None, when, "happened", (a,), (found,))
        )
    return Graph(articles, tuple(entities), tuple(events))


def test_conversion_is_fast() -> None:
    big = _big_graph(200, 15)  # 3,000 entity mentions: a tenth of a SaudiNewsNet day
    t0 = time.perf_counter()
    data = to_turtle(big, include_text=False)
    elapsed = time.perf_counter() - t0
    assert data.count(b"nif:Phrase") >= 3000
    assert elapsed < 2.0, elapsed


def test_repeated_facts_give_no_duplicate_triples(graph: Graph) -> None:
    person, *others = graph.entities
    twice = dataclasses.replace(
        person,
        titles=(
            *person.titles,
            TitleHeld("وزير الدفاع", "organization/gna", date(2020, 6, 1), date(2020, 6, 2)),
        ),
        mentions=(*person.mentions, person.mentions[0]),
    )
    meeting = graph.events[0]
    again = dataclasses.replace(
        meeting,
        participants=(*meeting.participants, meeting.participants[0]),
        mentions=(*meeting.mentions, meeting.mentions[0]),
    )
    # A second event read from the same trigger shares its mention node.
    other = dataclasses.replace(meeting, id="event/m2", type="Statement")
    triples = graph_to_triples(Graph(graph.articles, (twice, *others), (again, other, *graph.events[1:])))
    assert len(triples) == len(set(map(str, triples)))
    rdf = graph_to_rdf(Graph(graph.articles, (twice, *others), graph.events))
    holding = rdf.value(_person("person/aaa111"), t.HOLDS_TITLE)
    assert str(rdf.value(holding, t.FIRST_SEEN)) == "2020-06-01"  # merged: earliest …
    assert str(rdf.value(holding, t.LAST_SEEN)) == "2020-07-05"  # … to latest


def test_written_files_get_the_usual_mode(tmp_path: Path, graph: Graph) -> None:
    import os

    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
