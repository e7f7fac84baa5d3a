"""Posts alone chained to the person one article names with them (issue #15, class 4).

Texts written for these tests.
"""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleFacts


def _facts(text: str) -> ArticleFacts:
    return extract(Article(id="t", text=text, dct=date(2015, 7, 22)))


def _who(f: ArticleFacts, written: str, nth: int = 0) -> str:
    """The entity named by the ``nth`` person mention whose text is ``written``."""
    hits = [m for m in f.mentions if m.kind == "person" and m.text == written]
    assert len(hits) > nth, f"{written!r} not among {[m.text for m in f.mentions]}"
    return f.entities[hits[nth].entity].name


def _titles(f: ArticleFacts, name: str) -> tuple[str, ...]:
    return next(e.titles for e in f.entities if e.name == name)


def test_posts_after_a_name_are_his_and_answer_the_post_alone_later():
    f = _facts(
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز صاحب السمو الملكي الأمير محمد بن سلمان "
        "ولي ولي العهد وزير الدفاع. وأكد ولي ولي العهد خلال اللقاء أهمية التعاون."
    )
    assert _who(f, "وزير الدفاع") == "محمد بن سلمان"
    assert _who(f, "ولي ولي العهد") == "محمد بن سلمان"
    assert {"ولي ولي العهد", "وزير الدفاع"} <= set(_titles(f, "محمد بن سلمان"))
    (meeting,) = [e for e in f.events if e.type == "Meeting"]
    assert {f.entities[r.entity].name for r in meeting.roles} == {"سلمان بن عبدالعزيز", "محمد بن سلمان"}


def test_a_chain_of_posts_before_a_name_is_his():
    f = _facts("وحضر اللقاء وزير الدولة عضو مجلس الوزراء الدكتور مساعد العيبان.")
    assert _who(f, "وزير الدولة") == _who(f, "مساعد العيبان")
    assert _who(f, "عضو مجلس الوزراء") == _who(f, "مساعد العيبان")


def test_a_post_after_a_name_with_another_country_is_someone_else():
    f = _facts("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز وزير الخارجية الأمريكي في جدة.")
    assert _who(f, "وزير الخارجية الأمريكي") != "سلمان بن عبدالعزيز"


def test_post_of_a_region_and_of_a_country_alone():
    f = _facts(
        "استقبل أمير منطقة عسير الأمير فيصل بن خالد بن عبدالعزيز في مكتبه اليوم وزير الخارجية العماني "
        "يوسف بن علوي. وقال أمير منطقة عسير إن العلاقات متينة، وأكد وزير الخارجية العماني حرص بلاده."
    )
    assert _who(f, "أمير منطقة عسير") == "فيصل بن خالد بن عبدالعزيز"
    assert _who(f, "وزير الخارجية العماني") == "يوسف بن علوي"


def test_counterpart_named_after_wins():
    f = _facts("التقى وزير الخارجية السعودي عادل الجبير نظيره الروسي سيرغي لافروف في الدوحة اليوم.")
    (meeting,) = [e for e in f.events if e.type == "Meeting"]
    assert {f.entities[r.entity].name for r in meeting.roles if r.role == "participant"} == {
        "عادل الجبير",
        "سيرغي لافروف",
    }
    assert "وزير الخارجية" in _titles(f, "سيرغي لافروف")


def test_counterpart_alone_is_the_named_minister_of_that_country():
    f = _facts(
        "أعلن وزير الخارجية الروسي سيرغي لافروف أنه سيزور المنطقة. والتقى وزير الخارجية السعودي عادل "
        "الجبير نظيره الروسي في الدوحة اليوم. وبحث الجبير مع نظيره التعاون بين البلدين."
    )
    assert _who(f, "نظيره الروسي") == "سيرغي لافروف"
    assert _who(f, "نظيره") == "سيرغي لافروف"
    assert _who(f, "وزير الخارجية السعودي عادل الجبير") == "عادل الجبير"  # the name ends before it


def test_counterpart_alone_with_no_one_named_stays_a_post_of_that_country():
    f = _facts("والتقى وزير الخارجية السعودي عادل الجبير نظيره الروسي في الدوحة اليوم.")
    (post,) = [m for m in f.mentions if m.text == "نظيره الروسي"]
    e = f.entities[post.entity]
    assert e.title_only and e.titles == ("وزير الخارجية",) and e.affiliation == "RU"


def test_counterpart_takes_the_subjects_post_in_its_gender():
    f = _facts(
        "يصل الرئيس الأمريكي باراك أوباما إلى كينيا. وسيبحث أوباما مع نظيره الكيني أوهورو كينياتا قضايا "
        "الأمن. وصرح الرئيس الكيني بأن الزيارة مهمة."
    )
    (named,) = [m for m in f.mentions if m.text.startswith("نظيره الكيني")]
    kenyan = f.entities[named.entity]
    assert "الرئيس" in kenyan.titles and kenyan.affiliation == "KE"
    assert _who(f, "الرئيس الكيني") == kenyan.name
    f = _facts("التقت وزيرة الخارجية الليبية نجلاء المنقوش نظيرها التركي مولود جاويش أوغلو في طرابلس.")
    assert "وزير الخارجية" in _titles(f, "مولود جاويش أوغلو")


def test_head_with_a_demonym_is_the_named_holder():
    f = _facts(
        "استقبل وزير الثقافة والإعلام الدكتور عادل الطريفي في مكتبه بالرياض اليوم السفير الياباني نوبوهيرو "
        "كاتو. وأكد السفير الياباني حرص بلاده على التعاون."
    )
    assert _who(f, "السفير الياباني") == "نوبوهيرو كاتو"


def test_post_with_a_name_then_the_minister_and_the_family_name_are_one():
    f = _facts(
        "وصل وزير الدفاع الأمريكي آشتون كارتر إلى جدة اليوم. واستقبل خادم الحرمين الشريفين الوزير "
        "الأمريكي في قصر السلام. وقال كارتر إن المباحثات مثمرة."
    )
    assert _who(f, "الوزير الأمريكي") == "آشتون كارتر"
    assert _who(f, "كارتر") == "آشتون كارتر"
    assert _who(f, "خادم الحرمين الشريفين") != "آشتون كارتر"
    meeting = next(e for e in f.events if e.type == "Meeting")
    assert {f.entities[r.entity].name: r.role for r in meeting.roles}.get("آشتون كارتر") == "guest"


def test_head_with_a_demonym_and_two_holders_stays_unresolved():
    f = _facts(
        "التقى وزير الخارجية الأمريكي جون كيري ووزير الدفاع الأمريكي آشتون كارتر في واشنطن. "
        "وقال الوزير الأمريكي إن المحادثات جيدة."
    )
    assert not [m for m in f.mentions if m.text == "الوزير الأمريكي"]


def test_a_post_with_a_country_after_a_name_is_its_named_holder_not_an_apposition():
    f = _facts(
        "وصل وزير الدفاع الأمريكي آشتون كارتر إلى أربيل اليوم. والتقى مسعود بارزاني وزير الدفاع الأمريكي "
        "في مكتبه."
    )
    assert _who(f, "وزير الدفاع الأمريكي") == "آشتون كارتر"
    assert "وزير الدفاع" not in _titles(f, "مسعود بارزاني")
