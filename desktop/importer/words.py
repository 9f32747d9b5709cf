"""Word lists the number finder reads a sentence with (kept apart so the grammar stays readable)."""

from __future__ import annotations

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
FOLD_WORDS = {
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
    "eightfold": 8, "ninefold": 9, "tenfold": 10, "twentyfold": 20, "hundredfold": 100, "thousandfold": 1000,
}  # fmt: skip
CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "several hundred": None,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
MONEY_SCALES = {**SCALES, "m": 1e6, "k": 1e3, "b": 1e9, "tn": 1e12}
CURRENCY_PREFIXES = {
    "US$": "US$", "HK$": "HK$", "A$": "A$", "C$": "C$", "S$": "S$", "$": "$", "€": "€", "£": "£", "¥": "¥",
    "RMB": "yuan", "CNY": "yuan", "USD": "US$", "EUR": "€", "GBP": "£",
}  # fmt: skip
CURRENCY_WORDS = {
    "yuan": "yuan", "renminbi": "yuan", "us dollars": "US$", "dollars": "$", "euros": "€", "euro": "€",
    "pounds": "£", "yen": "¥",
}  # fmt: skip
# Units written straight after the digits ("4.2TWh", "12km").
ATTACHED_UNITS = {"km", "kg", "kwh", "mwh", "gwh", "twh", "kw", "mw", "gw", "tw", "mm", "cm", "t", "bn", "mn", "x",
                  "pp", "ppt", "ppts"}  # fmt: skip
MEASURE_UNITS = {"km", "kilometres", "kilometers", "kg", "tonnes", "tons", "kwh", "mwh", "gwh", "twh", "kw", "mw",
                 "gw", "tw", "eflops", "pflops", "hectares", "litres", "liters", "mu", "m", "cm", "mm", "g", "t",
                 "ha", "l", "mph", "km/h"}  # fmt: skip
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")  # fmt: skip
# A capitalised word before a number that makes the number part of a name: "Line 3", "No. 7", "Terminal 2".
NAME_WORDS = {
    "no.", "no", "line", "route", "terminal", "phase", "gate", "platform", "article", "section", "chapter", "table",
    "figure", "fig.", "page", "level", "stage", "grade", "class", "type", "version", "unit", "block", "zone", "ring",
    "runway", "bus", "metro", "lot", "item", "annex", "appendix", "road", "street", "highway", "exit", "pier",
    "berth", "building", "room", "floor", "district", "tier", "category",
}  # fmt: skip
STOP_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "from", "with", "by", "and", "or", "but", "as", "than",
    "that", "which", "who", "whose", "while", "per", "across", "into", "among", "between", "has", "have", "had",
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "should", "can", "may", "its",
    "their", "his", "her", "our", "this", "these", "those", "it", "they", "we", "there", "here", "each", "every",
    "also", "now", "so", "such", "both", "all", "some", "about", "around", "nearly", "almost", "over", "under",
    "more", "less", "up", "down", "not", "only", "just", "since", "during", "after", "before", "through", "via",
    "where", "when", "whereas", "if", "compared", "against", "versus", "vs", "including", "within", "without",
}  # fmt: skip
IRREGULAR_PLURALS = {"people", "children", "staff", "personnel", "cattle", "livestock", "police", "women", "men",
                     "residents", "sheep", "fish", "mu"}  # fmt: skip
# Verbs and links between a counted subject and its number: "users reaching 226 million", "sales stood at".
LINK_WORDS = {
    "reaching", "reached", "reach", "reaches", "totalling", "totaling", "totalled", "totaled", "total", "totals",
    "stood", "stands", "standing", "at", "was", "were", "is", "are", "of", "to", "hit", "hitting", "numbered",
    "numbering", "rose", "rising", "grew", "growing", "increased", "increasing", "amounted", "amounting", "has",
    "have", "had", "been", "exceeded", "exceeding", "surpassed", "topped", "ranking", "ranked", "ranks", "rank",
    "came", "placed", "by", "up", "down", "surging", "surged", "jumped", "jumping", "climbed", "fell", "falling",
    "dropped", "declined", "declining", "gained", "soared", "expanded", "now", "about", "around", "nearly",
    "over", "more", "than", "almost", "some", "roughly", "approximately", "least", "as", "many", "much", "with",
    "number", "take", "took", "takes", "taking", "lasted", "lasting", "needed", "needs", "increase", "growth",
    "rise", "decline", "fall", "drop", "jump", "gain", "passed", "comes",
}  # fmt: skip
GROWTH_BEFORE = (
    r"up|rose|risen|rising|grew|grown|growing|increased|increasing|increase|surged|surging|surge|jumped|jumping|"
    r"climbed|gained|soared|soaring|expanded|growth\s+of|increase\s+of|rise\s+of|rises|grows|increases|"
    r"year-on-year\s+(?:increase|growth|rise)\s+of"
)
DECLINE_BEFORE = (
    r"down|fell|fallen|falling|declined|declining|decline|dropped|dropping|decreased|decreasing|decrease|shrank|"
    r"contracted|slid|slipped|plunged|decline\s+of|drop\s+of|fall\s+of|falls|drops|declines|decreases"
)
