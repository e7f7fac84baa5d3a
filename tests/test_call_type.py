"""Phone calls (hd:Call, a consultation) and the source of an event's date (hd:dateSource),
from a hand-made Graph through RDF, SHACL, the exports and the pages (issue #15)."""

from __future__ import annotations

import csv
import dataclasses
import json
import typing
from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, URIRef

from kg.export import CSV_COLUMNS, write_events_csv, write_exports
from kg.model import (
    Article,
    DateSource,
    Entity,
    Event,
    EventMention,
    EventNode,
    EventType,
    Graph,
    MentionRef,
    Participation,
    Span,
    TimeExpression,
    event_date_source,
)
from kg.pages import write_graph_page, write_pages
from kg.pages.strings import DATE_SOURCES, EVENT_TYPES, ROLES, strings
from kg.rdf import graph_to_rdf, mint, to_turtle
from kg.rdf import terms as t

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "hadath.ttl"
SHAPES = ROOT / "ontology" / "hadath-shapes.ttl"

# Written for this test. The call's own sentence has no date: it is in the lead.
TEXT = (
    "أنقرة 2 يوليو 2020 - بحث الرئيس التركي رجب طيب أردوغان ورئيس المجلس الرئاسي فايز السراج "
    "تطورات الأوضاع في ليبيا.\n"
    "وأجرى أردوغان اتصالاً هاتفياً بالسراج تناول العلاقات الثنائية.\n"
    "وقال السراج إن التعاون مستمر."
)
ARTICLE = "call-001"


def _ref(needle: str) -> MentionRef:
    start = TEXT.index(needle)
    return MentionRef(ARTICLE, start, start + len(needle), needle)


def _sentence_of(needle: str) -> MentionRef:
    line = next(s for s in TEXT.split("\n") if needle in s)
    return _ref(line)


def _found(trigger: str) -> EventMention:
    return EventMention(ARTICLE, _ref(trigger), _sentence_of(trigger))


def call_graph() -> Graph:
    article = Article(
        ARTICLE,
        TEXT,
        "أردوغان يهاتف السراج",
        "https://example.org/news/call",
        "وكالة الأناضول",
        date(2020, 7, 2),
    )
    day = TimeExpression(
        _ref("2 يوليو 2020").start, _ref("2 يوليو 2020").end, "2 يوليو 2020",
        "2020-07-02", "day", date(2020, 7, 2), date(2020, 7, 2),
    )  # fmt: skip
    erdogan = Entity(
        "person/erdogan", "person", "رجب طيب أردوغان", ("أردوغان",), (), "place/tr", "TR", None,
        (ARTICLE,), (_ref("رجب طيب أردوغان"),),
    )  # fmt: skip
    sarraj = Entity(
        "person/sarraj", "person", "فايز السراج", ("السراج",), (), None, "LY", None,
        (ARTICLE,), (_ref("فايز السراج"),),
    )  # fmt: skip
    turkey = Entity("place/tr", "place", "تركيا", (), (), None, "TR", "country", (ARTICLE,), ())
    call = EventNode(
        "event/call",
        "Call",
        "اتصال هاتفي: أردوغان، السراج",
        (Participation("person/erdogan", "caller"), Participation("person/sarraj", "callee")),
        None,
        day,
        "happened",
        (ARTICLE,),
        (_found("أجرى"),),
        date_source="inherited",
    )
    # A statement the article gives no date for (and none recorded): it states hd:DateNone.
    statement = EventNode(
        "event/said", "Statement", "تصريح: السراج", (Participation("person/sarraj", "speaker"),),
        None, None, "happened", (ARTICLE,), (_found("وقال"),),
    )  # fmt: skip
    return Graph((article,), (erdogan, sarraj, turkey), (call, statement))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return call_graph()


@pytest.fixture(scope="module")
def rdf(graph: Graph) -> rdflib.Graph:
    return rdflib.Graph().parse(data=to_turtle(graph), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES)


def _ask(g: rdflib.Graph, body: str) -> bool:
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in t.PREFIXES.items())
    return bool(g.query(prefixes + "ASK {" + body + "}").askAnswer)


CALL = URIRef(mint.event_iri("event/call"))
SAID = URIRef(mint.event_iri("event/said"))


# ---- the model --------------------------------------------------------------------------------


def test_model_knows_calls_and_date_sources() -> None:
    assert "Call" in typing.get_args(EventType)
    assert set(typing.get_args(DateSource)) == {"stated", "inherited", "publication", "none"}
    # The new field is optional: every existing constructor call keeps working.
    ev = Event("Call", Span(0, 4, "أجرى"), Span(0, 10, "أجرى اتصال"), ())
    assert ev.date_source is None
    assert dataclasses.replace(ev, date_source="stated").date_source == "stated"


def test_event_date_source_follows_the_time(graph: Graph) -> None:
    call, said = graph.events
    assert event_date_source(call) == "inherited"
    assert event_date_source(said) == "none"  # no time: none, though nothing was recorded
    assert event_date_source(dataclasses.replace(said, date_source="stated")) == "none"
    assert event_date_source(dataclasses.replace(call, date_source=None)) is None
    assert event_date_source(dataclasses.replace(call, date_source="none")) is None  # a time says otherwise


# ---- the ontology and the shapes --------------------------------------------------------------


def test_ontology_declares_call_consultation_roles_and_date_sources(ontology: rdflib.Graph) -> None:
    for cls in (t.MEETING, t.VISIT, t.CALL):
        assert (cls, RDFS.subClassOf, t.CONSULTATION) in ontology
    assert (t.CONSULTATION, RDFS.subClassOf, t.SEM_EVENT) in ontology
    assert (t.CONSULTATION, RDF.type, OWL.Class) in ontology
    assert "PLOVER" in str(ontology.value(t.CONSULTATION, RDFS.seeAlso))
    for other in (t.AGREEMENT, t.STATEMENT):
        assert (other, RDFS.subClassOf, t.CONSULTATION) not in ontology
        assert (t.CALL, OWL.disjointWith, other) in ontology
    assert (t.MEETING, OWL.disjointWith, t.CALL) in ontology
    assert (t.VISIT, OWL.disjointWith, t.CALL) in ontology
    for role in ("caller", "callee"):
        iri = t.ROLE_TYPES[role]
        assert (iri, RDF.type, t.SEM_ROLE_TYPE) in ontology
        assert {lbl.language for lbl in ontology.objects(iri, RDFS.label)} == {"ar", "en"}
    assert (t.DATE_SOURCE, RDF.type, OWL.ObjectProperty) in ontology
    assert ontology.value(t.DATE_SOURCE, RDFS.range) == t.DATE_SOURCE_CLASS
    for iri in t.DATE_SOURCES.values():
        assert (iri, RDF.type, t.DATE_SOURCE_CLASS) in ontology
        assert {lbl.language for lbl in ontology.objects(iri, RDFS.label)} == {"ar", "en"}


def test_call_graph_is_valid_against_the_shapes(rdf: rdflib.Graph, shapes: rdflib.Graph) -> None:
    conforms, _, report = validate(rdf, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_shapes_catch_a_dated_date_none_and_unknown_values(graph: Graph, shapes: rdflib.Graph) -> None:
    g = graph_to_rdf(graph)
    g.remove((CALL, t.DATE_SOURCE, None))
    g.add((CALL, t.DATE_SOURCE, t.DATE_NONE))  # yet it has a time stamp
    conforms, _, report = validate(g, shacl_graph=shapes, inference="none")
    assert not conforms and "hd:DateNone has no sem:hasTimeStamp" in report
    g = graph_to_rdf(graph)
    g.add((CALL, t.DATE_SOURCE, t.HD.DateGuessed))  # two, and one unknown
    role = g.value(predicate=t.ROLE_TYPE, object=t.ROLE_TYPES["caller"], any=False)
    g.set((role, t.ROLE_TYPE, t.HD.dialler))
    conforms, _, report = validate(g, shacl_graph=shapes, inference="none")
    assert not conforms and "at most one hd:dateSource" in report
    assert "Value hd:dialler not in list" in report


# ---- RDF ----------------------------------------------------------------------------------------


def test_call_roles_date_and_date_source_in_rdf(rdf: rdflib.Graph) -> None:
    erdogan = URIRef(mint.entity_iri("person/erdogan", "person"))
    sarraj = URIRef(mint.entity_iri("person/sarraj", "person"))
    assert _ask(
        rdf,
        f"""<{CALL}> a sem:Event, hd:Call ;
                   sem:hasActor <{erdogan}>, <{sarraj}> ,
                                [ a sem:Role ; rdf:value <{erdogan}> ; sem:roleType hd:caller ] ,
                                [ a sem:Role ; rdf:value <{sarraj}> ; sem:roleType hd:callee ] ;
                   sem:hasTimeStamp "2020-07-02"^^xsd:date ;
                   hd:dateSource hd:DateInherited .""",
    )
    assert (CALL, RDF.type, t.CONSULTATION) not in rdf  # only its own class is stated
    # The undated statement says the article gave no date, and has no time.
    assert rdf.value(SAID, t.DATE_SOURCE) == t.DATE_NONE
    assert rdf.value(SAID, t.HAS_TIME_STAMP) is None and rdf.value(SAID, t.HAS_TIME) is None


def test_date_source_only_when_recorded_or_absent(graph: Graph) -> None:
    call = graph.events[0]
    for recorded, expected in (
        ("stated", t.DATE_SOURCES["stated"]),
        ("publication", t.DATE_SOURCES["publication"]),
        (None, None),  # not recorded: nothing stated
        ("none", None),  # contradicted by the time: nothing stated
    ):
        one = dataclasses.replace(call, date_source=recorded)
        g = graph_to_rdf(Graph(graph.articles, graph.entities, (one,)))
        assert g.value(CALL, t.DATE_SOURCE) == expected, recorded


def test_call_is_a_consultation_through_the_ontology(rdf: rdflib.Graph, ontology: rdflib.Graph) -> None:
    both = rdflib.Graph()
    both += rdf
    both += ontology
    q = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in t.PREFIXES.items())
    found = {row[0] for row in both.query(q + "SELECT ?e WHERE { ?e a/rdfs:subClassOf* hd:Consultation }")}
    assert found == {CALL}  # the statement is no consultation
    events = {row[0] for row in both.query(q + "SELECT ?e WHERE { ?e a/rdfs:subClassOf* sem:Event }")}
    assert events == {CALL, SAID}


def test_call_in_the_oxigraph_store(graph: Graph) -> None:
    store = pyoxigraph.Store()
    store.load(to_turtle(graph), format=pyoxigraph.RdfFormat.TURTLE)
    store.load(ONTOLOGY.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    q = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in t.PREFIXES.items()) + (
        "SELECT ?e ?role ?src WHERE { ?e a hd:Call ; a/rdfs:subClassOf* hd:Consultation ; "
        "sem:hasActor [ sem:roleType ?role ] ; hd:dateSource ?src } ORDER BY ?role"
    )
    rows = [(r["e"].value, r["role"].value, r["src"].value) for r in store.query(q)]
    assert rows == [
        (str(CALL), str(t.ROLE_TYPES["callee"]), str(t.DATE_SOURCES["inherited"])),
        (str(CALL), str(t.ROLE_TYPES["caller"]), str(t.DATE_SOURCES["inherited"])),
    ]


# ---- exports ------------------------------------------------------------------------------------


def test_events_csv_has_the_type_and_date_source(tmp_path: Path, graph: Graph) -> None:
    assert CSV_COLUMNS.index("date_source") == CSV_COLUMNS.index("precision") + 1
    rows, _ = write_events_csv(graph, tmp_path / "events.csv")
    assert rows == 2
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as f:
        by_id = {r["id"]: r for r in csv.DictReader(f)}
    call = by_id["event/call"]
    assert call["type"] == "Call" and call["date"] == "2020-07-02" and call["date_source"] == "inherited"
    assert call["actors"] == "caller:رجب طيب أردوغان; callee:فايز السراج"
    said = by_id["event/said"]
    assert said["date_source"] == "none" and said["date"] == "" and said["precision"] == "unresolved"
    old = dataclasses.replace(graph.events[0], date_source=None)
    unrecorded = Graph(graph.articles, graph.entities, (old,))
    write_events_csv(unrecorded, tmp_path / "old.csv")
    with open(tmp_path / "old.csv", encoding="utf-8", newline="") as f:
        assert next(csv.DictReader(f))["date_source"] == ""


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_network_files_carry_the_type_roles_and_date_source(tmp_path: Path, graph: Graph, name: str) -> None:
    write_exports(graph, tmp_path)
    g = (nx.read_graphml if name.endswith("graphml") else nx.read_gexf)(tmp_path / name)
    call = g.nodes["event/call"]
    assert call["type"] == "Call" and call["date_source"] == "inherited"
    assert g.nodes["event/said"]["date_source"] == "none"
    assert g.nodes["person/sarraj"]["date_source"] == ""  # present on every node
    assert g.edges["event/call", "person/erdogan"]["role"] == "caller"
    assert g.edges["event/call", "person/sarraj"]["role"] == "callee"


# ---- pages ------------------------------------------------------------------------------------------


def _page_json(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    tag = '<script type="application/json" id="hadath-data">'
    start = text.index(tag) + len(tag)
    return json.loads(text[start : text.index("</script>", start)])


def test_strings_cover_every_role_event_type_and_date_source() -> None:
    for lang in ("ar", "en"):
        assert set(ROLES[lang]) == set(t.ROLE_TYPES)
        assert set(EVENT_TYPES[lang]) == set(t.EVENT_CLASSES) == set(typing.get_args(EventType))
        assert set(DATE_SOURCES[lang]) == set(t.DATE_SOURCES) == set(typing.get_args(DateSource))
    ar, en = strings("ar"), strings("en")
    assert ar["event_types"]["Call"] == "اتصال هاتفي" and en["event_types"]["Call"] == "Phone call"
    assert ar["roles"]["caller"] == "المتصِل" and ar["roles"]["callee"] == "المتصَل به"
    assert en["roles"]["caller"] == "caller" and en["roles"]["callee"] == "callee"
    assert ar["date_sources"]["inherited"] == "التاريخ مستنتج من سياق المقال"
    assert ar["date_sources"]["stated"] == "التاريخ مذكور في جملة الحدث"


def test_graph_page_data_has_the_call_its_roles_and_date_source(tmp_path: Path, graph: Graph) -> None:
    write_graph_page(graph, tmp_path / "graph.html")
    data = _page_json(tmp_path / "graph.html")
    ids = [n["id"] for n in data["nodes"]]
    call = data["nodes"][ids.index("event/call")]
    assert call["type"] == "Call" and call["date_source"] == "inherited"
    assert call["time"]["value"] == "2020-07-02"
    assert data["nodes"][ids.index("event/said")]["date_source"] == "none"
    of_call = [e for e in data["edges"] if e["kind"] == "role" and ids[e["from"]] == "event/call"]
    roles = {ids[e["to"]]: e["roles"] for e in of_call}
    assert roles == {"person/erdogan": ["caller"], "person/sarraj": ["callee"]}
    assert data["strings"]["roles"]["caller"] == "المتصِل"
    assert data["strings"]["date_sources"]["inherited"] == "التاريخ مستنتج من سياق المقال"


def test_event_page_data_has_the_date_source(tmp_path: Path, graph: Graph) -> None:
    write_pages(graph, tmp_path)
    data = _page_json(tmp_path / "pages" / "event" / "event-call.html")
    assert data["node"]["type"] == "Call" and data["node"]["date_source"] == "inherited"
    assert {a["id"]: a["roles"] for a in data["actors"]} == {
        "person/erdogan": ["caller"],
        "person/sarraj": ["callee"],
    }


@pytest.mark.browser
def test_panel_and_event_page_show_roles_and_date_source(tmp_path: Path, graph: Graph) -> None:
    from tests.browser import chromium_browser, open_offline

    write_pages(graph, tmp_path)
    write_graph_page(graph, tmp_path / "graph.html", node_pages=True)
    write_graph_page(graph, tmp_path / "en.html", lang="en")
    with chromium_browser() as browser:
        loaded = open_offline(browser, tmp_path / "graph.html")
        page = loaded.page
        i = page.evaluate("window.hadath.data.nodes.findIndex(n => n.id === 'event/call')")
        page.evaluate("i => window.hadath.focusNode(i)", i)
        panel = page.inner_text("#panel-body")
        for expected in ("اتصال هاتفي", "2020-07-02", "التاريخ مستنتج من سياق المقال", "المتصِل", "المتصَل به"):
            assert expected in panel, expected
        assert page.locator("#type-filters input[value=Call]").count() == 1
        page.uncheck("#type-filters input[value=Call]")
        visible = set(page.evaluate("window.hadath.visibleIds().map(i => window.hadath.data.nodes[i].id)"))
        assert "event/call" not in visible and "event/said" in visible
        j = page.evaluate("window.hadath.data.nodes.findIndex(n => n.id === 'event/said')")
        page.evaluate("i => window.hadath.focusNode(i)", j)
        assert "لا يذكر المقال تاريخًا" in page.inner_text("#panel-body")
        assert loaded.console_errors == [] and loaded.page_errors == []
        loaded.page.context.close()

        loaded = open_offline(browser, tmp_path / "en.html")
        i = loaded.page.evaluate("window.hadath.data.nodes.findIndex(n => n.id === 'event/call')")
        loaded.page.evaluate("i => window.hadath.focusNode(i)", i)
        panel = loaded.page.inner_text("#panel-body")
        for expected in ("Phone call", "caller", "callee", "date inferred from the article's context"):
            assert expected in panel, expected
        loaded.page.context.close()

        loaded = open_offline(browser, tmp_path / "pages" / "event" / "event-call.html")
        facts = loaded.page.inner_text("#facts")
        assert "2020-07-02" in facts and "التاريخ مستنتج من سياق المقال" in facts
        actors = loaded.page.inner_text("#actors")
        assert "المتصِل" in actors and "المتصَل به" in actors
        assert loaded.console_errors == [] and loaded.page_errors == []
        loaded.page.context.close()
