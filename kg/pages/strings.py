"""Interface strings of the graph page, in Arabic and English.

Only the interface is translated: labels, names and sentences come from the articles
as written. Roles, kinds, event types, date precisions and date sources are keyed by the
values the model uses, so the page never has to guess a translation.
"""

from __future__ import annotations

LANGS = ("ar", "en")

ROLES = {
    "ar": {
        "host": "مضيف",
        "guest": "ضيف",
        "visitor": "زائر",
        "destination": "وجهة",
        "caller": "المتصِل",
        "callee": "المتصَل به",
        "participant": "مشارك",
        "attendee": "حاضر",
        "speaker": "متحدث",
        "signatory": "موقّع",
    },
    "en": {
        "host": "host",
        "guest": "guest",
        "visitor": "visitor",
        "destination": "destination",
        "caller": "caller",
        "callee": "callee",
        "participant": "participant",
        "attendee": "attendee",
        "speaker": "speaker",
        "signatory": "signatory",
    },
}

KINDS = {
    "ar": {"person": "شخص", "organization": "منظمة", "place": "مكان", "event": "حدث"},
    "en": {"person": "Person", "organization": "Organisation", "place": "Place", "event": "Event"},
}

EVENT_TYPES = {
    "ar": {
        "Meeting": "لقاء",
        "Visit": "زيارة",
        "Call": "اتصال هاتفي",
        "Agreement": "اتفاق",
        "Statement": "تصريح",
    },
    "en": {
        "Meeting": "Meeting",
        "Visit": "Visit",
        "Call": "Phone call",
        "Agreement": "Agreement",
        "Statement": "Statement",
    },
}

PRECISIONS = {
    "ar": {
        "day": "يوم",
        "week": "أسبوع",
        "month": "شهر",
        "year": "سنة",
        "decade": "عقد",
        "vague": "مبهم",
        "unresolved": "غير محدد",
    },
    "en": {
        "day": "day",
        "week": "week",
        "month": "month",
        "year": "year",
        "decade": "decade",
        "vague": "vague",
        "unresolved": "unresolved",
    },
}

STATUSES = {
    "ar": {"happened": "وقع", "planned": "مخطط له"},
    "en": {"happened": "happened", "planned": "planned"},
}

# Where an event's date came from (``kg.model.DateSource``), shown beside the date.
DATE_SOURCES = {
    "ar": {
        "stated": "التاريخ مذكور في جملة الحدث",
        "inherited": "التاريخ مستنتج من سياق المقال",
        "publication": "تاريخ نشر المقال",
        "none": "لا يذكر المقال تاريخًا",
    },
    "en": {
        "stated": "date stated in the event's sentence",
        "inherited": "date inferred from the article's context",
        "publication": "the article's publication date",
        "none": "the article gives no date",
    },
}

# Static and dynamic interface text. ``{n}``/``{m}`` are filled in by the page script.
UI = {
    "ar": {
        "title": "حدث — شبكة الأحداث",
        "search": "بحث",
        "search_placeholder": "ابحث عن اسم أو حدث…",
        "no_results": "لا نتائج",
        "kinds": "الأنواع",
        "event_types": "أنواع الأحداث",
        "dates": "التاريخ",
        "date_from": "من",
        "date_to": "إلى",
        "undated": "أحداث بلا تاريخ",
        "edges": "الروابط",
        "edge_role": "دور في حدث",
        "edge_place": "مكان الحدث",
        "edge_affiliation": "تابع لـ",
        "planned_legend": "حدث مخطط له (إطار متقطع)",
        "shown": "المعروض: {n} عقدة و{e} رابطًا",
        "truncated": "يعرض {n} من أصل {m} عقدة (الأكثر ترابطًا)؛ البحث يشمل الكل",
        "panel_empty": "مرّر المؤشر فوق عقدة أو انقر عليها لعرض تفاصيلها.",
        "type": "النوع",
        "date": "التاريخ",
        "precision": "الدقة",
        "status": "الحالة",
        "place": "المكان",
        "actors": "الفاعلون",
        "sources": "المصادر",
        "sentence": "الجملة",
        "kind": "الصنف",
        "aliases": "أسماء أخرى",
        "titles": "المناصب",
        "affiliation": "الانتماء",
        "seen": "رُصد",
        "events": "الأحداث",
        "articles": "المقالات",
        "none": "—",
        "not_drawn": "(غير مرسوم)",
        "reset": "إعادة الضبط",
        "app_name": "حدث",
        "whole_graph": "الشبكة كاملة",
        "open_page": "افتح صفحته",
        "neighbourhood": "الجوار",
        "timeline": "الخط الزمني",
        "undated_events": "أحداث تاريخها غير محدد",
        "others": "مع",
        "members": "المنتسبون",
        "showing": "يعرض {n} من {m}",
        "no_events": "لا أحداث",
        "timeline_undated": "أحداث بلا تاريخ: {n}",
        "link": "الرابط",
        "omitted": "و{n} غيرها لم تُعرض هنا",
    },
    "en": {
        "title": "Hadath — event graph",
        "search": "Search",
        "search_placeholder": "Search a name or event…",
        "no_results": "No results",
        "kinds": "Kinds",
        "event_types": "Event types",
        "dates": "Dates",
        "date_from": "From",
        "date_to": "To",
        "undated": "Events without a date",
        "edges": "Links",
        "edge_role": "role in an event",
        "edge_place": "place of an event",
        "edge_affiliation": "affiliated with",
        "planned_legend": "planned event (dashed border)",
        "shown": "Shown: {n} nodes, {e} links",
        "truncated": "Showing {n} of {m} nodes (the most connected); search covers all",
        "panel_empty": "Hover over or click a node to see its details.",
        "type": "Type",
        "date": "Date",
        "precision": "precision",
        "status": "Status",
        "place": "Place",
        "actors": "Actors",
        "sources": "Sources",
        "sentence": "Sentence",
        "kind": "Kind",
        "aliases": "Also written",
        "titles": "Titles",
        "affiliation": "Affiliation",
        "seen": "seen",
        "events": "Events",
        "articles": "Articles",
        "none": "—",
        "not_drawn": "(not drawn)",
        "reset": "Reset",
        "app_name": "Hadath",
        "whole_graph": "Whole graph",
        "open_page": "Open its page",
        "neighbourhood": "Neighbourhood",
        "timeline": "Timeline",
        "undated_events": "Events with no resolved date",
        "others": "with",
        "members": "Members",
        "showing": "Showing {n} of {m}",
        "no_events": "No events",
        "timeline_undated": "Events without a date: {n}",
        "link": "Link",
        "omitted": "and {n} more not shown here",
    },
}


def strings(lang: str) -> dict:
    """Every interface string for ``lang``, grouped as the page script reads them."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return {
        "ui": UI[lang],
        "roles": ROLES[lang],
        "kinds": KINDS[lang],
        "event_types": EVENT_TYPES[lang],
        "precisions": PRECISIONS[lang],
        "statuses": STATUSES[lang],
        "date_sources": DATE_SOURCES[lang],
    }
