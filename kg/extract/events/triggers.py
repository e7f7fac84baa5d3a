"""Finding a trigger at a token: verb stems with their proclitics and future prefix, noun
triggers (``زيارة``, ``مذكرة … الموقعة``), and what negates or defers one (``لم``, ``من
المقرر``)."""

from __future__ import annotations

from kg import lexicon
from kg.arabic.tokens import Token, bare_forms
from kg.lexicon.triggers import Trigger, noun_trigger, verb_triggers, words

_VERBS = verb_triggers()
_VISIT_NOUN, _VISIT_NOUNS = noun_trigger("Visit")
_AGREEMENT_NOUN, _AGREEMENT_NOUNS = noun_trigger("Agreement")
_SIGNED = words("SIGNED")
_FUTURE_MODALS = words("FUTURE_MODALS")
_TALKS_PREFIXES = lexicon.raw("TALKS_PREFIXES")  # ومحادثات مع
_NEGATIONS = words("NEGATIONS")
_CALL_NOUNS = words("CALL_NOUNS")
_BY_PHONE = words("BY_PHONE")
# How far after عقد/وقّع/أجرى its noun may come, within its clause: past a long subject, a
# place and a day (وقعت المملكة العربية السعودية في نيويورك الثلاثاء الماضي مع جمهورية ناميبيا
# على بروتوكول; أجرى صاحب السمو الملكي الأمير … ولي ولي العهد النائب الثاني لرئيس مجلس
# الوزراء وزير الدفاع اليوم اتصالاً هاتفياً).
_NOUN_WINDOW = 26
_CLAUSE_END = words("CLAUSE_END")
_CALL_MADE = Trigger("Call", "caller", "callee")
_RECEPTION_NOUNS = words("RECEPTION_NOUNS")
_TALKS_NOUNS = words("TALKS_NOUNS")
_DURING = words("DURING")
_PURPOSE_NOUNS = words("PURPOSE_NOUNS")
_VISIT_NEEDS_PLACE = words("VISIT_NEEDS_PLACE")
_ARRIVAL_VERBS = words("ARRIVAL_VERBS")
_MATCH_WORDS = words("MATCH_WORDS")
# How far from a meeting verb a word of a match may stand (a team's long name between).
_MATCH_REACH = 10
_RECEPTION_NOUN = Trigger("Meeting", "host", "guest", nominal=True)
_TALKS_NOUN = Trigger("Meeting", "participant", "participant", nominal=True)
_MEETING_NOUNS = words("MEETING_NOUNS")
_TALKS_WITH = _TALKS_NOUNS | words("TALKS_WITH_NOUNS")
# TALKS_NOUNS with a pronoun (لقائه، مباحثاتهما): the one who met is named elsewhere.
_TALKS_PRONOUN = _TALKS_NOUNS - _MEETING_NOUNS
_MEETINGS_TOLD = _MEETING_NOUNS | _TALKS_NOUNS
_WITH = words("WITH")
_GATHERED = words("GATHERED")
_CHAIRED = words("CHAIRED")
_GATHERED_VERB = Trigger("Meeting", "participant", "participant")
_CHAIRED_BY = Trigger("Meeting", "host", "guest")
_HELD_VERBS = words("HELD_VERBS")
_RELATIVES = words("RELATIVES")
_MEETING_DUALS = words("MEETING_DUALS")
_SIGNING_NOUNS = words("SIGNING_NOUNS")
_ONE_DOCUMENT = words("ONE_DOCUMENT")
_SIGNING_ON = words("SIGNING_ON")
_FUTURE_PASSIVES = words("FUTURE_PASSIVES")
_TOUR_LEG_VERBS = words("TOUR_LEG_VERBS")
_TOUR_TOLD = words("TOUR_TOLD")
# A meeting told as held, with no subject (``القمة التي عقدت``), or by a dual noun (``اجتماعين``).
HELD_MEETING = Trigger("Meeting", "participant", "participant", actorless=True)
MEETING_PAIR = Trigger("Meeting", "participant", "participant", nominal=True, actorless=True)
# A signing told by its noun before one document (``للتوقيع على البروتوكول``).
SIGNING_NOUN = Trigger("Agreement", "signatory", "signatory", nominal=True, actorless=True)
# How far before the relative pronoun the meeting noun it stands for may be (``الدورة القادمة
# للقمة والتي``: the noun, then its adjective or genitive).
_ANTECEDENT_REACH = 3


def trigger_at(tokens: list[Token], i: int) -> tuple[Trigger, bool] | None:
    """The trigger at token ``i`` and whether a future prefix marks it (``سيزور``)."""
    hit = _trigger_at(tokens, i)
    if hit is not None and hit[0].type == "Meeting" and _near_match(tokens, i):
        return None  # ``يلتقي المنتخب نظيره في المباراة النهائية``: a match, not a meeting
    return hit


def _near_match(tokens: list[Token], i: int) -> bool:
    """A word of a sports match within the words around ``i``."""
    lo, hi = max(0, i - _MATCH_REACH), min(len(tokens), i + _MATCH_REACH + 1)
    return any(tokens[k].norm in _MATCH_WORDS or tokens[k].stem in _MATCH_WORDS for k in range(lo, hi))


def _trigger_at(tokens: list[Token], i: int) -> tuple[Trigger, bool] | None:
    tok = tokens[i]
    if not tok.is_arabic:
        return None
    if _talks_with(tokens, i):
        return _TALKS_NOUN, False
    if tour_leg(tokens, i):
        return _VISIT_NOUN, False
    for prefix, stem in tok.forms:
        if "ال" in prefix:
            continue
        future = False
        if stem.startswith("س") and stem[1:2] in ("ي", "ت", "ن") and stem[1:] in _VERBS:
            stem, future = stem[1:], True
        trig = _VERBS.get(stem) or _VERBS.get(_singular(stem, tok.text, tokens, i))
        if trig and prefix in ("", "و", "ف"):
            if trig.type == "Meeting" and _by_phone(tokens, i, trig):
                return _CALL_MADE, future
            if trig.needs_object_noun and not any(
                tokens[k].norm in trig.needs_object_noun or tokens[k].stem in trig.needs_object_noun
                for k in _object_window(tokens, i)
            ):
                continue
            if trig.needs_noun_before and not _after_meeting_noun(tokens, i, trig.needs_noun_before):
                continue
            return trig, future
        if (stem in _RECEPTION_NOUNS or stem in _TALKS_NOUNS) and (
            _after_during(tokens, i, prefix) or _purpose(prefix, stem)
        ):
            return (_RECEPTION_NOUN if stem in _RECEPTION_NOUNS else _TALKS_NOUN), False
        if stem in _VISIT_NOUNS and prefix in ("", "و", "ب"):
            return _VISIT_NOUN, False
        if _after_meeting_noun(tokens, i):
            # ``لقاء ضمّ لافروف مع مشعل``, ``في جلسته أمس برئاسة الأمير``: the noun's verb or
            # its chair names who met.
            if tok.norm in _GATHERED:
                return _GATHERED_VERB, False
            if tok.norm in _CHAIRED:
                return _CHAIRED_BY, False
        if stem in _AGREEMENT_NOUNS and i + 2 < len(tokens):
            following = [tokens[k].norm for k in range(i + 1, min(len(tokens), i + 4))]
            if any(w in _SIGNED for w in following):
                return _AGREEMENT_NOUN, False
    return _institutional_at(tokens, i)


def tour_leg(tokens: list[Token], i: int) -> bool:
    """``بدأت الجولة بمطار ينبع``, ``واختتم الزيارة بالدمام``: the tour told before, its first
    or last leg at the place after ب: a visit of its own (the gold counts one per site). Not
    ``استهل الزيارة بزيارة أسرة …``: the visit noun after it tells that leg."""
    if not (0 < i < len(tokens) - 1) or tokens[i].norm not in _TOUR_TOLD:
        return False
    if tokens[i - 1].norm not in _TOUR_LEG_VERBS:
        return False
    nxt = tokens[i + 1]
    return nxt.is_arabic and nxt.norm[:1] == "ب" and not any(stem in _VISIT_NOUNS for _, stem in nxt.forms)


def _institutional_at(tokens: list[Token], i: int) -> tuple[Trigger, bool] | None:
    """Events a text tells without naming who took part: a meeting held (``القمة التي عقدت
    بشرم الشيخ``), two meetings (``بعد اجتماعين بالقاهرة``), a signing of one document
    (``للتوقيع على البروتوكول``). Whether it is specific enough to stand alone (a place, a
    date) is the sentence's call (``kg.extract.events.sentence``)."""
    norm = tokens[i].norm
    plain = norm[1:] if norm[:1] == "و" and norm[1:] in _HELD_VERBS else norm
    if plain in _HELD_VERBS and _relative_of_meeting_noun(tokens, i):
        return HELD_MEETING, plain[:1] == "س"
    stems = {stem for _, stem in bare_forms(norm)}
    if _indefinite_dual(norm):
        return MEETING_PAIR, False
    if stems & _SIGNING_NOUNS and one_document_after(tokens, i) is not None:
        return SIGNING_NOUN, False
    return None


def _relative_of_meeting_noun(tokens: list[Token], i: int) -> bool:
    """``القمة العربية التى عقدت``: a relative pronoun just before ``i`` whose antecedent, a
    few words before it, is a meeting noun."""
    if i == 0 or not any(stem in _RELATIVES for _, stem in tokens[i - 1].forms):
        return False
    nouns = _MEETING_NOUNS | _TALKS_NOUNS
    return any(
        stem in nouns for k in range(max(0, i - 1 - _ANTECEDENT_REACH), i - 1) for _, stem in tokens[k].forms
    )


def one_document_after(tokens: list[Token], i: int) -> int | None:
    """The one document a signing noun at ``i`` signs (``توقيع بروتوكول``, ``التوقيع على
    الاتفاق``), or None: several documents (``توقيع اتفاقيات``) or none make no event."""
    k = i + 1
    if k < len(tokens) and tokens[k].norm in _SIGNING_ON:
        k += 1
    if k < len(tokens) and any(stem in _ONE_DOCUMENT for _, stem in tokens[k].forms):
        return k
    return None


def _indefinite_dual(norm: str) -> bool:
    """``اجتماعين``, ``باجتماعين``: two meetings told for the first time; ``الاجتماعين`` (the two
    told before) is no new event."""
    return any(stem in _MEETING_DUALS and "ال" not in prefix for prefix, stem in bare_forms(norm))


def meetings_told(tokens: list[Token], i: int) -> int:
    """How many events the trigger at ``i`` tells: two for a dual noun (``اجتماعين``), else one."""
    return 2 if _indefinite_dual(tokens[i].norm) else 1


def _singular(stem: str, written: str, tokens: list[Token], i: int) -> str:
    """The verb of a plural or dual form (``وصلوا``, ``التقيا``), or "" when it is none: ``بحثاً
    عن`` (in search of) is a noun, its tanwin written or ``عن`` after it."""
    if stem.endswith("وا") and len(stem) > 4:
        return stem[:-2]
    following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if stem.endswith("ا") and len(stem) > 3 and not written.endswith("ً") and following != "عن":
        return stem[:-1]
    return ""


def plural_form(tokens: list[Token], i: int) -> bool:
    """The trigger at ``i`` is a plural or dual verb (``وصلوا``, ``التقيا``): its subject is
    a group or the two sides, never one person told before."""
    stem = tokens[i].stem
    return stem not in _VERBS and bool(_singular(stem, tokens[i].text, tokens, i))


def _by_phone(tokens: list[Token], i: int, trig: Trigger) -> bool:
    """``أجرى … اتصالاً هاتفياً`` (the meeting verb's noun is a call) or ``بحث هاتفياً``."""
    window = _object_window(tokens, i)
    if trig.needs_object_noun:
        return any(_stem(tokens[k]) in _CALL_NOUNS for k in window)
    if trig.subject_role != "participant":
        return False
    # ``بحث هاتفياً``, ``بحث أوباما ونظيره أردوغان خلال اتصال هاتفي``
    window = _object_window(tokens, i)
    return any(
        tokens[k].norm in _BY_PHONE or (_stem(tokens[k]) in _CALL_NOUNS and tokens[k - 1].norm in _DURING)
        for k in window
    )


def _object_window(tokens: list[Token], i: int) -> range:
    """Token indexes after the verb at ``i`` where its object noun may stand."""
    end = min(len(tokens), i + _NOUN_WINDOW)
    stop = next((k for k in range(i + 1, end) if tokens[k].norm in _CLAUSE_END), end)
    return range(i + 1, stop)


def _after_meeting_noun(tokens: list[Token], i: int, nouns: frozenset[str] = _MEETINGS_TOLD) -> bool:
    """A meeting noun (``لقاء``, ``جلسته``) within the three words before ``i``."""
    for k in range(max(0, i - 3), i):
        for _, stem in tokens[k].forms:
            # ``جلسته``: the noun's ة is ت before its pronoun.
            bare = stem[:-2] + "ه" if stem.endswith("ته") else stem
            if stem in nouns or bare in nouns:
                return True
    return False


def _after_during(tokens: list[Token], i: int, prefix: str) -> bool:
    """``خلال استقباله``, ``لدى لقائه``: a meeting told in passing (not ``نتائج لقائه``)."""
    return prefix == "" and i > 0 and tokens[i - 1].norm in _DURING


def talks_of_a_pronoun(tokens: list[Token], t_idx: int, trigger: Trigger) -> bool:
    """``واجتماعه مع الرئيس``, ``خلال لقائه مع``: the pronoun is the one who met; who is
    named after the noun is the other side."""
    return (
        trigger.nominal
        and trigger.type == "Meeting"
        and any(stem in _TALKS_PRONOUN for _, stem in tokens[t_idx].forms)
    )


def _talks_with(tokens: list[Token], i: int) -> bool:
    """``واجتماعه مع الرئيس``, ``واللقاء مع المرجع``: a meeting noun followed by ``مع``;
    not the object of a meeting verb (``سيجري كيري محادثات مع لافروف``: the verb tells it)."""
    if i + 1 >= len(tokens) or tokens[i + 1].norm not in _WITH:
        return False
    if not any(
        stem in _TALKS_WITH and (prefix == "" or prefix in _TALKS_PREFIXES)
        for prefix, stem in tokens[i].forms
    ):
        return False
    return not any(_meeting_verb(tokens[k]) for k in range(max(0, i - _SUPPORT_REACH), i))


# How far before its noun a meeting verb may stand (أجرى وزير الخارجية الأمريكي جون كيري محادثات).
_SUPPORT_REACH = 8


def _meeting_verb(tok: Token) -> bool:
    for prefix, stem in tok.forms:
        if prefix not in ("", "و", "ف"):
            continue
        if stem[:1] == "س" and stem[1:] in _VERBS:
            stem = stem[1:]
        trig = _VERBS.get(stem)
        if trig is not None and trig.type == "Meeting":
            return True
    return False


def _purpose(prefix: str, stem: str) -> bool:
    """``يصل إلى أربيل للقاء بارزاني``: a meeting the subject went for."""
    return prefix in ("ل", "ول") and stem in _PURPOSE_NOUNS


def _stem(tok: Token) -> str:
    return tok.stem


def needs_place(tokens: list[Token], t_idx: int) -> bool:
    """A verb that is a journey only with a place (``توجه``, ``غادر``)."""
    return _verb_of(tokens[t_idx], _VISIT_NEEDS_PLACE)


def arrival(tokens: list[Token], t_idx: int) -> bool:
    """An arrival verb (``وصل``): with no place, a journey only when a person arrives."""
    return _verb_of(tokens[t_idx], _ARRIVAL_VERBS)


def _verb_of(tok: Token, verbs: frozenset[str]) -> bool:
    """The token is one of ``verbs``, after its proclitics and future prefix (``وسيصل``)."""
    return any(stem in verbs or (stem[:1] == "س" and stem[1:] in verbs) for _prefix, stem in tok.forms)


def negated(tokens: list[Token], t_idx: int) -> bool:
    """A negation just before the trigger (``لم يزر``)."""
    return t_idx > 0 and tokens[t_idx - 1].norm in _NEGATIONS


def modal_before(tokens: list[Token], t_idx: int) -> bool:
    """A future modal within four words before the trigger (``من المقرر أن``, ``سيتم``)."""
    return any(tokens[k].norm in _FUTURE_MODALS | _FUTURE_PASSIVES for k in range(max(0, t_idx - 4), t_idx))
