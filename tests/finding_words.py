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
