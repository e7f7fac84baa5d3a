/* Arabic normalisation for search: the same rules as kg/arabic/normalize.py, so a name
 * typed with or without hamza, diacritics or tatweel finds the same nodes.
 * Part of the graph page's script (and of the events table's, before table.js):
 * kg/pages/scripts.py inlines common.js and then the parts in order, in one function scope. */
var LETTERS = {
  "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
  "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a",
  "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06a9": "\u0643", "\u06aa": "\u0643",
  "\u06be": "\u0647", "\u06c1": "\u0647", "\u06c0": "\u0647", "\u06af": "\u0643"
};
var INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad";

function isDiacritic(code) {
  return (code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06ed);
}

function foldChar(ch) {
  var code = ch.codePointAt(0);
  if (isDiacritic(code) || ch === "\u0640" || INVISIBLE.indexOf(ch) >= 0) return "";
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) {
    var folded = ch.normalize("NFKC");
    if (folded === ch) return ch;
    var out = "";
    for (var c of folded) out += foldChar(c);
    return out;
  }
  ch = LETTERS[ch] || ch;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ch;
}

function normalize(text) {
  var out = "";
  for (var ch of text) out += foldChar(ch);
  return out;
}

// Search also ignores Latin case and runs of spaces, on top of the shared rules.
function searchKey(text) {
  return normalize(text).toLowerCase().replace(/\s+/g, " ").trim();
}
