"""The events of one sentence: each trigger with its roles, place, time and status."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate

from kg import lexicon
from kg.arabic.normalize import normalize
from kg.arabic.tokens import Token, bare_forms
from kg.extract.events.clauses import Ends, scan_ends
from kg.extract.events.places import find_place, more_destinations
from kg.extract.events.raw import RawEvent, RawRole, SentenceContext, VisitReceivers
from kg.extract.events.receivers import receiver_roles, receivers_at, receivers_before
from kg.extract.events.refs import ActorRef
from kg.extract.events.roles import (
    after_word,
    drop_affiliations,
    find_roles,
    invitation_before,
    is_pair_word,
    meeting_sides,
    names_a_facility,
    pair_word_near,
    resumptive_after,
    unnamed_delegation,
    visit_support_before,
    visitor_pronoun_after,
)
from kg.extract.events.triggers import (
    arrival,
    meetings_told,
    modal_before,
    needs_place,
    negated,
    plural_form,
    talks_of_a_pronoun,
    tour_leg,
    trigger_at,
)
from kg.lexicon.triggers import Trigger, words
from kg.model import Mention, RoleName, Span, Status, TimeExpression


def find_events(ctx: SentenceContext) -> list[RawEvent | VisitReceivers]:
    """Events in one sentence (``kg.extract.events.raw`` says what ``ctx`` holds), in the
    order told, with who received a visitor (``VisitReceivers``) right after that visit.
    Each ``RawEvent`` says who its subject is, for the next sentence's ``frame_subject``.
    """
    tokens, mentions, times = ctx.tokens, ctx.mentions, ctx.times
    actor_refs, place_refs, pair, persons = ctx.actor_refs, ctx.place_refs, ctx.pair, ctx.persons
    # Both change as the sentence goes: the meeting told last, the person who acted last.
    sides, frame_subject = ctx.sides, ctx.frame_subject
    events: list[RawEvent] = []
    # A word inside a name is no trigger: ``فيصل`` is not ``ف`` + ``يصل`` (arrives).
    named = {k for ref in (*actor_refs, *place_refs) for k in range(ref.first, ref.last + 1)}
    hits = [(k, h) for k in range(len(tokens)) if k not in named and (h := trigger_at(tokens, k)) is not None]
    ends = scan_ends(tokens, {k for k, _ in hits})
    subordinate = _subordinate_starts(tokens, times)
    # Each date belongs to the trigger nearest to it: in ``أكد … أن مذكرة التفاهم الموقعة
    # في شهر نوفمبر الماضي`` the month dates the memorandum, not the statement.
    owner = _time_owners(tokens, times, [t for t, _ in hits])
    # ``وكان في استقباله …``, ``وكان X في مقدمة مستقبليه``: who received a visitor (k: where
    # the clause stands, the list: after it, or between كان and the phrase).
    received: list[tuple[int, int, int]] = []  # (position, list start, list end)
    for k in range(len(tokens)):
        if k in named:
            continue
        if receivers_at(tokens, k):
            received.append((k, k, len(tokens)))
        elif (start := receivers_before(tokens, k)) is not None:
            received.append((k, start, k))
    if received:
        at_received = {k for k, _, _ in received}
        hits = [(t, h) for t, h in hits if t not in at_received]
        bounds = sorted({k for k, _, _ in received} | {t for t, _ in hits})
        received = [
            (k, a, b if b <= k else next((x for x in bounds if x > k), len(tokens))) for k, a, b in received
        ]
    for t_idx, hit in hits:
        tok = tokens[t_idx]
        trigger, future_prefix = hit
        if negated(tokens, t_idx):
            continue
        # A meeting told as held (``القمة التي عقدت``) or counted (``اجتماعين``) has no subject
        # in its words: whoever stands near it is someone else's (``رؤساء الأركان … بعد``).
        roles = (
            []
            if trigger.actorless and trigger.type == "Meeting"
            else find_roles(tokens, t_idx, trigger, actor_refs, mentions, ends)
        )
        from_sides = False
        if sides and trigger.type != "Statement" and pair_word_near(tokens, t_idx):
            # ``وبحث الجانبان``, ``ووقّع الجانبان``: the two sides of the meeting just told.
            role: RoleName = "signatory" if trigger.type == "Agreement" else "participant"
            roles = [(-1 - e, role) for e in sides] + [r for r in roles if r[1] == "attendee"]
            from_sides = True
        if trigger.type == "Visit" and trigger.nominal and visitor_pronoun_after(tokens, t_idx):
            roles = _visit_of_the_guest(events, roles) or roles
        found = None
        if trigger.type == "Visit" and not any(r == "visitor" for _, r in roles):
            found = (
                _delegation_head(tokens, roles, actor_refs, mentions)
                or _visitor_of_far_support(tokens, t_idx, trigger, hits, actor_refs, mentions, frame_subject)
                or _fronted_visitor(tokens, t_idx, trigger, hits, actor_refs, mentions, ends, persons)
            )
        roles = found or roles
        subject = _subject(tokens, t_idx, trigger, roles, actor_refs, mentions)
        if (
            subject is not None
            and frame_subject is not None
            and frame_subject != subject
            and frame_subject in persons
            and _conjoined_talks(tokens, t_idx, trigger, roles, mentions)
        ):
            # ``وصل الجبير إلى الدوحة والتقى أمير قطر``: the one named after a conjoined
            # meeting verb is whom the traveller met, not a second subject who met no one.
            roles.insert(0, (-1 - frame_subject, "participant"))
            subject = frame_subject
        if found and subject is None:
            # The visitor found elsewhere (the delegation's head) acts: a later ``الوفد`` is his.
            subject = _entity(found[0][0], mentions)
        if trigger.type != "Statement":
            roles = drop_affiliations(tokens, roles, actor_refs, mentions)
        held = {mentions[m].entity if m >= 0 else -1 - m for m, _ in roles}
        unwritten = False
        if (
            subject is None
            and not trigger.actorless
            and frame_subject is not None
            and frame_subject not in held
            and _takes_unwritten_subject(tokens, t_idx, trigger, named)
        ):
            if resumptive_after(tokens, t_idx):
                # ``استقبل خلالها X``: X is the one received, not the host.
                roles = [(m, trigger.object_role if r == trigger.subject_role else r) for m, r in roles]
            roles.insert(0, (-1 - frame_subject, trigger.subject_role))
            subject, unwritten = frame_subject, True
        if (
            trigger.type == "Agreement"
            and not roles
            and pair
            and any(is_pair_word(tokens[k].norm) for k in range(t_idx, min(len(tokens), t_idx + 6)))
        ):
            roles = [(-1 - pair[0], "signatory"), (-1 - pair[1], "signatory")]
        # A visit's destination is its place too (``زار الكويت``), not an actor to set aside.
        acting = {m for m, r in roles if m >= 0 and r != "destination"}
        others = [p for p in place_refs if p.mention not in acting]
        place = find_place(tokens, t_idx, trigger, others, mentions, ends)
        if place is None and (needs_place(tokens, t_idx) or (unwritten and trigger.type == "Visit")):
            # ``توجه بالشكر``: thanks, not a journey; ``ووصل إلى مليار``: no one went anywhere.
            continue
        if (
            place is None
            and trigger.type == "Visit"
            and arrival(tokens, t_idx)
            and not _person_visits(roles, mentions, persons)
        ):
            continue  # ``وصلت المفاوضات إلى مراحلها النهائية``, ``الطلب الذي وصل``: nothing travelled
        destinations = [place]
        if trigger.type == "Visit" and place is not None:
            destinations += more_destinations(tokens, place, others)
            roles.append((-1 - mentions[place].entity, "destination"))
        actorless = not [r for r in roles if r[1] != "destination"]
        if actorless and not _may_stand_alone(tokens, t_idx, trigger, place):
            continue
        # A statement is dated by what stands before its content (``قال … أمس إن``); dates in
        # what was said belong to the content.
        cut = ends.content[t_idx + 1] if trigger.type == "Statement" else subordinate[t_idx + 1]
        # A noun with no party is dated only after it (``اجتماعين … في 5 مايو``): a date before
        # it is another clause's (``موعدا لعقد هذا الاجتماع واتفق … في اجتماعين سابقين``).
        after_only = trigger.actorless and trigger.nominal
        time_idx = _nearest_time(
            t_idx,
            [
                (ti, te)
                if owner.get(k) == t_idx and ti < cut and (ti > t_idx or not after_only)
                else (ti, None)
                for k, (ti, te) in enumerate(times)
            ],
        )
        planned = future_prefix or modal_before(tokens, t_idx) or _support_ahead(tokens, t_idx, trigger)
        if (serves := _meeting_it_serves(events, tokens, t_idx, trigger)) is not None:
            # ``تستضيف … الاجتماع … وذلك للتوقيع على البروتوكول``: signed when and where it meets.
            time_idx = time_idx if time_idx is not None else serves.time
            place = place if place is not None else serves.place
            destinations = [place]
            planned = planned or serves.status == "planned"
        if time_idx is not None:
            te = times[time_idx][1]
            if te.direction == "future":
                planned = True
        if not planned and _present_ahead(tokens, t_idx, trigger):
            past = time_idx is not None and times[time_idx][1].direction == "past"
            planned = not past
        if actorless and not _specific(tokens, t_idx, trigger, place, time_idx, serves is not None):
            continue  # ``بعد اجتماعين`` with no place or day: too vague to stand with no party
        for dest, dest_roles in _one_per_counterpart(
            tokens, t_idx, trigger, roles, subject, destinations, mentions
        ) * meetings_told(tokens, t_idx):
            events.append(
                RawEvent(
                    type=trigger.type,
                    trigger=Span(tok.start, tok.end, tok.text),
                    sentence=ctx.sentence,
                    t_idx=t_idx,
                    roles=_raw_roles(dest_roles, mentions),
                    place=dest,
                    time=time_idx,
                    status="planned" if planned else "happened",
                    subject=subject,
                    from_sides=from_sides,
                    actorless=actorless,
                )
            )
        # ``خلال استقبال الرئيس لسموه …، حيث عقد الطرفان جلسة مباحثات``
        sides = meeting_sides(trigger.type, ((_entity(m, mentions), r) for m, r in roles)) or sides
        if subject is not None and trigger.type != "Statement" and subject in persons:
            frame_subject = subject  # ``غادر الأمير … بعد زيارة التقى خلالها الرئيس``
    _date_orphans(events, tokens, times, owner)
    # Who received a visitor joins the latest visit told before them: they stand right
    # after that visit, and ``kg.extract`` adds them to the article's latest visit so far.
    out: list[RawEvent | VisitReceivers] = list(events)
    for k, start, end in sorted(received, reverse=True):
        roles = receiver_roles(tokens, start, actor_refs, mentions, end)
        if roles:
            at = max(
                (n + 1 for n, ev in enumerate(out) if isinstance(ev, RawEvent) and ev.t_idx < k), default=0
            )
            out.insert(at, VisitReceivers(_raw_roles(roles, mentions)))
    return out


def _raw_roles(roles: list[tuple[int, RoleName]], mentions: list[Mention]) -> tuple[RawRole, ...]:
    """The rules' (reference, role) pairs as ``RawRole``: a reference is a mention index, or
    ``-1 - entity`` for an actor the sentence does not write (``_entity``)."""
    return tuple(RawRole(_entity(ref, mentions), role, ref if ref >= 0 else None) for ref, role in roles)


def _ref(role: RawRole) -> int:
    """The rules' reference of ``role`` (``_raw_roles`` read back)."""
    return role.mention if role.mention is not None else -1 - role.entity


_DURING = words("DURING")
_RELATIVES = words("RELATIVES")
_DESCRIBES_OPEN = words("DESCRIBES_OPEN_EVENT")
_NOT_SUBJECTS = words("NOT_SUBJECTS")
_MULTILATERAL = words("MULTILATERAL")
_TIME_SUBORDINATORS = words("TIME_SUBORDINATORS")
# More counterparts than this in one list is a gathering (talks with a row of officials): one event.
_MAX_COUNTERPARTS = 4
# Where a trilateral's adjective stands after the verb: past a long subject, a day and a place
# (يعقد وزير الخارجية الأردني أيمن الصفدي اليوم الاثنين في مسقط اجتماعا ثلاثيا).
_NOUN_REACH = 26
_SUBJECT_WINDOW = 4  # tokens after a verb where its subject stands (VSO)
_NOT_SUBJECT = words("WITH") | words("ATTEND")
_UNWRITTEN_SUBJECT_TYPES = frozenset({"Meeting", "Call", "Visit", "Agreement"})


_HELD_AT = words("HELD_AT")
_HELD_AT_REACH = 4  # words after a meeting noun where its seat may be named (اجتماعين متتاليين بمقر)


def _may_stand_alone(tokens: list[Token], t_idx: int, trigger: Trigger, place: int | None) -> bool:
    """An event whose text names no party may still be one (the gold guidelines: an unnamed
    group is no actor, such an event may have none): a meeting held, two meetings, the signing
    of one document (``Trigger.actorless``), or an unnamed delegation's trip to a named place
    (``زيارة وفد سعودي إلى بكين``). A reception, a call or a statement needs someone."""
    if trigger.actorless:
        return True
    return trigger.type == "Visit" and place is not None and unnamed_delegation(tokens, t_idx)


def _specific(
    tokens: list[Token], t_idx: int, trigger: Trigger, place: int | None, time_idx: int | None, serves: bool
) -> bool:
    """An event with no party is kept only when the text pins it down: one document signed
    (the trigger found it), a place, a day, a seat (``بمقر الجامعة``), or the meeting it is
    signed at; a bare ``اجتماعين`` or ``اجتماعات`` in a general statement is no event."""
    if trigger.type == "Agreement" or serves or place is not None or time_idx is not None:
        return True
    return any(
        tokens[k].norm in _HELD_AT for k in range(t_idx + 1, min(len(tokens), t_idx + 1 + _HELD_AT_REACH))
    )


def _meeting_it_serves(
    events: list[RawEvent], tokens: list[Token], t_idx: int, trigger: Trigger
) -> RawEvent | None:
    """The meeting of the sentence a signing is the purpose of (``الاجتماع … للتوقيع على``,
    ``لتوقيع``): the latest meeting told before it, or None."""
    if not (trigger.actorless and trigger.type == "Agreement") or tokens[t_idx].norm[:1] != "ل":
        return None
    return next((ev for ev in reversed(events) if ev.type == "Meeting" and ev.t_idx < t_idx), None)


def _subject(
    tokens: list[Token],
    t_idx: int,
    trigger: Trigger,
    roles: list[tuple[int, RoleName]],
    refs: list[ActorRef],
    mentions: list[Mention],
) -> int | None:
    """The entity written as the trigger's subject, or None when Arabic left it out.

    A subject stands before the verb (``إن الأمير سوف يستقبل``), or just after it and not
    after ``مع``/``بحضور`` (``التقى الأمير الرئيس``); ``التقى خلالها X`` has none (X is the
    object, the subject is the actor of what ``خلالها`` stands for).
    """
    if resumptive_after(tokens, t_idx) or talks_of_a_pronoun(tokens, t_idx, trigger):
        return None
    by_mention = {r.mention: r for r in refs}
    for m, role in roles:
        if role in ("attendee", "destination"):
            continue
        if m < 0:
            return -1 - m  # the two sides, the article's two countries
        ref = by_mention.get(m)
        if ref is None:
            continue
        if trigger.nominal and trigger.type == "Visit":
            return mentions[m].entity if role == "visitor" else None
        near = 0 < ref.first - t_idx <= _SUBJECT_WINDOW and not after_word(tokens, ref.first, _NOT_SUBJECT, 3)
        if ref.last < t_idx or near or (trigger.nominal and role == trigger.subject_role):
            return mentions[m].entity
    return None


def _takes_unwritten_subject(tokens: list[Token], t_idx: int, trigger: Trigger, named: set[int]) -> bool:
    """A verb whose subject may be left out, or a visit noun with a pronoun for the visitor;
    not a verb whose subject is written as a common noun (``البعض يصل``, ``وصل إجمالي
    القروض``)."""
    if trigger.type not in _UNWRITTEN_SUBJECT_TYPES or trigger.subject_role == "attendee":
        return False
    if trigger.nominal:
        if trigger.type == "Meeting":
            return talks_of_a_pronoun(tokens, t_idx, trigger)
        return trigger.type == "Visit" and (
            visitor_pronoun_after(tokens, t_idx)
            or visit_support_before(tokens, t_idx) is not None
            or tour_leg(tokens, t_idx)
        )
    if plural_form(tokens, t_idx):
        return False  # ``وكان أعضاء الوفد قد وصلوا``: a group, not the person told before
    if trigger.type == "Visit" and _delegation_told(tokens, t_idx):
        return True  # ``وزار الوفد مطار شرورة``: the delegation's head, the visitor told before
    if _common_noun(tokens, t_idx + 1, named) or _common_noun(tokens, t_idx - 1, named):
        return False
    return not any(tokens[k].norm in _DESCRIBES_OPEN for k in range(max(0, t_idx - 4), t_idx))


def _common_noun(tokens: list[Token], k: int, named: set[int]) -> bool:
    """A definite word that names no one (``البعض``, ``إجمالي``) at ``k``: a written subject."""
    if not 0 <= k < len(tokens) or k in named or not tokens[k].is_arabic:
        return False
    norm = tokens[k].norm
    return norm.startswith("ال") and norm not in _NOT_SUBJECTS


# A date before a trigger that opens a new clause (``وصل … أمس، وسيزور النجف غدا``) ends
# the clause before: it is that clause's, unless no trigger stands before it.
_NEW_CLAUSE_COST = 12
_COMMAS = frozenset(("،", ",", "؛"))


def _time_owners(
    tokens: list[Token], times: list[tuple[int, TimeExpression]], triggers: list[int]
) -> dict[int, int]:
    """For each time (its index in ``times``), the trigger (token index) it dates: the
    nearest, Arabic putting the time after the verb; a trigger after the time costs more,
    and much more when a new clause (``،``, or a trigger glued to ``و``) starts between."""
    if not triggers:
        return {}
    # Commas up to each token, so that "a comma between" is one subtraction, not a scan (an
    # unpunctuated text of many triggers and dates would otherwise be cubic).
    commas = list(accumulate((tok.text in _COMMAS for tok in tokens), initial=0))

    def cost(tok_idx: int, t: int) -> int:
        if tok_idx > t:
            return tok_idx - t
        opens = tokens[t].norm.startswith("و") or commas[t] > commas[tok_idx + 1]
        return t - tok_idx + 3 + (_NEW_CLAUSE_COST if opens else 0)

    return {k: min((cost(tok_idx, t), t) for t in triggers)[1] for k, (tok_idx, _) in enumerate(times)}


def _subordinate_starts(tokens: list[Token], times: list[tuple[int, TimeExpression]]) -> list[int]:
    """For each token index ``i``, where the next event told as a time begins at ``i`` or
    after (``زيارة … بعد توصل إيران … في الرابع عشر من الشهر الماضي``: dates after it are that
    event's; ``بعد غد`` is a date), in one backward pass over the sentence."""
    starts = {ti for ti, _ in times}
    n = len(tokens)
    out = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        opens = (
            (tokens[k].norm in _TIME_SUBORDINATORS or tokens[k].norm in _RELATIVES)
            and k not in starts
            and k + 1 not in starts
        )
        out[k] = k if opens else out[k + 1]
    return out


# Meetings, calls and signings told in the present (``يلتقي``, ``يبحث``, ``يوقع``) are ahead
# of the report in the body of news (``ومن المتوقع أن يلتقي``, ``حيث يلتقي مسؤولين``) unless a
# past day dates them; a visit in the present is often under way (``الذي يزور أبوظبي``).
_PRESENT_AHEAD_TYPES = frozenset({"Meeting", "Call", "Agreement"})


def _present_ahead(tokens: list[Token], t_idx: int, trigger: Trigger) -> bool:
    if trigger.nominal or trigger.type not in _PRESENT_AHEAD_TYPES or trigger.subject_role == "attendee":
        return False
    norm = tokens[t_idx].norm
    return any(
        stem.startswith("ي") and len(stem) >= 4
        for prefix, stem in bare_forms(norm)
        if prefix in ("", "و", "ف")
    )


def _support_ahead(tokens: list[Token], t_idx: int, trigger: Trigger) -> bool:
    """``سيقوم الوزير بزيارة``, ``سيبدأ جولة``, ``من المقرر أن يقوم بزيارة``: a visit noun whose
    support verb is future is planned."""
    if not (trigger.nominal and trigger.type == "Visit"):
        return False
    if invitation_before(tokens, t_idx) is not None:
        return True  # an invitation to visit: the visit is ahead
    k = visit_support_before(tokens, t_idx)
    if k is None:
        return False
    norm = tokens[k].norm.removeprefix("و")
    return (norm[:2] in _FUTURE_PREFIXES and len(norm) > 4) or modal_before(tokens, k)


_DELEGATION = words("DELEGATION")
_CHAIRED = words("CHAIRED")
_COMPANION = words("COMPANION")
_VISIT_SUPPORT = words("VISIT_SUPPORT")
_FUTURE_PREFIXES = lexicon.raw("FUTURE_PREFIXES")  # سيزور
_VISITOR_PRONOUNS = words("VISITOR_PRONOUNS")
_DELEGATION_TOLD = words("DELEGATION_TOLD")
_DELEGATION_MEMBERS = words("DELEGATION_MEMBERS")
# How far before ``برئاسة`` the delegation noun may stand (وفد وزارة النقل الأردنية برئاسة).
_HEAD_REACH = 6
# How far before its noun a visit's support verb may stand past a long subject and the
# companions named with it (قام معالي وزير الإسكان X أخيرا، يرافقه …، ووكيل الوزارة Y بزيارة).
_FAR_SUPPORT_REACH = 30
# How far after the support verb its subject's first word may stand (past the honorifics of
# ``قام صاحب السمو الملكي الأمير X``); further on a name is not its subject.
_SUBJECT_REACH = 8
_POST_BARE = frozenset(p.removeprefix("ال") for p in words("POST_HEADS"))


def _post_for_a_name(mention: Mention) -> bool:
    """``رئيس الجمهورية``, ``الجوازات``: a post or a body's name read as a person, not a name
    (a person's name has two words at least, the first no post)."""
    words_ = normalize(mention.text).split()
    if len(words_) < 2:
        return True
    # ``وزير`` is a post itself, ``والرئيس`` one after و.
    first = words_[0]
    return any(w.removeprefix("ال") in _POST_BARE for w in (first, first.removeprefix("و")))


def _delegation_head(
    tokens: list[Token], roles: list[tuple[int, RoleName]], refs: list[ActorRef], mentions: list[Mention]
) -> list[tuple[int, RoleName]] | None:
    """``وصل وفد وزارة النقل برئاسة الوزير X``: the head of a travelling delegation is the
    visitor (the gold guidelines name the head), not a companion of an unnamed group."""
    by_mention = {r.mention: r for r in refs}
    for n, (m, role) in enumerate(roles):
        ref = by_mention.get(m)
        if role != "attendee" or ref is None or ref.first == 0 or mentions[m].kind != "person":
            continue
        if tokens[ref.first - 1].norm in _CHAIRED and any(
            stem in _DELEGATION
            for k in range(max(0, ref.first - 1 - _HEAD_REACH), ref.first - 1)
            for _, stem in tokens[k].forms
        ):
            return [(m, "visitor"), *roles[:n], *roles[n + 1 :]]
    return None


def _is_support(norm: str) -> bool:
    """A visit's support verb, perhaps after و/ف (``واختتم``, ``وقام``)."""
    return norm in _VISIT_SUPPORT or (norm[:1] in ("و", "ف") and norm[1:] in _VISIT_SUPPORT)


def _visitor_of_far_support(
    tokens: list[Token],
    t_idx: int,
    trigger: Trigger,
    hits: list[tuple[int, tuple[Trigger, bool]]],
    refs: list[ActorRef],
    mentions: list[Mention],
    frame_subject: int | None,
) -> list[tuple[int, RoleName]] | None:
    """The visitor of a visit noun whose support verb stands beyond the reach of the role
    rules: past a long subject and its companions (``قام الوزير X، يرافقه Y، … بزيارة``: X),
    or glued to و with the visitor's pronoun (``واختتم سموه زيارته بزيارة أسرة …``: the one
    told before). No verb trigger may stand between: that would be another clause's verb."""
    if not trigger.nominal or visit_support_before(tokens, t_idx) is not None:
        return None
    if visitor_pronoun_after(tokens, t_idx):
        return None  # ``واختتم سموه زيارته``: the tour told before, kept only with a place
    verbs = {t for t, (trig, _) in hits if not trig.nominal}
    support = None
    for k in range(t_idx - 1, max(-1, t_idx - _FAR_SUPPORT_REACH), -1):
        if k in verbs:
            return None
        if _is_support(tokens[k].norm):
            support = k
            break
    if support is None or (support > 0 and tokens[support - 1].norm in _RELATIVES):
        return None  # ``الزيارة التي قام بها X``: the relative clause of a noun told before
    # The subject follows its verb (VSO), before the companions named after it (``يرافقه``):
    # the first name there that is a person's, not a post standing for someone (``نائب رئيس
    # الجمهورية، رئيس الحكومة، خالد بحاح``: بحاح) nor a name inside a body's (``بمؤسسة الملك
    # عبدالله``).
    stop = next((k for k in range(support + 1, t_idx) if tokens[k].norm in _COMPANION), t_idx)
    subjects = [
        a
        for a in refs
        if support < a.first < stop
        and mentions[a.mention].kind == "person"
        and not names_a_facility(tokens, a.first)
        and not _post_for_a_name(mentions[a.mention])
    ]
    if subjects and subjects[0].first - support <= _SUBJECT_REACH:
        return [(subjects[0].mention, "visitor")]
    nxt = tokens[support + 1].norm if support + 1 < len(tokens) else ""
    if not subjects and nxt in _VISITOR_PRONOUNS and frame_subject is not None:
        return [(-1 - frame_subject, "visitor")]
    return None


def _fronted_visitor(
    tokens: list[Token],
    t_idx: int,
    trigger: Trigger,
    hits: list[tuple[int, tuple[Trigger, bool]]],
    refs: list[ActorRef],
    mentions: list[Mention],
    ends: Ends,
    persons: frozenset[int],
) -> list[tuple[int, RoleName]] | None:
    """``بعد زيارة ناجحة إلى واشنطن الأسبوع الماضي، يصل الرئيس X اليوم إلى …``: a visit noun
    fronted as the time of the main clause is the visit of that clause's subject (a person),
    whose verb opens the clause right after the comma."""
    if not trigger.nominal or t_idx == 0:
        return None
    before = tokens[t_idx - 1].norm
    if before not in _TIME_SUBORDINATORS and not (before[:1] == "و" and before[1:] in _TIME_SUBORDINATORS):
        return None
    comma = next((k for k in range(t_idx + 1, len(tokens)) if tokens[k].text in ("،", ",")), None)
    if comma is None:
        return None
    if any(t_idx < t <= comma and not trig.nominal for t, (trig, _) in hits):
        return None  # ``بعد زيارة … التقى فيها …،``: the noun has its own clause
    main = next(((t, trig) for t, (trig, _) in hits if comma < t <= comma + 2 and not trig.nominal), None)
    if main is None:
        return None
    t2, trig2 = main
    subject = _subject(tokens, t2, trig2, find_roles(tokens, t2, trig2, refs, mentions, ends), refs, mentions)
    return [(-1 - subject, "visitor")] if subject is not None and subject in persons else None


def _delegation_told(tokens: list[Token], t_idx: int) -> bool:
    """``وزار الوفد``, ``وتوجه أعضاء الوفد``: the verb's subject is the delegation told before."""
    k = t_idx + 1
    if k < len(tokens) and tokens[k].norm in _DELEGATION_MEMBERS:
        k += 1
    return k < len(tokens) and tokens[k].norm in _DELEGATION_TOLD


def _visit_of_the_guest(
    events: list[RawEvent], roles: list[tuple[int, RoleName]]
) -> list[tuple[int, RoleName]] | None:
    """``خلال استقبال الرئيس لسموه، أثناء زيارة سموه لمصر``: the visit whose pronoun follows a
    reception in the sentence is its guest's. The one who received him there is the host of
    the reception (its own event), not of the visit: a visit's host is who met the visitor on
    arrival (``وكان في استقباله``), which the article tells apart."""
    if any(r == "visitor" for _, r in roles):
        return None
    for ev in reversed(events):
        if ev.type == "Meeting":
            guests = [_ref(r) for r in ev.roles if r.role == "guest"]
            if guests:
                return [(guests[0], "visitor"), *roles]
    return None


def _one_per_counterpart(
    tokens: list[Token],
    t_idx: int,
    trigger: Trigger,
    roles: list[tuple[int, RoleName]],
    subject: int | None,
    destinations: list[int | None],
    mentions: list[Mention],
) -> list[tuple[int | None, list[tuple[int, RoleName]]]]:
    """The events one trigger tells, as (place, roles): one per destination (``زار الكويت
    وقطر``) and, for talks, one per counterpart (``يلتقي فابيوس مع ظريف ووزير الصناعة …``:
    three meetings), as a reader counts them; a trilateral (``اجتماعا ثلاثيا``) or a long list
    stays one."""
    out = []
    for dest in destinations:
        dest_roles = roles
        if len(destinations) > 1 and dest is not None:  # more than one: all are named
            dest_roles = [r for r in roles if r[1] != "destination"]
            dest_roles.append((-1 - mentions[dest].entity, "destination"))
        out.append((dest, dest_roles))
    if trigger.type != "Meeting" or trigger.subject_role != "participant" or subject is None:
        return out
    counterparts = {
        mentions[m].entity: (m, r)
        for m, r in reversed(roles)
        if r == "participant" and m >= 0 and mentions[m].kind == "person"
    }
    counterparts.pop(subject, None)
    others = list(counterparts.values())[::-1]
    window = range(t_idx + 1, min(len(tokens), t_idx + _NOUN_REACH))  # the clause of its noun
    if not 2 <= len(others) <= _MAX_COUNTERPARTS or any(tokens[k].norm in _MULTILATERAL for k in window):
        return out
    kept = [(m, r) for m, r in roles if r != "participant" or _entity(m, mentions) == subject]
    return [(dest, [*kept, other]) for dest, _ in out for other in others]


def _date_orphans(
    events: list[RawEvent],
    tokens: list[Token],
    times: list[tuple[int, TimeExpression]],
    owner: dict[int, int],
) -> None:
    """Dates for the events of a sentence that got none of their own.

    A date whose nearest trigger made no event dates the nearest event before it that has
    none (Arabic puts the time after the verb); and an event told ``أثناء``/``خلال`` a dated
    visit of the sentence (``خلال استقبال الرئيس لسموه، أثناء زيارة سموه لمصر أمس``) is of
    the visit's day.
    """
    made = {ev.t_idx for ev in events}
    relatives = [k for k, tok in enumerate(tokens) if tok.norm in _RELATIVES]
    orphans = [(ti, te) if owner.get(k) not in made else (ti, None) for k, (ti, te) in enumerate(times)]
    during_visit = next(
        (
            ev.time
            for ev in events
            if ev.type == "Visit"
            and ev.time is not None
            and ev.t_idx > 0
            and tokens[ev.t_idx - 1].norm in _DURING
        ),
        None,
    )
    for n, ev in enumerate(events):
        if ev.time is not None or ev.type == "Statement":
            continue
        # Not past a relative pronoun: ``… الذي توصلت إليه القوى … الشهر الماضي`` dates what
        # the relative clause tells, not the meeting.
        at = bisect_right(relatives, ev.t_idx)
        reach = relatives[at] if at < len(relatives) else len(tokens)
        later = [(ti, te) if ev.t_idx < ti < reach else (ti, None) for ti, te in orphans]
        k = _nearest_time(ev.t_idx, later)
        if k is None and ev.type != "Visit":
            k = during_visit
        if k is not None:
            status: Status = "planned" if times[k][1].direction == "future" else ev.status
            events[n] = replace(ev, time=k, status=status)


def _conjoined_talks(
    tokens: list[Token],
    t_idx: int,
    trigger: Trigger,
    roles: list[tuple[int, RoleName]],
    mentions: list[Mention],
) -> bool:
    """A meeting verb between equals glued to و (``والتقى``) with one party only, named after it."""
    tok = tokens[t_idx]
    if trigger.type != "Meeting" or trigger.nominal or trigger.subject_role != "participant":
        return False
    if tok.norm[:1] != "و" or tok.stem == tok.norm:
        return False
    parties = [m for m, r in roles if r not in ("attendee", "destination")]
    return len({_entity(m, mentions) for m in parties}) == 1 and all(
        m >= 0 and mentions[m].start > tok.end for m in parties
    )


def _person_visits(
    roles: list[tuple[int, RoleName]], mentions: list[Mention], persons: frozenset[int]
) -> bool:
    """Whether a person is the visitor among ``roles`` (a mention index, or ``-1 - entity``)."""
    return any(r == "visitor" and _entity(m, mentions) in persons for m, r in roles)


def _entity(ref: int, mentions: list[Mention]) -> int:
    """The entity of a role reference: a mention index, or ``-1 - entity``."""
    return mentions[ref].entity if ref >= 0 else -1 - ref


def _nearest_time(t_idx: int, times: list[tuple[int, TimeExpression | None]]) -> int | None:
    best, dist = None, 10**9
    for k, (tok_idx, te) in enumerate(times):
        if te is None or te.kind in ("duration", "set"):
            continue
        d = abs(tok_idx - t_idx) + (0 if tok_idx > t_idx else 3)  # Arabic puts time after the verb
        if d < dist:
            best, dist = k, d
    return best
