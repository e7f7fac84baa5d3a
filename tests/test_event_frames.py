"""Events assembled across the sentences of one article (issue #15, second round), on short
articles written for the tests: the subject Arabic leaves unwritten, pronouns for the
visitor, the hosts of each leg of a tour, one meeting per counterpart, sources, topics and
posts that are no parties, talks planned during a dated visit, and the site footer."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.ingest.boilerplate import cut_boilerplate
from kg.model import Article, ArticleFacts, Event

DCT = date(2015, 7, 30)


def facts(text: str, dct: date | None = DCT) -> ArticleFacts:
    return extract(Article("t", text, dct=dct))


def roles(f: ArticleFacts, ev: Event) -> set[tuple[str, str]]:
    return {(f.entities[r.entity].name, r.role) for r in ev.roles}


def names(f: ArticleFacts, ev: Event, *wanted: str) -> set[str]:
    return {f.entities[r.entity].name for r in ev.roles if r.role in wanted}


def of_type(f: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in f.events if e.type == kind]


def test_the_unwritten_subject_is_the_visitor_told_before() -> None:
    f = facts(
        "وصل وزير الدفاع الأمريكي آشتون كارتر اليوم إلى أربيل. "
        "ومن المتوقع أن يلتقي خلال الزيارة مع رئيس الإقليم مسعود بارزاني."
    )
    (meeting,) = of_type(f, "Meeting")
    assert names(f, meeting, "participant") == {"آشتون كارتر", "مسعود بارزاني"}


def test_a_verb_after_a_resumptive_pronoun_has_the_visitor_as_subject() -> None:
    f = facts("غادر الأمير محمد بن سلمان القاهرة بعد زيارة عمل التقى خلالها الرئيس عبدالفتاح السيسي.")
    (meeting,) = of_type(f, "Meeting")
    assert names(f, meeting, "participant") == {"محمد بن سلمان", "عبدالفتاح السيسي"}


def test_a_visit_told_by_its_pronoun_after_a_reception_is_the_guests() -> None:
    f = facts("جاء ذلك خلال استقبال الرئيس عبدالفتاح السيسي للأمير محمد بن سلمان، أثناء زيارة سموه لمصر أمس.")
    (visit,) = of_type(f, "Visit")
    assert ("محمد بن سلمان", "visitor") in roles(f, visit)
    # Who received him at the reception hosts the reception, not the visit (no one is said
    # to have met him on arrival).
    assert not names(f, visit, "host")
    assert f.times[visit.time].value == "2015-07-29"
    # The meeting told before the visit in the sentence is of the visit's day.
    (meeting,) = of_type(f, "Meeting")
    assert ("عبدالفتاح السيسي", "host") in roles(f, meeting)
    assert f.times[meeting.time].value == "2015-07-29"


def test_each_leg_of_a_tour_has_the_host_who_received_him() -> None:
    f = facts(
        "زار الأمير سعود بن نايف الجبيل أمس، واستهل سموه الزيارة بزيارة أسرة الخالدي حيث كان "
        "في استقباله خالد بن أحمد الخالدي، بعد ذلك قام بزيارة أسرة العمري، وكان عبدالله بن "
        "سعد العمري في مقدمة مستقبليه."
    )
    hosted = {frozenset(names(f, v, "host")) for v in of_type(f, "Visit") if names(f, v, "host")}
    assert hosted == {frozenset({"خالد بن أحمد الخالدي"}), frozenset({"عبدالله بن سعد العمري"})}
    assert all(names(f, v, "visitor") == {"سعود بن نايف"} for v in of_type(f, "Visit"))


def test_receivers_named_after_the_visitor_host_his_visit() -> None:
    f = facts(
        "وصل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اليوم إلى طنجة في إجازة خاصة. "
        "وكان في استقبال خادم الحرمين الشريفين لدى وصوله مطار طنجة رئيس الحكومة المغربية "
        "عبدالإله بنكيران، ووالي طنجة محمد اليعقوبي. "
        "كما كان في استقباله سفير المملكة عبدالرحمن الجديع."
    )
    (visit,) = of_type(f, "Visit")
    assert names(f, visit, "visitor") == {"سلمان بن عبدالعزيز"}
    assert names(f, visit, "host") == {"عبدالإله بنكيران"}  # one host: the others stood beside him
    assert {"محمد اليعقوبي", "عبدالرحمن الجديع"} <= names(f, visit, "attendee")


def test_a_blessing_does_not_push_the_king_out_of_the_subject() -> None:
    f = facts("وصل بحفظ الله ورعايته خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اليوم إلى طنجة.")
    (visit,) = of_type(f, "Visit")
    assert names(f, visit, "visitor") == {"سلمان بن عبدالعزيز"}


def test_talks_with_several_counterparts_are_one_meeting_each_but_a_trilateral_is_one() -> None:
    f = facts("ومن المقرر أن يلتقي الوزير لوران فابيوس مع نظيره محمد جواد ظريف ووزير النفط بيجن زنغنه.")
    pairs = {frozenset(names(f, m, "participant")) for m in of_type(f, "Meeting")}
    assert pairs == {
        frozenset({"لوران فابيوس", "محمد جواد ظريف"}),
        frozenset({"لوران فابيوس", "بيجن زنغنه"}),
    }
    tri = facts("عقد الوزير أيمن الصفدي أمس اجتماعا ثلاثيا مع فؤاد حسين وسامح شكري.")
    (meeting,) = of_type(tri, "Meeting")
    assert names(tri, meeting, "participant") == {"أيمن الصفدي", "فؤاد حسين", "سامح شكري"}


def test_talks_planned_during_a_dated_visit_take_its_day() -> None:
    f = facts(
        "وصل وزير الخارجية الفرنسي لوران فابيوس يوم الأربعاء إلى طهران في زيارة لمدة يوم واحد. "
        "ومن المقرر أن يلتقي فابيوس مع نظيره محمد جواد ظريف."
    )
    (meeting,) = of_type(f, "Meeting")
    assert meeting.status == "planned"
    assert f.times[meeting.time].value == "2015-07-29" and meeting.date_source == "inherited"


def test_sources_topics_and_posts_are_no_parties() -> None:
    source = facts("وسيجري جون كيري محادثات مع سيرغي لافروف، بحسب وزارة الخارجية الأميركية.")
    (talks,) = of_type(source, "Meeting")
    assert names(source, talks, "participant") == {"جون كيري", "سيرغي لافروف"}
    topic = facts("يلتقي الرئيس محمد بخاري اليوم الرئيس بول بيا لبحث مكافحة جماعة بوكو حرام.")
    (meeting,) = of_type(topic, "Meeting")
    assert all("بوكو" not in n for n in names(topic, meeting, "participant"))
    post = facts("استقبل الأمير فيصل بن بندر أمس الشيخ عبدالله الخنين عضو هيئة كبار العلماء.")
    (reception,) = of_type(post, "Meeting")
    assert names(post, reception, "host", "guest") == {"فيصل بن بندر", "عبدالله الخنين"}


def test_a_place_after_a_visit_verb_is_where_the_delegation_goes() -> None:
    f = facts("يصل السودان الأحد المقبل وفد من وزارة النقل المصرية.")
    (visit,) = of_type(f, "Visit")
    assert ("السودان", "destination") in roles(f, visit)
    assert "السودان" not in names(f, visit, "visitor")
    assert any("وزارة النقل" in n for n in names(f, visit, "visitor"))


def test_a_plural_verb_is_no_visit_of_the_person_told_before() -> None:
    f = facts(
        "التقى وزير الخارجية ناصر جودة أمس في عمّان لجنة المتابعة. وكان أعضاء اللجنة قد وصلوا إلى عمّان أمس."
    )
    assert all("ناصر جودة" not in names(f, v, "visitor") for v in of_type(f, "Visit"))


def test_a_call_after_a_long_title_chain_is_a_call() -> None:
    f = facts(
        "أجرى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني "
        "لرئيس مجلس الوزراء وزير الدفاع اليوم اتصالاً هاتفياً بجلالة الملك عبدالله الثاني بن الحسين. "
        "وجرى خلال الاتصال بحث العلاقات الثنائية."
    )
    (call,) = of_type(f, "Call")
    assert ("عبدالله الثاني", "callee") in roles(f, call)
    assert not of_type(f, "Meeting")  # what was discussed during the call is no meeting


def test_the_callee_named_again_stays_the_callee() -> None:
    f = facts(
        "تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اتصالاً هاتفياً أمس من الرئيس "
        "فرانسوا هولاند جدد خلاله ترحيبه بخادم الحرمين الشريفين خلال زيارته الخاصة لفرنسا."
    )
    (call,) = of_type(f, "Call")
    assert ("سلمان بن عبدالعزيز", "callee") in roles(f, call)
    (visit,) = of_type(f, "Visit")
    assert visit.time is None  # the stay that framed the call began before it


def test_the_site_footer_is_no_evidence() -> None:
    body = "أجرى الأمير اتصالاً هاتفياً بالملك.\nرابط الخبر بصحيفة الوئام: الأمير يجري اتصالاً هاتفياً بالملك"
    text, _ = cut_boilerplate(body)
    assert "رابط الخبر" not in text and text.startswith("أجرى")


def test_no_unwritten_subject_where_a_common_noun_is_the_subject() -> None:
    f = facts(
        "وصل الأمير خالد بن سلمان إلى الرياض أمس. "
        "البعض يصل إلى الجزر الإيطالية ثم يعبرون الحدود. "
        "وقال إن إجمالي القروض وصل إلى مليار ريال."
    )
    (visit,) = of_type(f, "Visit")
    assert ("الرياض", "destination") in roles(f, visit)


def test_a_facility_named_after_a_person_is_no_actor() -> None:
    f = facts("غادر مطار الملك خالد الدولي بالعاصمة الرياض ثلاثة عشر مليون راكب.")
    assert not of_type(f, "Visit")


def test_meetings_named_by_their_noun_and_what_follows_it() -> None:
    gathered = facts("أعلن في الدوحة أمس عن لقاء ضمّ وزير الخارجية الروسي سيرغي لافروف مع خالد مشعل.")
    (meeting,) = of_type(gathered, "Meeting")
    assert names(gathered, meeting, "participant") == {"سيرغي لافروف", "خالد مشعل"}
    chaired = facts("وناشد المجلس في جلسته أمس برئاسة الأمير محمد بن نايف المجتمع الدولي.")
    (session,) = of_type(chaired, "Meeting")
    assert names(chaired, session, "host") == {"محمد بن نايف"}
    held = facts("وأكد الأمير محمد بن سلمان أن المباحثات التي أجراها مع الرئيس عبدالفتاح السيسي أمس مثمرة.")
    (talks,) = of_type(held, "Meeting")
    assert names(held, talks, "participant") == {"محمد بن سلمان", "عبدالفتاح السيسي"}
    hosted = facts(
        "تستضيف الأمانة العامة لجامعة الدول العربية الأربعاء المقبل الاجتماع المشترك لوزراء الدفاع."
    )
    (joint,) = of_type(hosted, "Meeting")
    assert joint.status == "planned" and any("جامعة الدول العربية" in n for n in names(hosted, joint, "host"))


def test_talks_during_a_phone_call_are_the_call() -> None:
    f = facts("بحث الرئيس باراك أوباما ونظيره التركي رجب طيب أردوغان، خلال اتصال هاتفي أمس، الحرب في سوريا.")
    assert of_type(f, "Call") and not of_type(f, "Meeting")


def test_an_invitation_to_visit_is_a_planned_visit_of_the_one_invited() -> None:
    f = facts(
        "وسلم الرئيس عبدالفتاح السيسي الأمير محمد بن سلمان رسالة تضمنت الدعوة لخادم الحرمين "
        "الشريفين الملك سلمان بن عبدالعزيز للقيام بزيارة رسمية لمصر."
    )
    (visit,) = of_type(f, "Visit")
    assert visit.status == "planned"
    assert roles(f, visit) >= {("سلمان بن عبدالعزيز", "visitor"), ("مصر", "destination")}


def test_the_visit_a_person_makes_is_his() -> None:
    f = facts("يذكر ان هذه اول زيارة يقوم بها سيرغي لافروف لمنطقة الخليج.")
    (visit,) = of_type(f, "Visit")
    assert names(f, visit, "visitor") == {"سيرغي لافروف"}


def test_what_follows_a_time_subordinator_is_another_event() -> None:
    f = facts(
        "يعقد في الدوحة اجتماع خلال زيارة سيرغي لافروف الى قطر اليوم. يذكر ان هذه اول زيارة يقوم "
        "بها لافروف لمنطقة الخليج بعد توصل ايران ومجموعة 5+1 في الرابع عشر من الشهر الماضي "
        "اتفاقا بشأن البرنامج النووي لطهران."
    )
    later = [v for v in of_type(f, "Visit") if v.trigger.start > 60]
    assert later and all(v.place is None or f.entities[v.place].name != "طهران" for v in later)
    assert all(v.time is None or f.times[v.time].value != "2015-06" for v in later)


def test_a_body_after_a_post_word_is_the_persons_post() -> None:
    f = facts(
        "استقبل المستشار بالديوان الملكي الدكتور عبدالله بن عبدالعزيز الربيعة اليوم وزيرة "
        "الإعلام اليمنية نادية السقاف."
    )
    (reception,) = of_type(f, "Meeting")
    assert all("الديوان" not in n for n in names(f, reception, "host", "guest"))


def test_a_stretched_post_word_alone_does_not_break_extraction() -> None:
    # Found by the property-based fuzz: a post word stretched with tatweel, nothing after it.
    assert facts("وزيرــــ").events == ()


def test_a_meeting_noun_before_with_names_the_meeting_and_its_pronoun_the_subject() -> None:
    # ``واجتماعه مع``: the talks are a meeting of the one the pronoun stands for (the visitor
    # just told) with whoever ``مع`` names; ``خلال لقائه مع`` too.
    f = facts(
        "وأشاد مجلس الوزراء بزيارة ولي العهد الأمير محمد بن نايف إلى الأردن واجتماعه مع "
        "العاهل الأردني الملك عبدالله الثاني. "
        "ووصل وزير الخارجية عادل الجبير إلى موسكو. وخلال لقائه مع نظيره الروسي سيرغي لافروف "
        "بحث الجانبان الأزمة السورية."
    )
    meetings = [names(f, ev, "participant") for ev in of_type(f, "Meeting")]
    assert {"محمد بن نايف", "عبدالله الثاني"} in meetings
    assert {"عادل الجبير", "سيرغي لافروف"} in meetings


def test_a_meeting_of_the_same_day_and_party_is_where_his_last_one_was() -> None:
    # In Jeddah yesterday; ``وفي سياق آخر، اجتمع الأمير`` the same day: in Jeddah too. After a
    # journey, no: he is somewhere else.
    f = facts(
        "التقى الأمير محمد بن سلمان في جدة أمس الرئيس الشيشاني رمضان قاديروف. "
        "وفي سياق آخر، اجتمع الأمير محمد بن سلمان مع رئيس حزب القوات اللبنانية سمير جعجع."
    )
    first, second = of_type(f, "Meeting")
    assert f.entities[first.place].name == "جدة"
    assert second.place == first.place
    g = facts(
        "التقى الأمير محمد بن سلمان في جدة أمس الرئيس الشيشاني رمضان قاديروف. "
        "ثم توجه الأمير محمد بن سلمان إلى الطائف، واجتمع مع رئيس حزب القوات اللبنانية سمير جعجع."
    )
    last = of_type(g, "Meeting")[-1]
    assert last.place is None or g.entities[last.place].name != "جدة"
