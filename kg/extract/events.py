"""Events and their roles, read from verb (and a few noun) triggers in each sentence.

Arabic news is verb-first: ``استقبل [host] … [guest] و[guest]``. The first actor after
the trigger is its subject; actors after it in the same clause are objects, ``مع X``
is a co-participant, ``بحضور X`` an attendee. Visits take their destination from
``إلى``/``ل`` + place. A future prefix (``سيزور``) or a future date marks the event
as planned.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.arabic.normalize import normalize
from kg.arabic.tokens import Token, bare_forms
from kg.model import Mention, Role, Span, TimeExpression


@dataclass(frozen=True)
class Trigger:
    type: str
    subject_role: str
    object_role: str
    needs_object_noun: frozenset[str] = frozenset()  # ``عقد`` counts only before ``اجتماعا``
    nominal: bool = False


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_MEETING_NOUNS = _n("اجتماعا اجتماعاً اجتماع لقاء لقاءا لقاءات اجتماعات مباحثات محادثات جلسة جلسه قمة")
_AGREEMENT_NOUNS = _n("اتفاق اتفاقا اتفاقية اتفاقيات مذكرة مذكرات معاهدة بروتوكول")

# Verb stems (past and present, normalised) → trigger.
_VERBS: dict[str, Trigger] = {}


def _add(words: str, trigger: Trigger) -> None:
    for w in _n(words):
        _VERBS[w] = trigger


_add("استقبل يستقبل تستقبل استقبلت", Trigger("Meeting", "host", "guest"))
_add("التقى يلتقي تلتقي التقت التقي", Trigger("Meeting", "participant", "participant"))
_add("اجتمع يجتمع تجتمع اجتمعت", Trigger("Meeting", "participant", "participant"))
_add("بحث يبحث تبحث بحثت ناقش يناقش ناقشت استعرض يستعرض", Trigger("Meeting", "participant", "participant"))
_add(
    "عقد يعقد عقدت عقدا أجرى يجري أجرت أجريا",
    Trigger("Meeting", "participant", "participant", needs_object_noun=_MEETING_NOUNS),
)
_add("حضر يحضر حضرت شارك يشارك شاركت", Trigger("Meeting", "attendee", "attendee"))
_add("زار يزور تزور زارت", Trigger("Visit", "visitor", "destination"))
_add("وصل يصل وصلت", Trigger("Visit", "visitor", "destination"))
_add(
    "وقع يوقع وقعت وقعا وقّع أبرم يبرم",
    Trigger("Agreement", "signatory", "signatory", needs_object_noun=_AGREEMENT_NOUNS),
)
_add(
    "قال يقول قالت أكد يؤكد أكدت صرح يصرح صرحت أشار يشير أشارت أوضح يوضح أوضحت"
    " لفت شدد يشدد شددت أعلن يعلن أعلنت أضاف",
    Trigger("Statement", "speaker", "speaker"),
)


def is_trigger_word(norm: str) -> bool:
    """A known trigger verb, with its future prefix or a dual/plural ending (``أكدا``)."""
    return any(form in _VERBS for form in (norm, norm[1:] if norm[:1] == "س" else norm, norm[:-1], norm[:-2]))


_VISIT_NOUN = Trigger("Visit", "visitor", "destination", nominal=True)
_AGREEMENT_NOUN = Trigger("Agreement", "signatory", "signatory", nominal=True)
_VISIT_NOUNS = _n("زيارة زيارته زيارتها")
_SIGNED = _n("الموقعة الموقع الموقعه الموقّعة")
_FUTURE_MODALS = _n("المقرر المتوقع المنتظر يعتزم تعتزم سوف المرتقب المرتقبة المزمع")
_NEGATIONS = _n("لم لن لا ما")
_CLAUSE_END = set(".;؛:!?؟") | {"وذلك", "حيث", "بينما", "فيما", "كما"}
_ATTEND = _n("بحضور بمشاركة وبحضور وبمشاركة")
_DEST_PREPS = _n("الى إلى")
_WITH = _n("مع ومع")
_BETWEEN = _n("بين")
_CONTENT_START = _n("أن ان إن بأن وأن") | {":", "«", "“", '"'}
_MEDIA_HEADS = _n("قناة صحيفة وكالة إذاعة تلفزيون موقع")
_PAIR_WORDS = _n("البلدين الجانبين الطرفين البلدان الجانبان الطرفان الوزيرين الوزيران الرئيسين الرئيسان")


@dataclass(frozen=True)
class ActorRef:
    mention: int  # index into the article's mentions
    first: int  # token index
    last: int


def find_events(
    tokens: list[Token],
    sentence: Span,
    mentions: list[Mention],
    actor_refs: list[ActorRef],
    place_refs: list[ActorRef],
    times: list[tuple[int, TimeExpression]],
    dct_known: bool,
    pair: tuple[int, int] | None,
    sides: tuple[int, ...] = (),
) -> list[dict]:
    """Events in one sentence, as dicts the caller turns into ``Event`` objects.

    ``actor_refs``/``place_refs`` are the sentence's person/organisation and place
    mentions by token index; ``times`` pairs the index of each time expression with it;
    ``pair`` is the article's two main countries, for ``البلدين``; ``sides`` the entities of
    the meeting told last, for ``الجانبان`` (the two sides).
    """
    events = []
    hits = [(k, h) for k in range(len(tokens)) if (h := _trigger_at(tokens, k)) is not None]
    # Each date belongs to the trigger nearest to it: in ``أكد … أن مذكرة التفاهم الموقعة
    # في شهر نوفمبر الماضي`` the month dates the memorandum, not the statement.
    owner = (
        {
            k: min((abs(tok_idx - t) + (0 if tok_idx > t else 3), t) for t, _ in hits)[1]
            for k, (tok_idx, _) in enumerate(times)
        }
        if hits
        else {}
    )
    for t_idx, hit in hits:
        tok = tokens[t_idx]
        trigger, future_prefix = hit
        if t_idx > 0 and tokens[t_idx - 1].norm in _NEGATIONS:
            continue
        roles = _roles(tokens, t_idx, trigger, actor_refs, mentions)
        from_sides = False
        if sides and trigger.type != "Statement" and _pair_word_near(tokens, t_idx):
            # ``وبحث الجانبان``, ``ووقّع الجانبان``: the two sides of the meeting just told.
            role = "signatory" if trigger.type == "Agreement" else "participant"
            roles = [(-1 - e, role) for e in sides] + [r for r in roles if r[1] == "attendee"]
            from_sides = True
        if (
            trigger.type == "Agreement"
            and not roles
            and pair
            and any(tokens[k].norm in _PAIR_WORDS for k in range(t_idx, min(len(tokens), t_idx + 6)))
        ):
            roles = [(-1 - pair[0], "signatory"), (-1 - pair[1], "signatory")]
        acting = {m for m, _ in roles if m >= 0}
        place = _place(tokens, t_idx, trigger, [p for p in place_refs if p.mention not in acting], mentions)
        if trigger.type == "Visit" and place is not None:
            roles.append((-1 - mentions[place].entity, "destination"))
        if not [r for r in roles if r[1] != "destination"]:
            continue
        # A statement is dated by what stands before its content (``قال … أمس إن``); dates in
        # what was said belong to the content.
        cut = _content_start(tokens, t_idx) if trigger.type == "Statement" else len(tokens)
        time_idx = _nearest_time(
            t_idx,
            [
                (ti, te) if owner.get(k) == t_idx and ti < cut else (ti, None)
                for k, (ti, te) in enumerate(times)
            ],
        )
        planned = future_prefix or _modal_before(tokens, t_idx)
        if time_idx is not None:
            te = times[time_idx][1]
            if te.direction == "future":
                planned = True
        events.append(
            {
                "type": trigger.type,
                "trigger": Span(tok.start, tok.end, tok.text),
                "roles": roles,
                "place": place,
                "time": time_idx,
                "status": "planned" if planned else "happened",
                "from_sides": from_sides,
            }
        )
    return events


def _pair_word_near(tokens: list[Token], t_idx: int) -> bool:
    # After the verb (``وقّع الجانبان``) or just before it (``أن الوزيرين وقّعا``).
    window = [*range(max(0, t_idx - 2), t_idx), *range(t_idx + 1, min(len(tokens), t_idx + 4))]
    return any(
        bare_forms(tokens[k].norm)[-1][1] in _PAIR_WORDS or tokens[k].norm in _PAIR_WORDS for k in window
    )


def _content_start(tokens: list[Token], t_idx: int) -> int:
    for k in range(t_idx + 1, len(tokens)):
        if tokens[k].norm in _CONTENT_START:
            return k
    return len(tokens)


def _trigger_at(tokens: list[Token], i: int) -> tuple[Trigger, bool] | None:
    tok = tokens[i]
    if not tok.is_arabic:
        return None
    for prefix, stem in bare_forms(tok.norm):
        if "ال" in prefix:
            continue
        future = False
        if stem.startswith("س") and stem[1:2] in ("ي", "ت", "ن") and stem[1:] in _VERBS:
            stem, future = stem[1:], True
        trig = _VERBS.get(stem)
        if trig and prefix in ("", "و", "ف"):
            if trig.needs_object_noun and not any(
                tokens[k].norm in trig.needs_object_noun
                or bare_forms(tokens[k].norm)[-1][1] in trig.needs_object_noun
                for k in range(i + 1, min(len(tokens), i + 12))
            ):
                continue
            return trig, future
        if stem in _VISIT_NOUNS and prefix in ("", "و", "ب"):
            return _VISIT_NOUN, False
        if stem in _AGREEMENT_NOUNS and i + 2 < len(tokens):
            following = [tokens[k].norm for k in range(i + 1, min(len(tokens), i + 4))]
            if any(w in _SIGNED for w in following):
                return _AGREEMENT_NOUN, False
    return None


def _clause_end(tokens: list[Token], start: int) -> int:
    for k in range(start, len(tokens)):
        if tokens[k].norm in _CLAUSE_END or (
            k > start and _trigger_at(tokens, k) and tokens[k].norm[0] == "و"
        ):
            return k
    return len(tokens)


def _attendance_end(tokens: list[Token], start: int) -> int:
    for k in range(start, len(tokens)):
        if tokens[k].norm in (".", "كما", "بينما", "فيما", "وذلك"):
            return k
    return len(tokens)


def _roles(
    tokens: list[Token], t_idx: int, trig: Trigger, actors: list[ActorRef], mentions: list[Mention]
) -> list[tuple[int, str]]:
    # Attendance lists run to the sentence end: ``وحضر المحادثات … كل من؛ أ، وب، وج``.
    end = (
        _attendance_end(tokens, t_idx + 1)
        if trig.subject_role == "attendee"
        else _clause_end(tokens, t_idx + 1)
    )
    after = [a for a in actors if t_idx < a.first < end]
    # A state acts only as the subject right after the verb (``وقّعت ليبيا وتركيا``, the second
    # joined by و), as a visit's destination, or with ``مع``; elsewhere it is talked about.
    lead = [a for a in after if a.first - t_idx <= 1]
    after = [
        a
        for a in after
        if mentions[a.mention].kind != "place"
        or a.first - t_idx <= 1
        or trig.type == "Visit"
        or _after_word(tokens, a.first, _WITH, 2)
        or (lead and mentions[lead[0].mention].kind == "place" and a.first == lead[-1].last + 1)
    ]
    roles: list[tuple[int, str]] = []
    if trig.subject_role == "attendee":
        # ``وحضر اللقاء … كل من أ، وب``: everyone listed attended.
        return [(a.mention, "attendee") for a in after if mentions[a.mention].kind != "place"]
    if trig.nominal and trig.type == "Visit":
        # ``زيارة وزير الدفاع التركي``: the visitor is the genitive right after the noun; with
        # ``أجرى … زيارة`` it is the subject written before.
        if after and after[0].first == t_idx + 1:
            roles.append((after[0].mention, "visitor"))
        elif t_idx > 0 and any(
            normalize(tokens[k].norm) in _n("أجرى اجرى قام يجري يقوم أجريا")
            or bare_forms(tokens[k].norm)[-1][1] in _n("أجرى قام")
            for k in range(max(0, t_idx - 6), t_idx)
        ):
            before = [a for a in actors if a.last < t_idx and mentions[a.mention].kind == "person"]
            roles.extend((a.mention, "visitor") for a in before)
        return roles
    if trig.nominal and trig.type == "Agreement":
        between = [k for k in range(t_idx, end) if tokens[k].norm in _BETWEEN]
        if between:
            roles.extend((a.mention, "signatory") for a in after if a.first > between[0])
        return roles
    if not after or (trig.type != "Statement" and after[0].first - t_idx > 4):
        # Subject written before the verb (``النمروش أكد``, ``أن الدبيبة سيزور أنقرة``).
        before = [a for a in actors if a.last < t_idx and t_idx - a.last <= 2]
        if before:
            roles.append((before[-1].mention, trig.subject_role))
        if not after or trig.type == "Statement":
            return roles
        objects = [
            (a.mention, _object_role(tokens, a, trig, mentions)) for a in after if a.first - t_idx <= 12
        ]
        return roles + [(m, r) for m, r in objects if r is not None]
    if trig.type == "Statement":
        # The speaker comes before what was said: after ``أن``/``إن``/a colon it is content.
        cut = next((k for k in range(t_idx + 1, end) if tokens[k].norm in _CONTENT_START), end)
        after = [a for a in after if a.first < cut]
        if not after:
            return roles
    else:
        after = [a for a in after if not _is_media(mentions[a.mention])]
        if not after:
            return roles
    subject = after[0]
    # The subject follows the verb closely; a far actor is an object (passive/pronoun subject).
    if subject.first - t_idx > 4 and trig.type != "Statement":
        subject = None
    # A headline puts the subject first: ``خادم الحرمين الشريفين يستقبل وزير الدفاع الأمريكي``.
    fronted = [
        a
        for a in actors
        if a.last == t_idx - 1 and mentions[a.mention].kind == "person" and not trig.nominal
    ]
    if fronted and trig.type != "Statement":
        roles.append((fronted[0].mention, trig.subject_role))
        subject = None
    elif subject is not None:
        roles.append((subject.mention, trig.subject_role))
    if trig.type == "Statement":
        return roles
    for a in after:
        if subject is not None and a is subject:
            continue
        role = _object_role(tokens, a, trig, mentions)
        if role is not None:
            roles.append((a.mention, role))
    return roles


def _object_role(tokens: list[Token], a: ActorRef, trig: Trigger, mentions: list[Mention]) -> str | None:
    """The role of an actor after the subject, or None when it takes no part."""
    if _inside_genitive_of_statement(tokens, a.first):
        return None
    preceding = tokens[a.first - 1].norm if a.first > 0 else ""
    head = tokens[a.first].norm
    with_ = _after_word(tokens, a.first, _WITH, 3) or head in _WITH
    if any(w in _ATTEND for w in (preceding, head)) or _after_word(tokens, a.first, _ATTEND, 4):
        return "attendee"
    if mentions[a.mention].kind == "place" and trig.type != "Visit":
        # ``وقّعت ليبيا وتركيا``: the second state joins the first.
        return trig.subject_role if trig.type in ("Agreement", "Meeting") else None
    if trig.type == "Visit":
        # People after a visit verb are companions, not destinations.
        return "visitor" if mentions[a.mention].kind == "person" else "destination"
    if trig.type == "Agreement":
        # What follows ``وقّع`` is the document and its subject matter; partners come with ``مع``
        # or on behalf of a side (``وقّعها عن الجانب الليبي …``).
        on_behalf = _after_word(tokens, a.first, _n("الجانب"), 4)
        return "signatory" if with_ or on_behalf else None
    if with_:
        return "participant" if trig.type == "Meeting" else trig.object_role
    return trig.object_role


def _is_media(m: Mention) -> bool:
    # A channel or agency is cited as a source, not a participant.
    head = normalize(m.text).split()[0] if m.text else ""
    return m.kind == "organization" and any(head.endswith(h) for h in _MEDIA_HEADS)


def _after_word(tokens: list[Token], first: int, words: frozenset[str], window: int) -> bool:
    for k in range(first - 1, max(-1, first - 1 - window), -1):
        if tokens[k].norm in words:
            return True
        if not tokens[k].is_word:
            return False
    return False


def _inside_genitive_of_statement(tokens: list[Token], first: int) -> bool:
    # ``تحيات الرئيس أوباما``: greetings conveyed from someone who is not there.
    return first > 0 and tokens[first - 1].norm in _n("تحيات تحية رسالة رساله تهاني تعازي")


def _place(
    tokens: list[Token], t_idx: int, trig: Trigger, places: list[ActorRef], mentions: list[Mention]
) -> int | None:
    end = _clause_end(tokens, t_idx + 1)
    candidates = [p for p in places if t_idx < p.first < end]
    if trig.type == "Visit":
        for p in candidates:
            prev = tokens[p.first - 1].norm if p.first > 0 else ""
            if prev in _DEST_PREPS or tokens[p.first].norm[:1] == "ل" or trig.nominal is False:
                return p.mention
        return None
    topic = next((k for k in range(t_idx + 1, end) if tokens[k].norm in _TOPIC_MARKERS), end)
    for p in candidates:
        if p.first > topic and trig.type != "Statement":
            break  # ``لبحث النزاعين في سورية``: what is discussed, not where
        if trig.type == "Statement":
            # A statement's place is where it was made (``قال … من طرابلس``), not what it is about.
            if p.first - t_idx <= 4 and p.first > 0 and tokens[p.first - 1].norm in _n("من في"):
                return p.mention
            continue
        # Where a meeting was held is said with ``في``/``بـ`` (``في الدوحة``, ``بالرياض``, ``في
        # العاصمة القطرية الدوحة``); a bare country after the trigger is most often its topic
        # (``اجتماع … يركز على سوريا``).
        if _locative(tokens, p, mentions):
            return p.mention
    return None


def _locative(tokens: list[Token], p: ActorRef, mentions: list[Mention]) -> bool:
    tok = tokens[p.first]
    clitics = tok.text[: max(0, mentions[p.mention].start - tok.start)]
    if "ب" in clitics:
        return True
    # ``في``, possibly with a head noun between: ``في العاصمة القطرية الدوحة``.
    for k in range(p.first - 1, max(-1, p.first - 4), -1):
        norm = tokens[k].norm
        if norm in _IN_PREPS:
            return True
        # A head noun or its nisba adjective (``العاصمة القطرية``).
        if norm not in _PLACE_HEADS and not (norm.startswith("ال") and norm.endswith("يه")):
            return False
    return False


_TOPIC_MARKERS = _n("لبحث لمناقشة بشأن حول لاستكمال للتباحث لتبادل تناول تناولت ناقش ناقشت بحث بحثا")
_IN_PREPS = _n("في داخل وفي")
_PLACE_HEADS = _n("العاصمة مدينة محافظة ولاية منطقة قصر مقر قاعدة")


def _nearest_time(t_idx: int, times: list[tuple[int, TimeExpression | None]]) -> int | None:
    best, dist = None, 10**9
    for k, (tok_idx, te) in enumerate(times):
        if te is None or te.kind in ("duration", "set"):
            continue
        d = abs(tok_idx - t_idx) + (0 if tok_idx > t_idx else 3)  # Arabic puts time after the verb
        if d < dist:
            best, dist = k, d
    return best


def _modal_before(tokens: list[Token], t_idx: int) -> bool:
    return any(tokens[k].norm in _FUTURE_MODALS for k in range(max(0, t_idx - 4), t_idx))


def role_priority(role: str) -> int:
    """When one actor gets several roles in one event, the most specific wins."""
    order = ["host", "guest", "visitor", "signatory", "speaker", "destination", "participant", "attendee"]
    return order.index(role) if role in order else len(order)


__all__ = ["ActorRef", "Role", "find_events", "role_priority"]
