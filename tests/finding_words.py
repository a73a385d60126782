"""The words the filter must find however they are typed (issue 26): one list for the core's tests
and the browser's."""

# A typed word with one slip (a letter missed, added, changed or two swapped), and a word the
# vocabulary or the guidance holds that it should find as if typed right.
SLIPS = [
    ("neglet", "neglect"),
    ("nelgect", "neglect"),
    ("brusing", "bruising"),
    ("bruisess", "bruises"),
    ("exploitaton", "exploitation"),
    ("domestik", "domestic"),
    ("truancey", "truancy"),
    ("pregnent", "pregnant"),
    ("selfharm", "self harm"),
    ("self-harm", "self harm"),
    ("homless", "homeless"),
    # A slip in a word that starts two terms run together ("deal line"): still a slip, forgiven.
    ("dealling", "dealing"),
]


FORMS = [
    ("bruise", ["bruises", "bruised", "bruising"]),
    ("neglect", ["neglected", "neglecting", "neglects"]),
    ("bully", ["bullied", "bullies", "bullying"]),
    ("injury", ["injuries", "injured"]),
    ("groom", ["grooming", "groomed"]),
    ("touch", ["touching", "touched"]),
]


# Words with a mild and a grave reading: each must find a worry at the highest level as well as a
# lower one, so the grave reading is never hidden behind the mild one.
TWO_READINGS = ["grooming", "hit", "touching", "missing", "self harm", "online", "drugs", "fighting", "left alone"]


# A short typed word and longer words it must not find: inside a longer word, a word of three letters
# or fewer is usually another word ("older men" is no worry about mental health). Each short word
# still finds itself and its own endings.
SHORT_INSIDE = [
    ("men", ["mental", "mentioned", "mentor"]),
    ("sex", ["sexual", "sexualised"]),
    ("ill", ["illness", "illegal"]),
    ("arm", ["army", "harm"]),
    ("hit", ["hitch"]),
    ("cut", ["cute"]),
]
SHORT_ENDINGS = [("hit", ["hit", "hits", "hitting"]), ("cut", ["cuts", "cutting"]), ("men", ["men"])]
# A short word's plural, typed, finds the word and its endings too (and still no longer word).
SHORT_PLURALS = [
    ("hits", ["hit", "hitting"], ["hitch"]),
    ("cuts", ["cut", "cutting"], ["cute"]),
    ("mums", ["mum"], ["mumps"]),
]


# A phrase as a practitioner types it, with a word that names the worry among words that join the
# sentence, and a worry it must find among the filter's first five (the class: the joining words once
# counted as much as the naming word, and "withdrawn" ran on past "with").
IN_A_SENTENCE = [
    ("bruises on his arms", "bruise"),
    ("she is very withdrawn", "withdrawn"),
    ("he was hit with a belt", "belt"),
    ("there is no food in the house", "food"),
    ("they have not got any money", "money"),
]
# A word typed right, one slip away from another word of the vocabulary: it finds its own word's
# worries, not the other's ("heating" is one slip from "hearing voices", "picked" from "kicked").
NOT_A_SLIP = [("heating", "hearing"), ("picked", "kicked"), ("beating", "heating")]

# A word running on past a shorter word into another word: two words written as one, which finds what
# the two words find together, never every worry of the first word alone.
RUN_INTO_ANOTHER_WORD = [("selfharm", "self"), ("blackmail", "black"), ("girlfriend", "girl"), ("household", "house")]

# A word's ending taken off never leaves another, shorter word ("cries" is no "crime", "caring" no "car
# wash", "dying" no "dyslexia", "diving" no "divorce").
STEM_NOT_ANOTHER_WORD = [("cries", "crime"), ("caring", "car"), ("dying", "dyslexia"), ("diving", "divorce")]
# A letter doubled before "-er" is the word's own, never a form of the shorter word ("potter" is no
# "pot", "runner" no "run", "letter" no "let").
DOUBLED_IS_THE_WORDS_OWN = [("potter", "pot"), ("runner", "run"), ("letter", "let"), ("manner", "man")]
# More forms of a word that find what the word finds: a letter doubled before an ending, "-ies" for
# "-y", a word ending in "e" and its "-ing", and "-er" for who does it.
MORE_FORMS = [
    ("stab", ["stabbed", "stabbing"]),
    ("control", ["controlled", "controlling"]),
    ("starving", ["starve"]),
    ("choking", ["choke"]),
    ("injuries", ["injury"]),
    ("deal", ["dealer", "dealers"]),
    ("drinking", ["drinker"]),
]

# A word ending in "-ly" that is a word of its own, and the shorter word it must not run on past
# ("poorly" is ill, not poor; "lonely" no lone parent); beside it, "-ly" words that keep the shorter
# word's meaning and still find it ("sexually": "sexual").
OWN_LY = [("poorly", "poor"), ("lonely", "lone"), ("hardly", "hard"), ("lately", "late")]
LY_KEEPS_THE_MEANING = [("sexually", "sexual"), ("physically", "physical"), ("violently", "violent")]

# Phrases whose every word but one, or all, join a sentence ("not getting on"): alone each such word finds
# nothing, so the phrase found nothing, or every worry of its one naming word. A worry whose words
# hold the phrase as typed comes first.
JOINED_PHRASES = ["not getting on", "not getting on with", "not going to school", "goes out", "can't get out of bed"]
