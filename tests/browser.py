"""Helpers for the page tests: graphs built by hand, a generated big graph, and a
headless Chromium that loads pages with the network blocked.

The texts are written for these tests (not taken from any outlet). Browser tests skip,
saying why, when the ``playwright`` package or a Chromium binary is missing; CI installs
both (pip ``playwright``, apt ``chromium``), and nothing is ever downloaded by playwright.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

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

# ---- a seed-like story, by hand --------------------------------------------------------

MEETING_A = (
    "استقبل وزير الدفاع بحكومة الوفاق الوطني صلاح الدين النمروش، اليوم الجمعة، في طرابلس "
    "وزير الدفاع التركي خلوصي أكار ورئيس الأركان العامة يشار غولار والوفد المرافق لهما.\n"
    "وبحث الجانبان سبل تعزيز التعاون العسكري بين البلدين."
)
MEETING_B = (
    "التقى النمروش بوزير الدفاع التركي خلوصى آكار في العاصمة طرابلس، بحضور رئيس الأركان غولار.\n"
    "وأكد آكار أن بلاده ستواصل دعم حكومة الوفاق."
)
VISIT = (
    "وصل وزير الدفاع التركي خلوصي أكار إلى ليبيا في زيارة رسمية تستغرق يومين.\n"
    "وقال أكار إن التعاون بين البلدين سيستمر في المرحلة المقبلة."
)
MEMORANDUM = (
    "وقع رئيس المجلس الرئاسي فايز السراج والرئيس التركي رجب طيب أردوغان في إسطنبول مذكرة تفاهم "
    "للتعاون الأمني والعسكري، بحضور وزير الداخلية فتحي باشاغا ورئيس الأركان محمد الشريف "
    "وآمر المنطقة العسكرية الغربية أسامة الجويلي.\n"
    "ومن المقرر أن يزور باشاغا أنقرة لاحقا لبحث تنفيذ المذكرة."
)


def _ref(article: Article, fragment: str) -> MentionRef:
    start = article.text.index(fragment)
    return MentionRef(article.id, start, start + len(fragment), fragment)


def _sentence(article: Article, inside: str) -> MentionRef:
    """The line of ``article`` that contains ``inside`` (these texts put one sentence a line)."""
    line = next(s for s in article.text.split("\n") if inside in s)
    return _ref(article, line)


def _mention(article: Article, trigger: str) -> EventMention:
    return EventMention(article.id, _ref(article, trigger), _sentence(article, trigger))


def _entity(
    id: str,
    kind: str,
    label: str,
    *,
    aliases: tuple[str, ...] = (),
    titles: tuple[TitleHeld, ...] = (),
    affiliation: str | None = None,
    country: str | None = None,
    subtype: str | None = None,
    articles: tuple[str, ...] = (),
) -> Entity:
    return Entity(id, kind, label, aliases, titles, affiliation, country, subtype, articles, ())  # type: ignore[arg-type]


def _day(value: str, text: str) -> TimeExpression:
    d = date.fromisoformat(value)
    return TimeExpression(0, len(text), text, value, "day", d, d)


def seed_graph() -> Graph:
    """النمروش hosts أكار and غولار in طرابلس on 2020-07-03; أكار visits ليبيا; a memorandum in 2019-11."""
    a1 = Article(
        "a1",
        MEETING_A,
        "النمروش يستقبل وزير الدفاع التركي في طرابلس",
        "https://example.org/news/1",
        "بوابة الوسط",
        date(2020, 7, 3),
    )
    a2 = Article(
        "a2",
        MEETING_B,
        "لقاء ليبي تركي في العاصمة",
        "https://example.org/news/2",
        "عين ليبيا",
        date(2020, 7, 4),
    )
    a3 = Article(
        "a3", VISIT, "أكار في ليبيا", "https://example.org/news/3", "وكالة الأنباء الليبية", date(2020, 7, 3)
    )
    a4 = Article("a4", MEMORANDUM, "توقيع مذكرة تفاهم أمنية", None, "ليبيا الأحرار", date(2019, 11, 28))
    defence = date(2020, 7, 3), date(2020, 7, 4)
    entities = (
        _entity(
            "person/namroush",
            "person",
            "صلاح الدين النمروش",
            aliases=("النمروش",),
            titles=(TitleHeld("وزير الدفاع", "organization/gna", *defence),),
            affiliation="organization/gna",
            country="LY",
            articles=("a1", "a2"),
        ),
        _entity(
            "person/akar",
            "person",
            "خلوصي أكار",
            aliases=("أكار", "خلوصى آكار", "آكار"),
            titles=(TitleHeld("وزير الدفاع", "place/tr", *defence),),
            affiliation="place/tr",
            country="TR",
            articles=("a1", "a2", "a3"),
        ),
        _entity(
            "person/guler",
            "person",
            "يشار غولار",
            aliases=("غولار",),
            titles=(TitleHeld("رئيس الأركان العامة", "place/tr", date(2020, 7, 3), date(2020, 7, 3)),),
            affiliation="place/tr",
            country="TR",
            articles=("a1", "a2"),
        ),
        _entity(
            "person/sarraj",
            "person",
            "فايز السراج",
            titles=(TitleHeld("رئيس المجلس الرئاسي", None, date(2019, 11, 28), date(2019, 11, 28)),),
            affiliation="organization/gna",
            country="LY",
            articles=("a4",),
        ),
        _entity(
            "person/erdogan",
            "person",
            "رجب طيب أردوغان",
            aliases=("أردوغان",),
            titles=(TitleHeld("الرئيس", "place/tr", date(2019, 11, 28), date(2019, 11, 28)),),
            affiliation="place/tr",
            country="TR",
            articles=("a4",),
        ),
        _entity(
            "person/bashagha",
            "person",
            "فتحي باشاغا",
            aliases=("باشاغا",),
            titles=(TitleHeld("وزير الداخلية", "organization/gna", date(2019, 11, 28), date(2019, 11, 28)),),
            affiliation="organization/gna",
            country="LY",
            articles=("a4",),
        ),
        _entity(
            "person/sharif",
            "person",
            "محمد الشريف",
            titles=(TitleHeld("رئيس الأركان", None, None, None),),
            articles=("a4",),
        ),
        _entity("person/juwaili", "person", "أسامة الجويلي", articles=("a4",)),
        _entity(
            "organization/gna",
            "organization",
            "حكومة الوفاق الوطني",
            aliases=("حكومة الوفاق",),
            affiliation="place/ly",
            country="LY",
            subtype="government",
            articles=("a1", "a2"),
        ),
        _entity("place/tripoli", "place", "طرابلس", country="LY", subtype="city", articles=("a1", "a2")),
        _entity("place/ly", "place", "ليبيا", country="LY", subtype="country", articles=("a3",)),
        _entity("place/tr", "place", "تركيا", country="TR", subtype="country", articles=("a1",)),
        _entity("place/istanbul", "place", "إسطنبول", country="TR", subtype="city", articles=("a4",)),
        _entity("place/ankara", "place", "أنقرة", country="TR", subtype="city", articles=("a4",)),
    )
    month = TimeExpression(0, 0, "", "2019-11", "month", date(2019, 11, 1), date(2019, 11, 30))
    later = TimeExpression(0, 5, "لاحقا", None, "unresolved")
    events = (
        EventNode(
            "event/meeting",
            "Meeting",
            "لقاء: النمروش، أكار، غولار",
            (
                Participation("person/namroush", "host"),
                Participation("person/akar", "guest"),
                Participation("person/guler", "guest"),
            ),
            "place/tripoli",
            _day("2020-07-03", "اليوم الجمعة"),
            "happened",
            ("a1", "a2"),
            (_mention(a1, "استقبل"), _mention(a2, "التقى")),
        ),
        EventNode(
            "event/visit",
            "Visit",
            "زيارة: أكار",
            (Participation("person/akar", "visitor"), Participation("place/ly", "destination")),
            None,
            _day("2020-07-03", "اليوم"),
            "happened",
            ("a3",),
            (_mention(a3, "زيارة"),),
        ),
        EventNode(
            "event/statement",
            "Statement",
            "تصريح: أكار",
            (Participation("person/akar", "speaker"),),
            None,
            None,
            "happened",
            ("a2", "a3"),
            (_mention(a3, "وقال"), _mention(a2, "وأكد")),
        ),
        EventNode(
            "event/memorandum",
            "Agreement",
            "اتفاق: السراج، أردوغان",
            (
                Participation("person/sarraj", "signatory"),
                Participation("person/erdogan", "signatory"),
                Participation("person/bashagha", "attendee"),
                Participation("person/sharif", "attendee"),
                Participation("person/juwaili", "attendee"),
            ),
            "place/istanbul",
            month,
            "happened",
            ("a4",),
            (_mention(a4, "مذكرة تفاهم"),),
        ),
        EventNode(
            "event/planned",
            "Visit",
            "زيارة: باشاغا",
            (Participation("person/bashagha", "visitor"), Participation("place/ankara", "destination")),
            None,
            later,
            "planned",
            ("a4",),
            (_mention(a4, "يزور"),),
        ),
    )
    return Graph((a1, a2, a3, a4), entities, events)


HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_CLOSE = "</script><script>alert(2)</script>"


def hostile_graph() -> Graph:
    """The seed graph with markup where text belongs: headline, sentence, label, alias, URL."""
    g = seed_graph()
    text = f"قال {HOSTILE} إن {HOSTILE_CLOSE} انتهى.\nسطر آخر &amp; \u2028 فاصل."
    bad = Article(
        "bad", text, f"عنوان {HOSTILE}", "javascript:alert(3)", f"<b>{HOSTILE_CLOSE}</b>", date(2020, 7, 5)
    )
    who = _entity(
        "person/hostile",
        "person",
        f"مجهول {HOSTILE}",
        aliases=(HOSTILE_CLOSE,),
        titles=(TitleHeld("<i>منصب</i>", "<script>x</script>", None, None),),
        articles=("bad",),
    )
    ev = EventNode(
        "event/hostile",
        "Statement",
        f"تصريح: {HOSTILE}",
        (Participation("person/hostile", "speaker"),),
        None,
        None,
        "happened",
        ("bad",),
        (_mention(bad, "قال"),),
    )
    return replace(g, articles=(*g.articles, bad), entities=(*g.entities, who), events=(*g.events, ev))


# ---- a generated big graph ----------------------------------------------------------------

_FIRST = (
    "محمد",
    "أحمد",
    "علي",
    "عمر",
    "خالد",
    "يوسف",
    "إبراهيم",
    "عبدالله",
    "سالم",
    "فيصل",
    "ناصر",
    "حسن",
    "طارق",
    "سعيد",
    "مصطفى",
    "هشام",
    "وليد",
    "كريم",
    "منصور",
    "ماجد",
)
_MIDDLE = (
    "بن سلمان",
    "بن راشد",
    "عبدالرحمن",
    "صالح",
    "محمود",
    "جمال",
    "فهد",
    "سعود",
    "حمد",
    "زايد",
    "عادل",
    "نبيل",
    "رشيد",
    "سامي",
    "أنور",
)
_FAMILY = (
    "الزروق",
    "الدبيبة",
    "الشمري",
    "العتيبي",
    "القحطاني",
    "الحربي",
    "المطيري",
    "الدوسري",
    "الغامدي",
    "الزهراني",
    "الشهري",
    "العنزي",
    "السبيعي",
    "البقمي",
    "الرشيدي",
    "الخالدي",
    "الهاشمي",
    "المصري",
    "التونسي",
    "الجزائري",
)
_ORG = ("وزارة", "هيئة", "مجلس", "شركة", "جامعة", "مؤسسة", "اتحاد", "صندوق")
_ORG_OF = (
    "التجارة",
    "الصحة",
    "الطاقة",
    "التعليم",
    "الثقافة",
    "الإعلام",
    "الاستثمار",
    "الزراعة",
    "النقل",
    "المياه",
    "السياحة",
    "الرياضة",
    "الصناعة",
    "الشؤون الخارجية",
    "الاتصالات",
)
_PLACE = (
    "الرياض",
    "جدة",
    "مكة",
    "المدينة",
    "الدمام",
    "أبها",
    "تبوك",
    "حائل",
    "جازان",
    "نجران",
    "القاهرة",
    "عمان",
    "بيروت",
    "تونس",
    "الرباط",
    "الدوحة",
    "مسقط",
    "الكويت",
    "المنامة",
    "بغداد",
)
_ROLES = {
    "Meeting": ("host", "guest", "participant"),
    "Visit": ("visitor", "destination"),
    "Agreement": ("signatory", "attendee"),
    "Statement": ("speaker",),
}


@dataclass
class _Names:
    rng: random.Random
    seen: set = field(default_factory=set)

    def unique(self, make) -> str:
        for n in range(1000):
            name = make() if n < 50 else f"{make()} {n}"
            if name not in self.seen:
                self.seen.add(name)
                return name
        raise AssertionError("name space exhausted")


def large_graph(n_entities: int = 3000, n_events: int = 1500, n_articles: int = 2000, seed: int = 1) -> Graph:
    """A news-day-sized graph: popular actors recur (Zipf-like), most events are small."""
    rng = random.Random(seed)
    names = _Names(rng)
    day0 = date(2015, 1, 1)
    articles = []
    for i in range(n_articles):
        text = ("جملة افتتاحية في الخبر رقم " + str(i) + ".\n") + "، ".join(rng.sample(_ORG_OF, 4)) + "."
        articles.append(
            Article(
                f"art{i}",
                text,
                f"خبر رقم {i} عن {rng.choice(_ORG_OF)}",
                f"https://example.org/{i}",
                rng.choice(("واس", "سبق", "عكاظ", "الرياض")),
                day0 + timedelta(days=rng.randrange(60)),
            )
        )
    n_people = n_entities * 6 // 10
    n_orgs = n_entities * 2 // 10
    entities = []
    for i in range(n_entities):
        if i < n_people:
            label = names.unique(lambda: f"{rng.choice(_FIRST)} {rng.choice(_MIDDLE)} {rng.choice(_FAMILY)}")
            kind = "person"
        elif i < n_people + n_orgs:
            label = names.unique(lambda: f"{rng.choice(_ORG)} {rng.choice(_ORG_OF)} {rng.choice(_PLACE)}")
            kind = "organization"
        else:
            label = names.unique(
                lambda: f"{rng.choice(_PLACE)} {rng.choice(('الشمالية', 'الجنوبية', 'الجديدة'))}"
            )
            kind = "place"
        entities.append(
            _entity(
                f"{kind}/g{i}",
                kind,
                label,
                aliases=(label.split()[-1],),
                articles=tuple(f"art{rng.randrange(n_articles)}" for _ in range(rng.randint(1, 4))),
            )
        )
    people = [e for e in entities if e.kind == "person"]
    orgs = [e for e in entities if e.kind == "organization"]
    places = [e for e in entities if e.kind == "place"]
    # Affiliations for a third of the people.
    entities = [
        replace(e, affiliation=rng.choice(orgs).id) if e.kind == "person" and rng.random() < 0.33 else e
        for e in entities
    ]
    family = {e.id: e.label.split()[-1] for e in people}
    weights = [1 / (r + 1) ** 0.8 for r in range(len(people))]  # a few people are in many stories
    events = []
    for i in range(n_events):
        type_ = rng.choice(tuple(_ROLES))
        actors = {p.id for p in rng.choices(people, weights, k=rng.randint(1, 4))}
        roles = _ROLES[type_]
        parts = tuple(Participation(a, roles[min(j, len(roles) - 1)]) for j, a in enumerate(sorted(actors)))
        if type_ == "Visit":
            parts = (*parts, Participation(rng.choice(places).id, "destination"))
        srcs = rng.sample(articles, k=min(8, int(rng.paretovariate(1.5))))  # mostly 1, sometimes many
        mentions = tuple(_mention(a, "جملة") for a in srcs)
        when = day0 + timedelta(days=rng.randrange(60))
        time = _day(when.isoformat(), "اليوم") if rng.random() < 0.85 else None
        place = rng.choice(places).id if rng.random() < 0.6 else None
        label = f"{type_}: " + "، ".join(family[p.entity] for p in parts if p.entity in family)
        events.append(
            EventNode(
                f"event/g{i}",
                type_,
                label,
                parts,
                place,
                time,  # type: ignore[arg-type]
                "planned" if rng.random() < 0.1 else "happened",
                tuple(a.id for a in srcs),
                mentions,
            )
        )
    return Graph(tuple(articles), tuple(entities), tuple(events))


def outlier_graph(early: int = 3, late: int = 2) -> Graph:
    """A small news-day graph (events over 60 days of 2015) with ``early`` events dated 1904
    and ``late`` dated 2035: misread or far-off dates that must not stretch the timeline."""
    g = large_graph(n_entities=300, n_events=200, n_articles=200)
    dated = [i for i, ev in enumerate(g.events) if ev.time is not None]
    events = list(g.events)
    for k, i in enumerate(dated[: early + late]):
        events[i] = replace(events[i], time=_day("1904-05-01" if k < early else "2035-01-01", "عام"))
    return replace(g, events=tuple(events))


# ---- a headless Chromium with the network off -----------------------------------------------


@dataclass
class Loaded:
    """A page opened from disk, and what happened while it loaded and ran."""

    page: object  # playwright Page
    attempted: list[str]  # non-file requests, all aborted
    requests: list[str]  # every request the page made
    console_errors: list[str]
    page_errors: list[str]
    dialogs: list[str]


def _missing(why: str) -> None:
    # CI sets HADATH_REQUIRE_BROWSER: there a missing browser fails instead of skipping.
    if os.environ.get("HADATH_REQUIRE_BROWSER"):
        pytest.fail(why)
    pytest.skip(why)


def require_browser() -> tuple[object, str]:
    """``sync_playwright`` and the Chromium path, or skip the test saying what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("browser tests need the playwright package (in the test extra): pip install -e '.[test]'")
    from kg.pages.screenshot import find_chromium

    chromium = find_chromium()
    if chromium is None:
        _missing("browser tests need a Chromium binary: apt-get install chromium (or set HADATH_CHROMIUM)")
    return sync_playwright, chromium


@contextmanager
def chromium_browser() -> Iterator[object]:
    sync_playwright, chromium = require_browser()
    from kg.pages.screenshot import launch

    with sync_playwright() as p:  # type: ignore[operator]
        browser = launch(p, chromium)
        try:
            yield browser
        finally:
            browser.close()


def open_offline(
    browser, path: Path, *, width: int = 1400, height: int = 900, timeout_ms: int = 60_000
) -> Loaded:
    """Open ``path`` from a file URL with every other request aborted; wait for the first draw."""
    from kg.pages.screenshot import block_network

    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    loaded = Loaded(page, [], [], [], [], [])
    page.on("request", lambda r: loaded.requests.append(r.url))
    page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: loaded.page_errors.append(str(e)))

    def on_dialog(d) -> None:
        loaded.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    block_network(page, loaded.attempted)
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("html[data-ready='1']", timeout=timeout_ms)
    return loaded
