"""Who takes which part in an event: the subject and objects of a trigger in its clause,
``مع`` (with), ``بحضور`` (attended by), the two sides (``الجانبان``), and which role wins
when one actor gets several."""

from __future__ import annotations

from collections.abc import Iterable

from kg import lexicon
from kg.arabic.names import is_name_word
from kg.arabic.normalize import normalize
from kg.arabic.tokens import Token, bare_forms
from kg.extract.events.clauses import Ends
from kg.extract.events.refs import ActorRef
from kg.lexicon.gazetteer import places
from kg.lexicon.triggers import Trigger, words
from kg.lexicon.vocab import HONORIFICS, ORG_HEADS, TITLE_WORDS, TITLES_ALONE
from kg.model import Mention, RoleName

_ATTEND = words("ATTEND")
_WITH = words("WITH")
_BETWEEN = words("BETWEEN")
_MEDIA_HEADS = words("MEDIA_HEADS")
_TOPIC_MARKERS = words("TOPIC_MARKERS")
_PURPOSE = words("PURPOSE_NOUNS")
_DEST_PREPS = words("DEST_PREPS")
_MEDIA_NAMES = frozenset(w.replace("_", " ") for w in words("MEDIA_NAMES"))
_PAIR_WORDS = words("PAIR_WORDS")
_STATEMENT_GENITIVES = words("STATEMENT_GENITIVES")
_ON_BEHALF = words("ON_BEHALF")
_VISIT_SUPPORT = words("VISIT_SUPPORT")
# Affixes matched as written against token norms (kg.lexicon.raw: tuples for startswith/endswith).
_PURPOSE_PREFIXES = lexicon.raw("PURPOSE_PREFIXES")  # للقاء
_COUNTERPART_STARTS = lexicon.raw("COUNTERPART_STARTS")  # نظيره
_DONE_BY_IT = lexicon.raw("DONE_BY_IT")  # زيارة يقوم بها
_T_PRONOUN_ENDINGS = lexicon.raw("T_PRONOUN_ENDINGS")  # زيارته
_PRONOUN_ENDINGS = lexicon.raw("PRONOUN_ENDINGS")  # استقباله
_NOT_PRONOUN_ENDINGS = lexicon.raw("NOT_PRONOUN_ENDINGS")  # اتجاه
_VISIT_SUPPORT_STEMS = words("VISIT_SUPPORT_STEMS")
_SOURCE_MARKERS = words("SOURCE_MARKERS")
_STATE_HEADS = words("STATE_HEADS")
_RELATIVES = words("RELATIVES")
_INVITATION = words("INVITATION")
_FACILITY_HEADS = words("FACILITY_HEADS")
_HONORIFIC_HEADS = words("HONORIFIC_HEADS")
_BLESSINGS = words("BLESSINGS")
_NOT_A_POST = words("NOT_A_POST") | _WITH | _ATTEND
_POST_HEADS = words("POST_HEADS")
_DELEGATION = words("DELEGATION")
_COMPANION = words("COMPANION") | _WITH
_PRE_VERB = words("PRE_VERB_PARTICLES")
_RESUMPTIVE = words("RESUMPTIVE")
_VISITOR_PRONOUNS = words("VISITOR_PRONOUNS")
_COMPLEMENTIZERS = words("COMPLEMENTIZERS")
_POST_UNITS = words("POST_UNITS")
_RECEPTION_NOUNS = words("RECEPTION_NOUNS")
_RECEPTION_VERBS = words("RECEPTION_VERBS")
_TOPIC_VERBS = words("TOPIC_VERBS")
_ABSTRACT_END = normalize("ية")  # as token norms write it (ة → ه)


def meeting_sides(event_type: str, entity_roles: Iterable[tuple[int, str]]) -> tuple[int, ...] | None:
    """The entities a later ``الجانبان``/``الطرفان`` stands for: the principals of a meeting
    between two parties or more, or None."""
    principals = tuple(dict.fromkeys(e for e, r in entity_roles if r in ("host", "guest", "participant")))
    return principals if event_type == "Meeting" and len(principals) >= 2 else None


def is_pair_word(norm: str) -> bool:
    """``البلدين``, ``الجانبان``, …: the two sides."""
    return norm in _PAIR_WORDS


def pair_word_near(tokens: list[Token], t_idx: int) -> bool:
    # After the verb (``وقّع الجانبان``) or just before it (``أن الوزيرين وقّعا``).
    window = [*range(max(0, t_idx - 2), t_idx), *range(t_idx + 1, min(len(tokens), t_idx + 4))]
    return any(tokens[k].stem in _PAIR_WORDS or tokens[k].norm in _PAIR_WORDS for k in window)


def find_roles(
    tokens: list[Token],
    t_idx: int,
    trig: Trigger,
    actors: list[ActorRef],
    mentions: list[Mention],
    ends: Ends,
) -> list[tuple[int, RoleName]]:
    """(mention index, role) of the actors the trigger at ``t_idx`` takes in its clause."""
    # Attendance lists run to the sentence end: ``وحضر المحادثات … كل من؛ أ، وب، وج``.
    end = ends.attendance[t_idx + 1] if trig.subject_role == "attendee" else ends.clause[t_idx + 1]
    # ``لرويترز``, ``بحسب وزارة الخارجية الأميركية``: a source of the report, not a party.
    actors = [
        a
        for a in actors
        if not _is_media(mentions[a.mention])
        and not after_word(tokens, a.first, _SOURCE_MARKERS, 3)
        and not names_a_facility(tokens, a.first)
        and not nameless_person(mentions[a.mention], mentions)
    ]
    if trig.type != "Statement":
        # ``… مع الرئيس بيا، وأن مسألة «بوكو حرام» ستكون …``: after أن comes what was said.
        end = next((k for k in range(t_idx + 1, end) if tokens[k].norm in _COMPLEMENTIZERS), end)
    if trig.type == "Visit" and not trig.nominal:
        # ``وصل … إلى أربيل للقاء بارزاني``, ``… لبحث``: whom he came to meet is no companion.
        end = next((k for k in range(t_idx + 1, end) if _purpose_word(tokens[k].norm)), end)
    if trig.type in ("Meeting", "Call", "Agreement") and not trig.nominal:
        # ``لبحث مكافحة بوكو حرام``, ``حول التصدي لـ…``: who is talked about takes no part.
        end = next((k for k in range(t_idx + 1, end) if _topic_starts(tokens, k)), end)
    after = [a for a in actors if t_idx < a.first < end]
    # A state acts only as the subject right after the verb (``وقّعت ليبيا وتركيا``, the second
    # joined by و), as a visit's destination, or with ``مع``; elsewhere it is talked about.
    lead = [a for a in after if _leads(tokens, t_idx, a.first)]
    after = [
        a
        for a in after
        if mentions[a.mention].kind != "place"
        or _leads(tokens, t_idx, a.first)
        or trig.type == "Visit"
        or after_word(tokens, a.first, _WITH, 2)
        or (lead and mentions[lead[0].mention].kind == "place" and a.first == lead[-1].last + 1)
    ]
    roles: list[tuple[int, RoleName]] = []
    if trig.subject_role == "attendee":
        # ``وحضر اللقاء … كل من أ، وب``: everyone listed attended.
        return [(a.mention, "attendee") for a in after if mentions[a.mention].kind != "place"]
    if trig.nominal and trig.type == "Visit":
        # ``زيارة وزير الدفاع التركي``: the visitor is the genitive right after the noun; with
        # ``أجرى … زيارة`` it is the subject written before.
        genitive = after[0] if after and after[0].first == t_idx + 1 else None
        if genitive is not None and mentions[genitive.mention].kind == "place":
            genitive = None  # ``زيارة لمصر``, ``بزيارة العراق``: where, not who
        invited = invitee(tokens, t_idx, actors, mentions)
        made_by = _made_by(tokens, t_idx, after, mentions)
        if made_by is not None:
            roles.append((made_by.mention, "visitor"))  # ``أول زيارة يقوم بها لافروف للخليج``
        elif genitive is not None:
            roles.append((genitive.mention, "visitor"))
        elif invited is not None:
            roles.append((invited.mention, "visitor"))  # ``وجّه الدعوة لخادم الحرمين لزيارة مصر``
        elif (support := visit_support_before(tokens, t_idx)) is not None:
            # ``قام الأمير X بزيارة``: the support verb's subject, between it and the noun, or
            # the sentence's subject written before it (``وكان الوزير X، يرافقه Y، أجرى زيارة``),
            # not a companion; else unwritten (``sentence``).
            people = [a for a in actors if mentions[a.mention].kind == "person"]
            between = [a for a in people if support < a.first < t_idx]
            before = [
                a for a in people if a.last < support and not after_word(tokens, a.first, _COMPANION, 3)
            ]
            roles.extend((a.mention, "visitor") for a in (between or before)[:1])
        return roles
    if trig.nominal and trig.type == "Meeting":
        # ``أكد الأمير … خلال استقباله السفير``: the pronoun is the person named before (the
        # speaker), the one received or met comes right after the noun.
        purpose = tokens[t_idx].norm.startswith(_PURPOSE_PREFIXES)  # ``للقاء X``: the subject meets X
        if not purpose and not _has_pronoun(tokens[t_idx].norm):
            # ``خلال استقبال الرئيس المصري لصاحب السمو الأمير …``: host after, guest with ل.
            if after and after[0].first - t_idx <= 2:
                roles.append((after[0].mention, trig.subject_role))
                roles.extend(
                    (a.mention, trig.object_role)
                    for a in after[1:]
                    if a.first - t_idx <= 12
                    and (_to_whom(tokens, a, after[0].last) or after_word(tokens, a.first, _WITH, 3))
                )
            return roles
        before = [a for a in actors if a.last < t_idx and mentions[a.mention].kind != "place"]
        if before:
            roles.append((before[0].mention, trig.subject_role))
        if after and after[0].first - t_idx <= 6:
            roles.append((after[0].mention, trig.object_role))
            roles.extend(
                (a.mention, trig.object_role)
                for a in after[1:]
                if a.first - t_idx <= 12
                and tokens[a.first].norm[:1] == "و"
                and not _is_media(mentions[a.mention])
            )
        return roles
    if trig.nominal and trig.type == "Agreement":
        # ``مذكرة تفاهم بين X وY``: the signatories stand after ``بين``.
        between_at = next((k for k in range(t_idx, end) if tokens[k].norm in _BETWEEN), None)
        if between_at is not None:
            roles.extend((a.mention, "signatory") for a in after if a.first > between_at)
        elif trig.actorless:
            roles.extend((a.mention, "signatory") for a in _signers_of_noun(tokens, t_idx, after, mentions))
        return roles
    if trig.type == "Visit":
        # ``يصل إلى الخرطوم الأحد وفد من وزارة النقل``: the body whose delegation travels.
        delegation = next(
            (
                a
                for a in after
                if a.first > 1
                and tokens[a.first - 1].norm == "من"
                and after_word(tokens, a.first - 1, _DELEGATION, 1)
            ),
            None,
        )
        if delegation is not None and mentions[delegation.mention].kind != "person":
            visitor: list[tuple[int, RoleName]] = [(delegation.mention, "visitor")]
            return visitor + [
                (a.mention, "destination") for a in after if mentions[a.mention].kind == "place"
            ]
    if not after or (trig.type != "Statement" and _gap(tokens, t_idx, after[0].first) > 4):
        # Subject written before the verb (``النمروش أكد``, ``أن الدبيبة سيزور أنقرة``).
        before = _antecedent(tokens, t_idx, actors, mentions) or [
            a for a in actors if a.last < t_idx and t_idx - a.last <= 2
        ]
        if trig.type == "Visit":
            before = [a for a in before if mentions[a.mention].kind != "place"]  # ``ومن الخرطوم سيتوجه``
        if before:
            roles.append((before[-1].mention, trig.subject_role))
            if trig.type == "Visit" and (host := _reception_host(tokens, before[-1], actors, mentions)):
                roles.append((host.mention, "host"))
        if not after or trig.type == "Statement":
            return roles
        objects = [
            (a.mention, _object_role(tokens, a, trig, mentions))
            for a in after
            if a.first - t_idx <= 12
            and not (_discussing(tokens, t_idx, trig) and _matter(tokens, a, after, roles, mentions))
        ]
        return roles + [(m, r) for m, r in objects if r is not None]
    if trig.type == "Statement":
        # The speaker comes before what was said: after ``أن``/``إن``/a colon it is content.
        cut = min(ends.content[t_idx + 1], end)
        after = [a for a in after if a.first < cut]
        if not after:
            return roles
    else:
        after = [a for a in after if not _is_media(mentions[a.mention])]
        if not after:
            return roles
    subject: ActorRef | None = after[0]
    if trig.type == "Visit":
        # ``يصل السودان الأحد وفد …``: a place after a visit verb is where he goes, never who.
        subject = next((a for a in after if mentions[a.mention].kind != "place"), None)
        if subject is None:
            subject = after[0] if mentions[after[0].mention].kind != "place" else None
    # The subject follows the verb closely; a far actor is an object (passive/pronoun subject).
    if subject is not None and _gap(tokens, t_idx, subject.first) > 4 and trig.type != "Statement":
        subject = None
    # A headline puts the subject first: ``خادم الحرمين الشريفين يستقبل وزير الدفاع الأمريكي``.
    fronted = [
        a
        for a in actors
        if _right_before(tokens, a.last, t_idx) and mentions[a.mention].kind == "person" and not trig.nominal
    ] or _antecedent(tokens, t_idx, actors, mentions)
    if fronted and trig.type != "Statement":
        roles.append((fronted[0].mention, trig.subject_role))
        if trig.type == "Visit" and (host := _reception_host(tokens, fronted[0], actors, mentions)):
            roles.append((host.mention, "host"))
        subject = None
    elif subject is not None:
        roles.append((subject.mention, trig.subject_role))
    if trig.type == "Statement":
        return roles
    topic = _discussing(tokens, t_idx, trig)
    for a in after:
        if subject is not None and a is subject:
            continue
        role = _object_role(tokens, a, trig, mentions)
        if topic and role == "participant" and not (_joined(tokens, subject, a) or _with(tokens, a)):
            continue  # ``وبحث الأمير وضع خطة لتسلم إدارة المدينة من أرامكو``: the matter discussed
        if role == "attendee" and trig.type == "Visit" and _joined(tokens, subject, a):
            role = "visitor"  # ``زار الملك والرئيس``: both visit
        if role is not None:
            roles.append((a.mention, role))
    return roles


def _signers_of_noun(
    tokens: list[Token], t_idx: int, after: list[ActorRef], mentions: list[Mention]
) -> list[ActorRef]:
    """Who signs, told after a signing noun: ``وقام بتوقيع المذكرة الدكتور X … وY`` (the
    support verb's subjects after the document), ``توقيع العقد مع النادي`` (with ``مع``)."""
    with_ = [a for a in after if after_word(tokens, a.first, _WITH, 2)]
    if with_ or visit_support_before(tokens, t_idx) is None:
        return with_
    people = [a for a in after if mentions[a.mention].kind == "person" and a.first - t_idx <= 6]
    if not people:
        return []
    # The first signer, and those joined to him with و (``وأ. د ماهر سليم``).
    joined = [a for a in after[after.index(people[0]) + 1 :] if _joined_by_and(tokens, a.first)]
    return [people[0], *(a for a in joined if mentions[a.mention].kind == "person")]


def _joined_by_and(tokens: list[Token], first: int) -> bool:
    """The actor at ``first`` opens with و, or a title written with و before it (``وأ. د``)."""
    return any(tokens[k].norm[:1] == "و" for k in range(max(0, first - 3), first + 1))


def unnamed_delegation(tokens: list[Token], t_idx: int) -> bool:
    """``زيارة وفد سعودي``, ``يصل وفد … إلى``: an indefinite delegation travels, named by no
    one (``الوفد`` is the one told before, whose head may be named there)."""
    return any(tokens[k].norm in _DELEGATION for k in range(t_idx + 1, min(len(tokens), t_idx + 3)))


def names_a_facility(tokens: list[Token], first: int) -> bool:
    """``مطار الملك خالد الدولي``, ``مستشفى الملك فهد``: a place named after a person."""
    before = [tokens[k].norm for k in range(max(0, first - 2), first)]
    if before and _facility_head(before[-1]):
        return True
    if tokens[first].norm in _HONORIFIC_HEADS and before and _facility_head(before[-1]):
        return True
    return len(before) == 2 and before[1] in _HONORIFIC_HEADS and _facility_head(before[0])


def _facility_head(norm: str) -> bool:
    """``مطار``, also with a preposition on it (``بمطار الأمير محمد بن عبدالعزيز الدولي``);
    not with the article (``لدى وصوله المطار سمو الأمير …``: the airport, then who)."""
    return any(stem in _FACILITY_HEADS and "ال" not in prefix for prefix, stem in bare_forms(norm))


def _topic_starts(tokens: list[Token], k: int) -> bool:
    """A topic marker (``لبحث``, ``حول``) not followed by a partner (``لبحث مع``)."""
    if tokens[k].norm not in _TOPIC_MARKERS:
        return False
    return not any(tokens[j].norm in _WITH for j in range(k + 1, min(len(tokens), k + 3)))


def _antecedent(
    tokens: list[Token], t_idx: int, actors: list[ActorRef], mentions: list[Mention]
) -> list[ActorRef]:
    """``… بحاح رئيس الحكومة، والوفد المرفق له، الذي يزور أبوظبي``: the person the relative
    pronoun before the verb stands for, the nearest one before it."""
    if t_idx == 0 or tokens[t_idx - 1].norm not in _RELATIVES:
        return []
    rel = t_idx - 1
    people = [
        a for a in actors if a.last < rel and rel - a.last <= 12 and mentions[a.mention].kind == "person"
    ]
    return people[-1:]


def drop_affiliations(
    tokens: list[Token], roles: list[tuple[int, RoleName]], refs: list[ActorRef], mentions: list[Mention]
) -> list[tuple[int, RoleName]]:
    """Roles without the bodies named in a party's post (``الخنين عضو هيئة كبار العلماء``,
    ``سفير الاتحاد الأوروبي آدم كولاخ``): the person acts for the body, the body is no second
    party. A body with no person beside it (``مع لجنة المتابعة``) keeps its part."""
    by_mention = {r.mention: r for r in refs}
    people = [r for r in refs if mentions[r.mention].kind == "person"]

    acting_people = any(m >= 0 and mentions[m].kind == "person" and r != "attendee" for m, r in roles)

    def in_a_post(ref: ActorRef) -> bool:
        if acting_people and ref.first > 0 and tokens[ref.first - 1].norm in _POST_HEADS:
            return True  # ``المستشار بالديوان الملكي``, ``رئيس مندوبية الاتحاد الأوروبي``
        if acting_people and ref.first > 1 and tokens[ref.first - 1].norm in _POST_UNITS:
            # ``ومدير فرع هيئة الأمر بالمعروف``: the post's unit, then its body.
            head = tokens[ref.first - 2].norm
            if head in _POST_HEADS or (head[:1] == "و" and head[1:] in _POST_HEADS):
                return True
        for p in people:
            if p.last < ref.first <= p.last + 6:
                between = range(p.last + 1, ref.first)
            elif ref.last < p.first <= ref.last + 3:
                between = range(ref.last + 1, p.first)
            else:
                continue
            if not any(
                tokens[k].norm in _NOT_A_POST
                or tokens[k].norm[:1] == "و"
                or tokens[k].norm.startswith(_COUNTERPART_STARTS)
                for k in between
            ):
                return True
        return False

    return [
        (m, r)
        for m, r in roles
        if m < 0
        or r in ("attendee", "destination")
        or mentions[m].kind != "organization"
        or (ref := by_mention.get(m)) is None
        or not in_a_post(ref)
    ]


def _gap(tokens: list[Token], t_idx: int, first: int) -> int:
    """How far after the verb an actor stands, not counting blessings (``وصل بحفظ الله
    ورعايته خادم الحرمين الشريفين``, ``– أيده الله –``)."""
    return first - t_idx - sum(1 for k in range(t_idx + 1, first) if tokens[k].norm in _BLESSINGS)


def _leads(tokens: list[Token], t_idx: int, first: int) -> bool:
    """The actor stands right after the verb, perhaps after its head (``وقعت حكومتا السودان``)."""
    return first - t_idx <= 1 or (first - t_idx == 2 and tokens[t_idx + 1].norm in _STATE_HEADS)


def _made_by(
    tokens: list[Token], t_idx: int, after: list[ActorRef], mentions: list[Mention]
) -> ActorRef | None:
    """``زيارة يقوم بها لافروف``, ``آخر زيارة قام بها مشعل``: the person after ``… بها``."""
    k = t_idx + 1
    if k + 1 >= len(tokens) or tokens[k + 1].norm not in _DONE_BY_IT:
        return None
    if not _is_visit_support(tokens[k].norm):
        return None
    person = next((a for a in after if a.first == k + 2 and mentions[a.mention].kind == "person"), None)
    return person


def invitation_before(tokens: list[Token], t_idx: int) -> int | None:
    """The invitation a visit noun answers (``الدعوة لـ… لزيارة``, ``دعاه إلى زيارة``), within
    twelve words before it (past the invitee's titles)."""
    for k in range(t_idx - 1, max(-1, t_idx - 13), -1):
        if any(stem in _INVITATION for _, stem in tokens[k].forms):
            return k
    return None


def invitee(
    tokens: list[Token], t_idx: int, actors: list[ActorRef], mentions: list[Mention]
) -> ActorRef | None:
    """Who was invited to the visit: the party named between the invitation and the noun."""
    k = invitation_before(tokens, t_idx)
    if k is None:
        return None
    between = [a for a in actors if k < a.first < t_idx and mentions[a.mention].kind != "place"]
    return between[0] if between else None


def _is_visit_support(norm: str) -> bool:
    """``قام``, ``يجري``, ``وأجرى``: a verb whose noun after it is the visit."""
    return normalize(norm) in _VISIT_SUPPORT or bare_forms(norm)[-1][1] in _VISIT_SUPPORT_STEMS


def visit_support_before(tokens: list[Token], t_idx: int) -> int | None:
    """The support verb of a visit noun (``قام … بزيارة``, ``أجرى … زيارة``), within ten words."""
    for k in range(t_idx - 1, max(-1, t_idx - 11), -1):
        if _is_visit_support(tokens[k].norm):
            return k
    return None


def _right_before(tokens: list[Token], last: int, t_idx: int) -> bool:
    """An actor ends just before the verb, perhaps with ``سوف``/``قد`` between."""
    return last < t_idx and all(tokens[k].norm in _PRE_VERB for k in range(last + 1, t_idx))


def resumptive_after(tokens: list[Token], t_idx: int) -> bool:
    """``التقى خلالها``: the verb's subject is the actor of the event the pronoun stands for."""
    return t_idx + 1 < len(tokens) and tokens[t_idx + 1].norm in _RESUMPTIVE


def visitor_pronoun_after(tokens: list[Token], t_idx: int) -> bool:
    """``زيارة سموه``, ``زيارته``: the visitor is named elsewhere, by a pronoun here."""
    nxt = tokens[t_idx + 1].norm if t_idx + 1 < len(tokens) else ""
    # The noun's own ة turns to ت before a pronoun: زيارة → زيارته, جولتها.
    return nxt in _VISITOR_PRONOUNS or tokens[t_idx].norm.endswith(_T_PRONOUN_ENDINGS)


def _discussing(tokens: list[Token], t_idx: int, trig: Trigger) -> bool:
    """A meeting verb of discussing (``بحث``, ``ناقش``): after its subject comes the matter
    discussed (``وبحث الأمير وضع خطة لتسلم إدارة المدينة من أرامكو``), whoever it names; a
    partner comes with مع or joined to the subject by و."""
    return trig.type == "Meeting" and tokens[t_idx].stem in _TOPIC_VERBS


def _matter(
    tokens: list[Token],
    a: ActorRef,
    after: list[ActorRef],
    roles: list[tuple[int, RoleName]],
    mentions: list[Mention],
) -> bool:
    """Whether ``a``, after a verb of discussing whose subject is not yet known, is part of the
    matter discussed: not when it is the first person after the verb (its subject, past a long
    post: ``استعرض المشرف العام على مركز الملك سلمان …، الدكتور عبدالله الربيعة``) nor a
    partner with مع."""
    if _with(tokens, a):
        return False
    return bool(roles) or a is not after[0] or mentions[a.mention].kind != "person"


def _with(tokens: list[Token], a: ActorRef) -> bool:
    return after_word(tokens, a.first, _WITH, 3) or tokens[a.first].norm in _WITH


def _joined(tokens: list[Token], subject: ActorRef | None, a: ActorRef) -> bool:
    """``a`` follows the subject directly, joined by و."""
    return subject is not None and a.first == subject.last + 1 and tokens[a.first].norm[:1] == "و"


def _object_role(tokens: list[Token], a: ActorRef, trig: Trigger, mentions: list[Mention]) -> RoleName | None:
    """The role of an actor after the subject, or None when it takes no part."""
    if _inside_genitive_of_statement(tokens, a.first):
        return None
    preceding = tokens[a.first - 1].norm if a.first > 0 else ""
    head = tokens[a.first].norm
    with_ = _with(tokens, a)
    if any(w in _ATTEND for w in (preceding, head)) or after_word(tokens, a.first, _ATTEND, 4):
        return "attendee"
    if mentions[a.mention].kind == "place" and trig.type != "Visit":
        # ``وقّعت ليبيا وتركيا``: the second state joins the first.
        return trig.subject_role if trig.type in ("Agreement", "Meeting") else None
    if trig.type == "Visit":
        # People after a visit verb are companions, not destinations; a body is neither.
        kind = mentions[a.mention].kind
        return "attendee" if kind == "person" else ("destination" if kind == "place" else None)
    if trig.type == "Agreement":
        # What follows ``وقّع`` is the document and its subject matter; partners come with ``مع``
        # or on behalf of a side (``وقّعها عن الجانب الليبي …``).
        on_behalf = after_word(tokens, a.first, _ON_BEHALF, 4)
        # ``مذكرة تفاهم بينها وجامعة …``: the other party after بين (with its pronoun).
        between = any(tokens[k].stem[:3] == "بين" for k in range(max(0, a.first - 2), a.first))
        return "signatory" if with_ or on_behalf or between else None
    if with_:
        return "participant" if trig.type == "Meeting" else trig.object_role
    return trig.object_role


def _purpose_word(norm: str) -> bool:
    if norm in _TOPIC_MARKERS:
        return True
    return norm.startswith(_PURPOSE_PREFIXES) and norm.split("لل", 1)[1] in _PURPOSE


def _to_whom(tokens: list[Token], a: ActorRef, prev_last: int) -> bool:
    """``لـ`` on the name or on the honorific before it (``لصاحب السمو الملكي الأمير …``)."""
    return any(tokens[k].norm[:1] == "ل" for k in range(max(prev_last + 1, a.first - 3), a.first + 1))


def _has_pronoun(norm: str) -> bool:
    """``استقباله``, ``لقائهما``: the noun carries its subject as a pronoun."""
    return norm.endswith(_PRONOUN_ENDINGS) and not norm.endswith(_NOT_PRONOUN_ENDINGS)


def _is_media(m: Mention) -> bool:
    # A channel or agency is cited as a source, not a participant.
    norm = normalize(m.text) if m.text else ""
    if norm in _MEDIA_NAMES or (norm[:1] in ("ل", "و") and norm[1:] in _MEDIA_NAMES):
        return True
    head = norm.split()[0] if norm else ""
    return m.kind == "organization" and any(head.endswith(h) for h in _MEDIA_HEADS)


def after_word(tokens: list[Token], first: int, wanted: frozenset[str], window: int) -> bool:
    """One of ``wanted`` within ``window`` tokens before ``first``, with only words between."""
    for k in range(first - 1, max(-1, first - 1 - window), -1):
        if tokens[k].norm in wanted:
            return True
        if not tokens[k].is_word:
            return False
    return False


def _inside_genitive_of_statement(tokens: list[Token], first: int) -> bool:
    # ``تحيات الرئيس أوباما``: greetings conveyed from someone who is not there.
    return first > 0 and tokens[first - 1].norm in _STATEMENT_GENITIVES


def nameless_person(m: Mention, mentions: list[Mention]) -> bool:
    """A person mention that names no one, nor does any mention of its entity: a post alone
    (``رئيس مندوبية``, ``مستشار الشؤون التجارية بمندوبية``) or a place glued to a title
    (``بجاكرتا البروفسور``), a stray of the recogniser, no party of an event. A post whose
    holder is named elsewhere in the article (its entity has a name) keeps its part."""
    if m.kind != "person" or _name_words(m):
        return False  # the cheap test first: most mentions name someone
    return not any(x.kind == "person" and x.entity == m.entity and _name_words(x) for x in mentions)


def _name_words(m: Mention) -> list[str]:
    """The words of a person mention that may be part of a name: not its post, courtesy
    or title words, not a word that is common prose."""
    if (m.title and normalize(m.title) in TITLES_ALONE) or normalize(m.text) in TITLES_ALONE:
        return [normalize(m.text)]  # ``خادم الحرمين الشريفين``, ``الملك``: one man, named so
    title = set(normalize(m.title).split()) if m.title else set()
    rest = [
        w
        for w in normalize(m.text).split()
        if w not in title and w not in HONORIFICS and w not in TITLE_WORDS
    ]
    return [w for w in rest if _may_be_name(w)]


def _may_be_name(norm: str) -> bool:
    # ``بجاكرتا``, ``بوزارة``, ``بمندوبية``: a preposition on a place or a body is no name.
    if norm[:1] in ("ب", "ل") and len(norm) > 3:
        bare = norm[1:]
        if bare in places() or bare in ORG_HEADS or bare.endswith(_ABSTRACT_END):
            return False
    # ``مندوبية``, ``المفوضية``: a long abstract noun in ية names an office, not a man.
    if len(norm) >= 6 and norm.endswith(_ABSTRACT_END):
        return False
    return is_name_word(norm)


def _reception_host(
    tokens: list[Token], guest: ActorRef, actors: list[ActorRef], mentions: list[Mention]
) -> ActorRef | None:
    """Who received the visitor a relative clause tells of (``خلال استقباله أمس المهندس X
    …، الذي يزور أبوظبي``, ``استقبل الأمير Y أمس X الذي يزور المملكة``): the reception's host,
    named within twelve words before the guest; None when no reception is told there."""
    people = [a for a in actors if mentions[a.mention].kind == "person"]
    for k in range(guest.first - 1, max(-1, guest.first - 13), -1):
        stem = tokens[k].stem
        if stem in _RECEPTION_NOUNS and _has_pronoun(tokens[k].norm):
            # ``خلال استقباله``: the host is the sentence's subject, the first person named.
            host = next((a for a in people if a.last < k), None)
        elif stem in _RECEPTION_VERBS:
            host = next((a for a in people if k < a.first < guest.first), None)
        else:
            continue
        if host is not None and mentions[host.mention].entity != mentions[guest.mention].entity:
            return host
        return None
    return None
