"""Closed-class Arabic vocabulary the rules rely on: titles, honorifics, nationality
adjectives, organisation heads, function words. All entries are in normalised form
(see ``kg.arabic.normalize``): one alef, ي for ى, ه for ة.

Large open lists (place names, name statistics) are package data, loaded in
``kg.lexicon.gazetteer``.
"""

from __future__ import annotations

from kg.arabic.normalize import normalize


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# Heads of a post: the word that starts a title (``وزير`` الدفاع التركي).
TITLE_HEADS = _norm_set(
    """
    وزير وزيرة وكيل وكيلة رئيس رئيسة نائب نائبة مدير مديرة أمين أمينة سفير سفيرة قائد قائدة آمر
    مستشار مستشارة المتحدث المتحدثة متحدث الناطق ناطق عضو عضوة محافظ مبعوث مبعوثة ممثل ممثلة
    مساعد مساعدة منسق رئيسا سكرتير الأمين المدير الرئيس الوزير السفير القائد النائب المستشار المبعوث
    المنسق العاهل المندوب
    نظير نظيره نظيرها نظيرهم نظيريه مندوب قنصل القنصل عميد مفتي المفتي إمام خطيب قاضي النائب رئيس_الوزراء
    """
)
# ``محافظة`` is left out: before a name it is a governorate (``محافظة الطوال``), not a woman governor.
# Post heads that are given names too: before a family name alone (``الدكتور مساعد العيبان``,
# ``أمين الزاير``), the word is the person's given name, not his post.
POST_HEADS_GIVEN_NAMES = _norm_set("مساعد أمين")
# Titles that are complete on their own and directly precede a name: ``الملك سلمان``.
TITLE_WORDS = _norm_set(
    """
    الملك الملكة الأمير الأميرة الرئيس الشيخ الشيخة السلطان العاهل البابا الإمام المشير الفريق اللواء
    العميد العقيد المقدم الرائد النقيب الملازم الجنرال الأدميرال الدكتور الدكتورة المهندس المهندسة
    الأستاذ الأستاذة المستشار القاضي الحاج السيد السيدة المطران الكاردينال ولي
    """
)
# Courtesy forms that are never part of a name or a post.
HONORIFICS = _norm_set(
    """
    معالي سمو صاحب السمو الملكي فخامة سعادة دولة جلالة حضرة سماحة عطوفة نيافة غبطة قداسة
    د. م. أ. السيد السيدة الآنسة
    """
)
# Words that continue a military rank: ``الفريق أول``, ``العقيد الركن``.
# ... and epithets of a ruler: ``الملك المؤسس عبدالعزيز``, ``الملك الراحل فهد``.
RANK_TAILS = _norm_set("أول اول ركن الركن طيار بحري المؤسس الراحل")

# Multi-word titles that stand for one office: ``خادم الحرمين الشريفين`` (the Saudi king),
# ``ولي العهد``, ``ولي ولي العهد``. Longest first when matching.
FIXED_TITLES = tuple(
    sorted(
        (
            normalize(t)
            for t in (
                "خادم الحرمين الشريفين",
                "ولي ولي العهد",
                "ولي العهد",
                "النائب الثاني لرئيس مجلس الوزراء",
                "النائب الأول لرئيس مجلس الوزراء",
                "رئيس مجلس الوزراء",
                "رئيس الوزراء",
                "الأمين العام",
                "المتحدث الرسمي",
                "المتحدث باسم",
                "الناطق باسم",
                "الناطق الرسمي",
                "رئيس الأركان العامة",
                "رئيس هيئة الأركان",
                "رئيس الأركان",
                "أمير منطقة",
            )
        ),
        key=len,
        reverse=True,
    )
)
TITLE_ALONE_REFERS = {normalize("خادم الحرمين الشريفين"): normalize("الملك")}
# One-word posts that name their holder on their own (``وأكد الملك``); other bare heads
# (``الوزير``, ``الأمير``) name no one in particular.
TITLES_ALONE = frozenset({*TITLE_ALONE_REFERS, normalize("الملك"), normalize("العاهل")})

# Particles inside names: ``محمد بن سلمان``, ``آل سعود``, ``أبو بكر``, ``عبد العزيز``.
NAME_LINKS = _norm_set("بن ابن بنت آل أبو ابو أبي ابي أم عبد")
# Second halves of compound given names: ``صلاح الدين``, ``عبد الله``, ``نور الدين``.
NAME_SECOND_PARTS = _norm_set("الدين الله الرحمن الرحيم العزيز الكريم الإله النبي")

# ``الله`` is the second half of many given names besides ``عبد الله`` (``عوض الله``,
# ``فضل الله``, ``نصر الله``, ``جاب الله``): a name written up to the first half is cut.
ALLAH = normalize("الله")
ALLAH_NAME_HEADS = _norm_set(
    "عوض فضل نصر جاب خير عطا عطاء حسب رزق ضيف فتح جار عبيد خلف دفع عطية حرز سيف روح شكر مال نعمة هبة"
)
# Words of faith, never a person or a place on their own (``حفظه الله``, ``اللهم``).
FAITH_WORDS = _norm_set("الله اللهم لله بالله والله تالله")

# Words that end a name span (prepositions, pronouns, particles, frequent verbs and nouns of
# news prose that the ANERcorp statistics may not cover).
STOP_WORDS = _norm_set(
    """
    في من إلى على عن مع إن أن لأن كان كانت قد لقد لم لن ما لا هذا هذه ذلك تلك الذي التي الذين
    اللذين اللتين هو هي هم هما نحن أنا و ف ثم أو أم بل حتى كل بعض غير سوى عند لدى خلال بعد قبل
    بين حول ضد منذ أمام خلف تحت فوق وذلك حيث كما إذ إذا لو ليس أي أيضا اليوم أمس غدا الآن يوم
    صباح مساء الليلة عام العام شهر الشهر أسبوع الأسبوع الماضي المقبل القادم الحالي الجاري
    وكان وقال وأكد وأشار ولفت وأوضح يرافقه يرافقها برفقة بحضور بمشاركة نيابة عقب إثر أثناء لدى
    التابعة التابع الموقعة الشرعية المرافق المرافقة والوفد الوفد الجانب الطرفين
    مرحبا أهلا شكرا يصافح يتوسط يتحدث يلقي يترأس
    البلدين الجانبين تحيات تحية رسالة برقية تصريحات تصريح بيان كلمة
    لقاء اجتماع زيارة مباحثات محادثات اتصال هاتفي اتصالا
    """
)

# Nationality adjectives → ISO 3166 code (masculine and feminine forms are generated).
_DEMONYMS = {
    "LY": "الليبي",
    "TR": "التركي",
    "SA": "السعودي",
    "US": "الأمريكي الأميركي الامريكي",
    "RU": "الروسي",
    "QA": "القطري",
    "AE": "الإماراتي",
    "EG": "المصري",
    "SY": "السوري",
    "IQ": "العراقي",
    "IR": "الإيراني",
    "YE": "اليمني",
    "JO": "الأردني",
    "LB": "اللبناني",
    "PS": "الفلسطيني",
    "KW": "الكويتي",
    "BH": "البحريني",
    "OM": "العماني",
    "SD": "السوداني",
    "TN": "التونسي",
    "DZ": "الجزائري",
    "MA": "المغربي",
    "MR": "الموريتاني",
    "FR": "الفرنسي",
    "GB": "البريطاني",
    "DE": "الألماني",
    "IT": "الإيطالي",
    "ES": "الإسباني",
    "CN": "الصيني",
    "JP": "الياباني",
    "IN": "الهندي",
    "PK": "الباكستاني",
    "AF": "الأفغاني",
    "IL": "الإسرائيلي",
    "UA": "الأوكراني",
    "KR": "الكوري",
    "ET": "الإثيوبي",
    "SO": "الصومالي",
    "MY": "الماليزي",
    "ID": "الإندونيسي",
    "CA": "الكندي",
    "BE": "البلجيكي",
    "NL": "الهولندي",
    "SE": "السويدي",
    "AT": "النمساوي",
    "GR": "اليوناني",
    "CY": "القبرصي",
    "AM": "الأرميني",
    "AZ": "الأذربيجاني",
    "KZ": "الكازاخستاني",
    "UZ": "الأوزبكي",
    "AU": "الأسترالي",
    "BR": "البرازيلي",
    "AR": "الأرجنتيني",
    "MX": "المكسيكي",
    "NG": "النيجيري",
    "TD": "التشادي",
    "NE": "النيجري",
    "ML": "المالي",
    "ER": "الإريتري",
    "DJ": "الجيبوتي",
    "CH": "السويسري",
    "PL": "البولندي",
    "NO": "النرويجي",
    "DK": "الدنماركي",
    "FI": "الفنلندي",
    "HU": "المجري",
    "RO": "الروماني",
    "BG": "البلغاري",
    "RS": "الصربي",
    "BA": "البوسني",
    "AL": "الألباني",
    "GE": "الجورجي",
    "TM": "التركمانستاني",
    "TJ": "الطاجيكي",
    "KG": "القرغيزي",
    "BD": "البنغلاديشي",
    "LK": "السريلانكي",
    "NP": "النيبالي",
    "PH": "الفلبيني",
    "TH": "التايلاندي",
    "VN": "الفيتنامي",
    "KE": "الكيني",
    "ZA": "الجنوب_أفريقي",
    "VE": "الفنزويلي",
    "CU": "الكوبي",
    "EU": "الأوروبي",
}
# Regions/republics that news treats like states (``الرئيس الشيشاني``), and the UN
# (``المبعوث الأممي``), whose envoys are named like a state's.
_DEMONYMS_EXTRA = {"RU-CE": "الشيشاني", "UN": "الأممي"}


def _demonym_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, forms in {**_DEMONYMS, **_DEMONYMS_EXTRA}.items():
        for form in forms.split():
            n = normalize(form.replace("_", " "))
            table[n] = code
            table[n + "ه"] = code  # feminine: التركية
            table[n + "ين"] = code  # plural: الليبيين
            table[n + "ون"] = code
    return table


DEMONYMS: dict[str, str] = _demonym_table()

# Heads of organisation names: ``حكومة الوفاق``, ``قناة TRT``, ``عملية بركان الغضب``.
ORG_HEADS = _norm_set(
    """
    حكومة وزارة هيئة مجلس قناة صحيفة وكالة جامعة شركة منظمة حلف عملية الجيش جيش قوات ميليشيا ميليشيات
    مليشيا مليشيات حزب حركة جماعة البنك بنك مصرف المصرف اللجنة لجنة الاتحاد اتحاد جمعية مؤسسة
    المجلس صندوق الصندوق محكمة المحكمة برلمان البرلمان إدارة الإدارة غرفة الغرفة مكتب المكتب مركز
    المركز إذاعة الإذاعة تلفزيون التلفزيون مجموعة المجموعة كتيبة لواء الحرس جبهة الجبهة تحالف التحالف
    ائتلاف الائتلاف رابطة الرابطة نقابة مفوضية المفوضية الأمانة أمانة ديوان الديوان الهلال الصليب
    سلطة السلطة
    """
)
# Organisations that are named without a head noun.
_KNOWN_ORG_NAMES = (
    "الأمم المتحدة",
    "جامعة الدول العربية",
    "مجلس التعاون الخليجي",
    "مجلس التعاون لدول الخليج العربية",
    "الاتحاد الأوروبي",
    "الاتحاد الأفريقي",
    "حلف شمال الأطلسي",
    "حلف الناتو",
    "الناتو",
    "مجلس الأمن",
    "مجلس الأمن الدولي",
    "البنك الدولي",
    "صندوق النقد الدولي",
    "منظمة التعاون الإسلامي",
    "داعش",
    "تنظيم الدولة",
    "القاعدة",
    "طالبان",
    "حزب الله",
    "حماس",
    "الحوثيين",
    "جماعة الحوثي",
    "أوبك",
    "الصليب الأحمر",
    "الهلال الأحمر",
    "المجلس الرئاسي",
    "مجلس النواب",
    "مجلس الشورى",
    "مجلس الدولة",
    "الكونغرس",
    "البيت الأبيض",
    "الكرملين",
    "البنتاغون",
    "التحالف العربي",
    "قوات التحالف",
)
# Normalised name → the name as it is usually written (for labels).
KNOWN_ORGS: dict[str, str] = {normalize(o): o for o in _KNOWN_ORG_NAMES}
# Words after an organisation head that end its name: ``حكومة الوفاق غير الشرعية``.
ORG_STOPS = _norm_set(
    """
    غير التابعة التابع الذي التي الموقعة المعترف الشرعية الرسمية الرسمي المدعومة المدعوم السابق
    السابقة الحالي الحالية الجديد الجديدة المؤقتة
    """
)

# Site heads for named places: ``قصر السلام``, ``مطار معيتيقة``.
SITE_HEADS = _norm_set("قصر مطار ميناء قاعدة مسجد ساحة فندق معبر منفذ مستشفى مخيم سجن")

# Given names that are also common words of news prose (``تركي`` Turkish, ``متعب`` tired,
# ``بندر`` port, ``منصور`` victorious), which ANERcorp's counts would read as prose. The
# Gulf's princes and ministers carry them; written here because no library lists them.
# Not ``علي``: normalised, it is also the preposition ``على``.
GIVEN_NAMES = _norm_set(
    """
    تركي متعب بندر فيصل سلطان منصور نايف مشعل سعود فهد خالد ماجد نواف مقرن طلال الوليد
    عبدالله عبدالعزيز عبدالرحمن سلمان محمد أحمد حمد تميم زايد خليفة هزاع طحنون مكتوم راشد
    صباح جابر قابوس حسن حسين عمر فؤاد أيمن نبيل وليد ياسر عادل جمال كمال هادي صالح
    """
)
