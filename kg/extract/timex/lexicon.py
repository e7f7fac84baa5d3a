"""Words that name times in Arabic news, keyed by their normalised form.

Everything here is written the way people spell it and folded with
``kg.arabic.normalize.normalize`` at import, so lookups work on the matching form
(one alef, ي for ى, ه for ة).
"""

from __future__ import annotations

from kg.arabic.normalize import normalize


def _fold(table: dict[str, int]) -> dict[str, int]:
    return {normalize(k): v for k, v in table.items()}


# Standard (Egypt, Gulf), Levantine/Iraqi (Syriac names), Algerian/Tunisian (French) and
# Moroccan spellings. They all name the same twelve Gregorian months.
GREGORIAN_MONTHS: dict[str, int] = _fold(
    {
        "يناير": 1, "كانون الثاني": 1, "جانفي": 1, "جانفييه": 1,
        "فبراير": 2, "شباط": 2, "فيفري": 2, "فبرير": 2,
        "مارس": 3, "آذار": 3,
        "أبريل": 4, "إبريل": 4, "ابريل": 4, "نيسان": 4, "أفريل": 4,
        "مايو": 5, "أيار": 5, "ماي": 5, "مايس": 5,
        "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
        "يوليو": 7, "يوليه": 7, "تموز": 7, "جويلية": 7, "جويلة": 7, "يوليوز": 7,
        "أغسطس": 8, "اغسطس": 8, "آب": 8, "أوت": 8, "غشت": 8,
        "سبتمبر": 9, "أيلول": 9, "شتنبر": 9,
        "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10, "أوكتوبر": 10,
        "نوفمبر": 11, "تشرين الثاني": 11, "نونبر": 11,
        "ديسمبر": 12, "كانون الأول": 12, "دجنبر": 12,
    }
)  # fmt: skip

# Libya 1986-2011: Gregorian months under new names. Most are ordinary words
# (the water, the summer, the spring, the birds, dates, ploughing, Nasser, "the opener"),
# so they count as months only in a date context (see ``CONTEXT_ONLY``).
LIBYAN_MONTHS: dict[str, int] = _fold(
    {
        "أي النار": 1, "آي النار": 1, "النوار": 2, "الربيع": 3, "الطير": 4, "الماء": 5, "الصيف": 6,
        "ناصر": 7, "هانيبال": 8, "هانيبعل": 8, "الفاتح": 9, "التمور": 10, "الحرث": 11, "الكانون": 12,
    }
)  # fmt: skip

HIJRI_MONTHS: dict[str, int] = _fold(
    {
        "محرم": 1, "المحرم": 1,
        "صفر": 2,
        "ربيع الأول": 3, "ربيع أول": 3,
        "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع ثاني": 4, "ربيع آخر": 4,
        "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى أولى": 5,
        "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
        "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
        "ذو القعدة": 11, "ذي القعدة": 11, "ذو القعده": 11, "ذوالقعدة": 11,
        "ذو الحجة": 12, "ذي الحجة": 12, "ذوالحجة": 12,
    }
)  # fmt: skip

# Month names that are also common words or names: verbs (مارس "practised", يوليه "gives it"), "father"
# (آب), a car maker (نيسان), given names (رمضان, رجب, شعبان), "zero" (صفر).
# Libyan names are stricter still: see ``LIBYAN_MONTHS``.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "مارس",
        "آب",
        "ماي",
        "نيسان",
        "مايس",
        "يوليه",
        "يونيه",
        "رمضان",
        "رجب",
        "شعبان",
        "محرم",
        "المحرم",
    )
)
# Never a month on a preposition alone: ``في صفر`` is "at zero" as often as not.
STRICT_MONTHS: frozenset[str] = frozenset({normalize("صفر")}) | frozenset(LIBYAN_MONTHS)

ALL_MONTHS: frozenset[str] = frozenset(GREGORIAN_MONTHS) | frozenset(LIBYAN_MONTHS) | frozenset(HIJRI_MONTHS)

# Weekday stems without the article (0 = Monday, as ``date.weekday()``).
WEEKDAY_STEMS: dict[str, int] = _fold(
    {
        "اثنين": 0, "إثنين": 0, "اتنين": 0, "ثلاثاء": 1, "ثلاثا": 1, "أربعاء": 2, "اربعا": 2,
        "خميس": 3, "جمعة": 4, "سبت": 5, "أحد": 6,
    }
)  # fmt: skip
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

DIRECTIONS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "الماضي": "past", "الماضية": "past", "المنصرم": "past", "المنصرمة": "past", "الفائت": "past",
        "الفائتة": "past", "السابق": "past", "السابقة": "past", "المنقضي": "past", "الأخير": "past",
        "الأخيرة": "past", "الماضيين": "past", "الماضيتين": "past", "الأخيرين": "past",
        "المقبل": "future", "المقبلة": "future", "القادم": "future", "القادمة": "future", "الآتي": "future",
        "المقبلين": "future", "القادمين": "future", "المقبلتين": "future", "القادمتين": "future",
        "الجاري": "present", "الجارية": "present", "الحالي": "present", "الحالية": "present",
    }.items()
}  # fmt: skip
# "Last"-words that only mean "past" after a plural (الأيام الأخيرة), not after a month.
PLURAL_ONLY_PAST: frozenset[str] = frozenset(
    normalize(w) for w in ("الأخير", "الأخيرة", "الأخيرين", "الماضيين", "الماضيتين")
) | frozenset(normalize(w) for w in ("المقبلين", "القادمين", "المقبلتين", "القادمتين"))

# Time of day written before a day: kept in the span, the date is the day's.
TIMES_OF_DAY: tuple[str, ...] = tuple(
    normalize(w)
    for w in (
        "صباح", "مساء", "ظهر", "ظهيرة", "عصر", "فجر", "ليلة", "ليل", "صبيحة", "ضحى", "أمسية",
        "منتصف ليل", "منتصف ليلة", "نهار", "عشية", "قبيل ظهر", "بعد ظهر", "قبيل منتصف ليل",
    )
)  # fmt: skip

# Where in a period: the thirds of the span a vague "early/mid/late" covers.
PERIOD_PARTS: dict[str, int] = _fold(
    {
        "مطلع": 0, "مستهل": 0, "بداية": 0, "أوائل": 0, "أول": 0, "غرة": 0,
        "منتصف": 1, "أواسط": 1, "وسط": 1,
        "أواخر": 2, "نهاية": 2, "آخر": 2, "ختام": 2, "أخر": 2, "نهايات": 2, "بدايات": 0,
    }
)  # fmt: skip

# Words before a bare month name that make it a month (``في مارس``, not ``مارس الضغط``).
TIME_PREPOSITIONS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "في", "خلال", "منذ", "حتى", "قبل", "بعد", "طوال", "طيلة", "حلول", "بحلول", "لغاية", "غاية",
        "إلى", "من", "ومنذ", "وفي", "وخلال", "وحتى", "شهر", "شهري", "أشهر",
    )
) | frozenset(PERIOD_PARTS)  # fmt: skip

# Cardinal number words (both genders) → value.
_UNITS = {
    "واحد": 1, "واحدة": 1, "اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
}  # fmt: skip
_TENS = {
    "عشر": 10, "عشرة": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40,
    "أربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مائة": 100, "مئة": 100,
}  # fmt: skip
_TEENS = {
    "أحد عشر": 11, "إحدى عشرة": 11, "احد عشر": 11, "اثني عشر": 12, "اثنا عشر": 12, "اثنتي عشرة": 12,
    "اثنتا عشرة": 12,
}  # fmt: skip
for _w, _v in list(_UNITS.items()):
    if _v >= 3:
        _TEENS[f"{_w} عشر"] = 10 + _v
        _TEENS[f"{_w} عشرة"] = 10 + _v
NUMBER_UNITS: dict[str, int] = _fold(_UNITS)
NUMBER_TENS: dict[str, int] = _fold(_TENS)
NUMBER_TEENS: dict[str, int] = _fold(_TEENS)
# "A few", "several": a count we cannot know.
VAGUE_COUNTS: frozenset[str] = frozenset(normalize(w) for w in ("بضعة", "بضع", "عدة", "بعض"))

# Unit words: normalised form → (ISO 8601 designator, count the word itself carries).
# Duals carry 2 (أسبوعين = two weeks); plurals carry no count; singulars carry 1.
_UNIT_FORMS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # unit: (designator, singulars, duals, plurals)
    "day": ("D", ("يوم", "يوما", "يوماً"), ("يومين", "يومان"), ("أيام",)),
    "week": ("W", ("أسبوع", "أسبوعا", "أسبوعاً"), ("أسبوعين", "أسبوعان"), ("أسابيع",)),
    "month": ("M", ("شهر", "شهرا", "شهراً"), ("شهرين", "شهران"), ("أشهر", "شهور")),
    "year": (
        "Y",
        ("عام", "عاما", "عاماً", "سنة", "سنه"),
        ("عامين", "عامان", "سنتين", "سنتان"),
        ("أعوام", "سنوات", "سنين"),
    ),
    "decade": ("10Y", ("عقد", "عقدا"), ("عقدين", "عقدان"), ("عقود",)),
    "hour": ("H", ("ساعة",), ("ساعتين", "ساعتان"), ("ساعات",)),
    "minute": ("MIN", ("دقيقة",), ("دقيقتين", "دقيقتان"), ("دقائق",)),
}
UNIT_WORDS: dict[str, tuple[str, int | None]] = {}
for _unit, (_des, _sing, _dual, _plur) in _UNIT_FORMS.items():
    for _w in _sing:
        UNIT_WORDS[normalize(_w)] = (_unit, 1)
    for _w in _dual:
        UNIT_WORDS[normalize(_w)] = (_unit, 2)
    for _w in _plur:
        UNIT_WORDS[normalize(_w)] = (_unit, None)
UNIT_DESIGNATOR: dict[str, str] = {u: v[0] for u, v in _UNIT_FORMS.items()}
DUAL_UNITS: frozenset[str] = frozenset(w for w, (_, count) in UNIT_WORDS.items() if count == 2)

# Decade words: ``التسعينيات`` (the nineties) → 9.
DECADES: dict[str, int] = {}
for _stem, _v in {
    "عشرين": 2, "ثلاثين": 3, "أربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9,
}.items():  # fmt: skip
    for _suffix in ("يات", "ات"):
        DECADES[normalize(_stem + _suffix)] = _v

# Weekday-set and frequency adverbs.
FREQUENCY_ADVERBS: dict[str, str] = {
    normalize(k): v for k, v in {"يومياً": "day", "أسبوعياً": "week", "شهرياً": "month", "سنوياً": "year"}.items()
}

# Ordinal days before ``من <month>``: الرابع من يوليو, الحادي والعشرين من مارس; غرة = the 1st.
_ORDINAL_UNITS = {
    "الأول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9,
}  # fmt: skip
_ORDINALS = dict(_ORDINAL_UNITS) | {"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "غرة": 1}
for _w, _v in _ORDINAL_UNITS.items():
    if _w != "الأول":
        _ORDINALS[f"{_w} عشر"] = 10 + _v
    for _tens_word, _tens in (("العشرين", 20), ("الثلاثين", 30)):
        if _tens + _v <= 31 and _w != "الأول":
            _ORDINALS[f"{_w} و{_tens_word}"] = _tens + _v
del _ORDINALS["الحادي"]
ORDINAL_DAYS: dict[str, int] = _fold(_ORDINALS)
