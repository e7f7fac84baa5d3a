"""Every ontology term the code base uses, named once.

This is the only module that spells out IRIs of vocabularies. ``hd:`` terms are
declared in ``ontology/hadath.ttl`` (the source of truth; a test checks that every
``HD`` term below is declared there). External vocabularies come from rdflib's
namespaces where rdflib ships them, so a typo fails at import, not in a query.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

HD = Namespace("https://w3id.org/hadath/ontology#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
SCHEMA = SDO  # https://schema.org/

# Instances are minted under this namespace (see kg.rdf.mint), never in HD.
DATA = "https://w3id.org/hadath/id/"

# Prefixes written into Turtle and used to shorten IRIs in query tables. The data
# prefixes only shorten IRIs whose local part is a plain id (``person:3fa2…``).
PREFIXES: dict[str, str] = {
    "hd": str(HD),
    "sem": str(SEM),
    "time": str(TIME),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "nif": str(NIF),
    "gaf": str(GAF),
    "org": str(ORG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "article": DATA + "article/",
    "event": DATA + "event/",
    "person": DATA + "person/",
    "organization": DATA + "organization/",
    "place": DATA + "place/",
}

# ---- rdf / rdfs / skos / xsd -------------------------------------------------------
TYPE = RDF.type
VALUE = RDF.value
LABEL = RDFS.label
ALT_LABEL = SKOS.altLabel
XSD_DATE = XSD.date
XSD_G_YEAR_MONTH = XSD.gYearMonth
XSD_G_YEAR = XSD.gYear
XSD_NON_NEGATIVE_INTEGER = XSD.nonNegativeInteger
XSD_BOOLEAN = XSD.boolean
XSD_ANY_URI = XSD.anyURI

# ---- SEM: events, actors, places, roles ------------------------------------------
SEM_EVENT = SEM.Event
SEM_ACTOR = SEM.Actor
SEM_PLACE = SEM.Place
SEM_ROLE = SEM.Role
SEM_ROLE_TYPE = SEM.RoleType
HAS_ACTOR = SEM.hasActor
HAS_PLACE = SEM.hasPlace
ROLE_TYPE = SEM.roleType
HAS_TIME_STAMP = SEM.hasTimeStamp
HAS_BEGIN_TIME_STAMP = SEM.hasBeginTimeStamp
HAS_END_TIME_STAMP = SEM.hasEndTimeStamp

# ---- hd: event classes, roles, status, time and title terms ------------------------
MEETING = HD.Meeting
VISIT = HD.Visit
CALL = HD.Call
AGREEMENT = HD.Agreement
STATEMENT = HD.Statement
EVENT_CLASSES: dict[str, URIRef] = {
    "Meeting": MEETING,
    "Visit": VISIT,
    "Call": CALL,
    "Agreement": AGREEMENT,
    "Statement": STATEMENT,
}
# The superclass of Meeting, Visit and Call in the ontology (PLOVER's CONSULT); never
# stated on an event, found through rdfs:subClassOf.
CONSULTATION = HD.Consultation

ROLE_TYPES: dict[str, URIRef] = {
    "host": HD.host,
    "guest": HD.guest,
    "visitor": HD.visitor,
    "destination": HD.destination,
    "caller": HD.caller,
    "callee": HD.callee,
    "participant": HD.participant,
    "attendee": HD.attendee,
    "speaker": HD.speaker,
    "signatory": HD.signatory,
}
DEFAULT_ROLE_TYPE = HD.participant  # a role string the ontology does not know yet

STATUS = HD.status
ANTICIPATES = HD.anticipates  # article → event it announced ahead
HAPPENED = HD.Happened
PLANNED = HD.Planned
EVENT_STATUS = HD.EventStatus
STATUSES: dict[str, URIRef] = {"happened": HAPPENED, "planned": PLANNED}

DATE_SOURCE = HD.dateSource  # event → where its date came from
DATE_SOURCE_CLASS = HD.DateSource
DATE_NONE = HD.DateNone
DATE_SOURCES: dict[str, URIRef] = {
    "stated": HD.DateStated,
    "inherited": HD.DateInherited,
    "publication": HD.DateFromPublication,
    "none": DATE_NONE,
}

TIME_EXPRESSION = HD.timeExpression
UNRESOLVED_TIME = HD.unresolvedTime
TIME_PRECISION = HD.timePrecision
HIJRI_CALENDAR = HD.HijriCalendar

AFFILIATED_WITH = HD.affiliatedWith
COUNTRY_CODE = HD.countryCode
CAMEO_CODE = HD.cameoCode
HOLDS_TITLE = HD.holdsTitle
TITLE_HOLDING = HD.TitleHolding
FIRST_SEEN = HD.firstSeen
LAST_SEEN = HD.lastSeen
ORIGIN = HD.origin
SENTENCE = HD.sentence

# ---- OWL-Time ----------------------------------------------------------------------
HAS_TIME = TIME.hasTime
INSTANT = TIME.Instant
PROPER_INTERVAL = TIME.ProperInterval
DATE_TIME_INTERVAL = TIME.DateTimeInterval
HAS_BEGINNING = TIME.hasBeginning
HAS_END = TIME.hasEnd
IN_XSD_DATE = TIME.inXSDDate
IN_DATE_TIME = TIME.inDateTime
HAS_DATE_TIME_DESCRIPTION = TIME.hasDateTimeDescription
GENERAL_DATE_TIME_DESCRIPTION = TIME.GeneralDateTimeDescription
HAS_TRS = TIME.hasTRS
TRS = TIME.TRS
UNIT_TYPE = TIME.unitType
T_YEAR = TIME.year
T_MONTH = TIME.month
T_DAY = TIME.day
GENERAL_YEAR = TIME.generalYear
GENERAL_MONTH = TIME.generalMonth
GENERAL_DAY = TIME.generalDay
UNITS: dict[str, URIRef] = {
    "day": TIME.unitDay,
    "week": TIME.unitWeek,
    "month": TIME.unitMonth,
    "year": TIME.unitYear,
}

# ---- schema.org --------------------------------------------------------------------
PERSON = SCHEMA.Person
ORGANIZATION = SCHEMA.Organization
PLACE = SCHEMA.Place
COUNTRY = SCHEMA.Country
NEWS_ARTICLE = SCHEMA.NewsArticle
URL = SCHEMA.url
DATE_PUBLISHED = SCHEMA.datePublished
HEADLINE = SCHEMA.headline
PUBLISHER = SCHEMA.publisher
# Entity.subtype → an extra schema.org class (subtypes not listed get none).
SUBTYPE_CLASSES: dict[str, URIRef] = {
    "country": SCHEMA.Country,
    "city": SCHEMA.City,
    "region": SCHEMA.AdministrativeArea,
    "government": SCHEMA.GovernmentOrganization,
    "media": SCHEMA.NewsMediaOrganization,
}

# ---- W3C ORG -----------------------------------------------------------------------
ORG_MEMBER = ORG.member
ORG_ROLE = ORG.role
ORG_ROLE_CLASS = ORG.Role
ORG_ORGANIZATION = ORG.organization

# ---- PROV, NIF, GAF ----------------------------------------------------------------
WAS_DERIVED_FROM = PROV.wasDerivedFrom
NIF_CONTEXT = NIF.Context
NIF_PHRASE = NIF.Phrase
NIF_SENTENCE = NIF.Sentence
IS_STRING = NIF.isString
BEGIN_INDEX = NIF.beginIndex
END_INDEX = NIF.endIndex
ANCHOR_OF = NIF.anchorOf
REFERENCE_CONTEXT = NIF.referenceContext
DENOTED_BY = GAF.denotedBy


def hd_terms() -> set[URIRef]:
    """Every hd: term named in this module (checked against ontology/hadath.ttl)."""
    found: set[URIRef] = set()
    for value in globals().values():
        items = value.values() if isinstance(value, dict) else [value]
        found.update(v for v in items if isinstance(v, URIRef) and v.startswith(str(HD)) and v != HD)
    return found
