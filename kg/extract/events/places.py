"""Where an event took place: a visit's destination (``إلى``/``ل`` + place), where a
meeting was held (``في``/``بـ`` + place, perhaps with a head noun between), where a
statement was made; a place after a topic marker (``لبحث``) is what is discussed."""

from __future__ import annotations

from kg.arabic.tokens import Token
from kg.extract.events.clauses import Ends
from kg.extract.events.refs import ActorRef
from kg.extract.events.triggers import tour_leg
from kg.lexicon.triggers import Trigger, words
from kg.model import Mention

_DEST_PREPS = words("DEST_PREPS")
_TOPIC_MARKERS = words("TOPIC_MARKERS")
_IN_PREPS = words("IN_PREPS")
_PLACE_HEADS = words("PLACE_HEADS")
_STATEMENT_PLACE_PREPS = words("STATEMENT_PLACE_PREPS")
_TOUR_INCLUDES = words("TOUR_INCLUDES")
_TIME_SUBORDINATORS = words("TIME_SUBORDINATORS")


def find_place(
    tokens: list[Token],
    t_idx: int,
    trig: Trigger,
    places: list[ActorRef],
    mentions: list[Mention],
    ends: Ends,
) -> int | None:
    """The mention index of the place of the trigger at ``t_idx``, or None."""
    end = ends.clause[t_idx + 1]
    candidates = [p for p in places if t_idx < p.first < end]
    if trig.type == "Visit":
        if trig.nominal:
            # ``زيارة … لمنطقة الخليج بعد توصل إيران … لطهران``: a place after ``بعد``/``قبل``
            # belongs to the other event the clause tells, not to the visit.
            stop = next((k for k in range(t_idx + 1, end) if tokens[k].norm in _TIME_SUBORDINATORS), end)
            candidates = [p for p in candidates if p.first < stop]
        # ``بدأت الجولة بمطار الملك خالد بالرياض``: the leg's site is the first place after it.
        leg = trig.nominal and tour_leg(tokens, t_idx)
        for p in candidates:
            prev = tokens[p.first - 1].norm if p.first > 0 else ""
            included = prev in _TOUR_INCLUDES  # ``جولة تشمل الكويت وقطر``
            # ``لمنطقة الخليج``, ``للعاصمة الروسية``: ل on the head noun before the name.
            headed = prev[:1] == "ل" and (prev[1:] in _PLACE_HEADS or prev[2:] in _PLACE_HEADS)
            if (
                prev in _DEST_PREPS
                or _after_prep(tokens, p.first, _DEST_PREPS)  # ``إلى العاصمة الصينية بكين``
                or tokens[p.first].norm[:1] == "ل"
                or included
                or headed
                or trig.nominal is False
                or leg
            ):
                return p.mention
        return None
    topic = next((k for k in range(t_idx + 1, end) if tokens[k].norm in _TOPIC_MARKERS), end)
    for p in candidates:
        if p.first > topic and trig.type != "Statement":
            break  # ``لبحث النزاعين في سورية``: what is discussed, not where
        if trig.type == "Statement":
            # A statement's place is where it was made (``قال … من طرابلس``), not what it is about.
            if p.first - t_idx <= 4 and p.first > 0 and tokens[p.first - 1].norm in _STATEMENT_PLACE_PREPS:
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
    return _after_prep(tokens, p.first, _IN_PREPS)


def _after_prep(tokens: list[Token], first: int, preps: frozenset[str]) -> bool:
    """One of ``preps`` before the place at ``first``, perhaps with a head noun and its nisba
    adjective between (``في العاصمة القطرية الدوحة``, ``إلى العاصمة الصينية بكين``)."""
    for k in range(first - 1, max(-1, first - 4), -1):
        norm = tokens[k].norm
        if norm in preps:
            return True
        if norm not in _PLACE_HEADS and not (norm.startswith("ال") and norm.endswith("يه")):
            return False
    return False


def more_destinations(tokens: list[Token], first: int, places: list[ActorRef]) -> list[int]:
    """Places listed after a visit's first destination (``إلى الكويت وقطر، ثم العراق``)."""
    by_mention = {p.mention: p for p in places}
    prev = by_mention.get(first)
    if prev is None:
        return []
    out = []
    for p in sorted(places, key=lambda r: r.first):
        if p.first <= prev.last:
            continue
        gap = [tokens[k].norm for k in range(prev.last + 1, p.first)]
        joined = tokens[p.first].norm[:1] == "و" or gap in (["،"], [","], ["و"], ["ثم"], ["،", "ثم"])
        if not joined or len(gap) > 2:
            break
        out.append(p.mention)
        prev = p
    return out
