// What a typed word finds: the same comparison as the core's (levels_of_need.model.word_finds and
// filter_finds), used by the check's filter (assets/checker/check.js) and the site's search
// (assets/search/forgiving.js, in the search worker). A browser test holds each to the core's answers.
// A classic script with no import or export, so that a page module and a classic worker both load it:
// it defines self.lonFinds.
(() => {
  // Words are compared as words: "self-harm" and "self harm" are the same two words.
  const words = (text) => text.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean);
  // A word this short finds a term only whole or with a word ending ("hit": "hits", "hitting"): inside
  // a longer word it is usually another word ("men" in "mental").
  const SHORT_WORD = 3;
  // The forms a typed word finds terms by (the core's _forms): [forms a term starts with, forms found
  // only whole or with a word ending]. Its ending taken off, never down to fewer than four letters
  // ("caring" is no "car"); a letter doubled before the ending as one ("stabbed": "stab"; "hitting":
  // "hit", a short form), but for those that double in the word itself ("pressed"); "-ies", "-ied" as
  // "-y" ("cries": "cry"); and a word ending in "e" or "y" without it, with an ending only ("starve":
  // "starving"; "worry": "worries"; "active" no "activities").
  const SUFFIX = /(ing|ied|ies|ed|es|ers|er|s)$/;
  const KEPT_DOUBLE = new Set("aeiousfz");
  function forms(word) {
    if (word.length <= SHORT_WORD + 1) return [[word], []];
    const match = SUFFIX.exec(word);
    if (!match) return [[word], /[ey]$/.test(word) ? [word.slice(0, -1)] : []];
    const base = word.slice(0, match.index);
    const suffix = match[0];
    const starts = [base.length > SHORT_WORD ? base : word];
    const shorts = [];
    const others = [];
    if (suffix === "ies" || suffix === "ied") others.push(`${base}y`);
    const doubled = base.length > SHORT_WORD && base[base.length - 1] === base[base.length - 2] && !KEPT_DOUBLE.has(base[base.length - 1]);
    // Only before "-ing" and "-ed": before "-er" the doubled letter is mostly the word's own ("letter",
    // "summer", "bitter"), never "let", "sum" or "bit".
    if (["ing", "ed"].includes(suffix) && doubled) others.push(base.slice(0, -1));
    for (const other of others) (other.length > SHORT_WORD ? starts : shorts).push(other);
    return [starts, shorts];
  }
  // Plurals and tenses to one form: "bruises", "bruised", "bruising" all find "bruis…".
  const stem = (word) => forms(word)[0][0];
  // Words that join a sentence, not name a worry, find nothing and are found by nothing (the core's
  // FUNCTION_WORDS; a test holds the two lists the same).
  const FUNCTION_WORDS = new Set([
    "a", "about", "after", "all", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "been", "before",
    "being", "but", "by", "can't", "did", "didn't", "do", "does", "doesn't", "don't", "down", "every", "for",
    "from", "get", "gets", "getting", "got", "had", "has", "hasn't", "have", "haven't", "he", "her", "here",
    "hers", "him", "his", "how", "i", "if", "in", "into", "is", "isn't", "it", "its", "just", "lot", "lots",
    "many", "me", "mine", "much", "my", "no", "nor", "not", "of", "off", "on", "onto", "or", "our", "out",
    "over", "really", "she", "so", "some", "that", "the", "their", "them", "there", "these", "they", "this",
    "those", "to", "too", "under", "up", "us", "very", "was", "wasn't", "we", "were", "what", "when", "where",
    "which", "who", "why", "with", "won't", "you", "your",
    "would", "could", "should", "might", "must", "than", "then", "one", "other", "others", "more", "again",
    "always", "never", "ever", "also", "still", "well", "go", "goes", "going", "gone", "went",
    "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "he'd", "he'll", "she's", "she'd",
    "she'll", "it's", "we're", "we've", "we'd", "we'll", "they're", "they've", "they'd", "they'll", "that's",
    "there's", "who's", "couldn't", "wouldn't", "shouldn't", "weren't", "hadn't",
    "im", "ive", "youre", "hes", "shes", "theyre", "thats", "theres", "dont", "doesnt", "didnt", "isnt", "wasnt",
    "arent", "havent", "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "werent", "cant", "wont",
  ]);
  const ENDING = /^(s|es|ed|ing|er|ers|ies|ied)?$/;
  const DOUBLED_ENDING = /^(ed|ing|ings)$/;
  // Word endings that keep a word's meaning ("exploit": "exploitation", "alcohol": "alcoholic"): a typed
  // word runs on past a shorter term by one, and a typed word's stem to a longer term; any other letters
  // make another word ("blackmail" no "black", "breaking" no "breakfast"; "-age" mostly does: "bondage").
  // "-n" and "-r" only after an "e" ("taken", "carer"; "partner" no "part"); "-ly" and "-y" only after a
  // word's own ending ("sexually", "jealousy"; "poorly" is ill, not poor; "lonely" no lone parent).
  // The core's _KEEPS_MEANING, _AFTER_E, _MANNER_OF and keeps_meaning.
  const KEEPS_MEANING = /^('|'s|s'|r|rs|n|en|ren|y|ly|ally|al|ic|ical|ics|ion|ation|isation|ization|is|iz|ise|ize|ism|ist|ful|ity|ality|ance|ence|ness|ment|hood|ship|ive|ure|ant)$/;
  const AFTER_E = new Set(["r", "rs", "n"]);
  const MANNER_OF = /^.{3,}(al|ic|ful|ous|ive|ent|ant|ate|ar|ed|ing|less)$/;
  function keepsMeaning(word, ending) {
    if (!KEEPS_MEANING.test(ending)) return false;
    if (AFTER_E.has(ending)) return word.endsWith("e");
    return !["ly", "y"].includes(ending) || MANNER_OF.test(word);
  }
  const runsOnPast = (stemmed, term) => term.length >= 4 && stemmed.startsWith(term) && keepsMeaning(term, stemmed.slice(term.length));
  // A typed word's stem, its ending taken off, finds a term only as the same word: with another ending
  // ("bonded", "bruise", "bullying", "drugged") or one that keeps its meaning, the term's own ending taken
  // off first ("exploitation", "threatened"); never another word that begins with it ("bonding" is no
  // "bondage"). The core's _stem_finds.
  const INFLECTED = /^(e?(s|es|ed|d|ing|ings|er|ers)?|y|ies|ied|ying)$/;
  const DOUBLED_INFLECTED = /^(ed|ing|ings|er|ers)$/;
  function stemFinds(stemmed, term) {
    if (!term.startsWith(stemmed)) return false;
    const rest = term.slice(stemmed.length);
    if (INFLECTED.test(rest) || (rest.slice(0, 1) === stemmed[stemmed.length - 1] && DOUBLED_INFLECTED.test(rest.slice(1)))) return true;
    return [term, ...forms(term)[0]].some((whole) => {
      const ending = whole.startsWith(stemmed) ? whole.slice(stemmed.length) : "";
      return ending !== "" && (keepsMeaning(stemmed, ending) || (ending[0] === "e" && keepsMeaning(`${stemmed}e`, ending.slice(1))));
    });
  }
  function shortFinds(word, term) {
    if (!term.startsWith(word)) return false;
    let rest = term.slice(word.length);
    // A last letter doubled before "-ing" or "-ed" ("hitting", "stabbed"); before "-er" the doubled
    // letter is mostly the word's own ("bitter" is no form of "bit").
    const doubled = rest.length > 1 && rest[0] === word[word.length - 1] && DOUBLED_ENDING.test(rest.slice(1));
    if (doubled) rest = rest.slice(1);
    return ENDING.test(rest) && !anotherWordsEnding(word, rest, doubled);
  }
  // A word ending in a consonant after a single vowel doubles it before "-ing", "-ed" and "-er" ("hit":
  // "hitting"; not after "w", "x" or "y"), and "-es" follows only a hissing sound or an "o" ("buses",
  // "boxes"): otherwise the ending is another word's, the word with a silent "e" ("car": "caring",
  // "carer" and "cares" are "care"; "rap": "raped"). The core's _another_words_ending.
  const DOUBLES_ITS_LAST = /^.*[^aeiou][aeiou][^aeiouwxy]$/;
  const UNDOUBLED = new Set(["ing", "ed", "er", "ers"]);
  // Only a word of three letters or fewer: a longer word's form without its "e" ("choke": "chok")
  // takes "-ing" as the word does ("choking").
  function anotherWordsEnding(word, rest, doubled) {
    if (word.length > SHORT_WORD) return false;
    if (UNDOUBLED.has(rest) && !doubled) return DOUBLES_ITS_LAST.test(word);
    return rest === "es" && !"sxzho".includes(word[word.length - 1]);
  }
  function oneSlip(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    if (a.length === b.length) {
      const diff = [...a].map((_, i) => i).filter((i) => a[i] !== b[i]);
      return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
    }
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && short[i] === long[i]) i += 1;
    return short.slice(i) === long.slice(i + 1);
  }
  const slipStarts = (word, term) => [word.length - 1, word.length, word.length + 1].some((n) => oneSlip(word, term.slice(0, n)));
  // A word of five letters or more forgives one slip ("bruses", "neglet"); a word starts a term or runs
  // on past a term of four letters or more ("alcoholic" finds "alcohol").
  // Without slips, no slip forgiven; without runsOn either, the word must start a term (slipsForgiven).
  function wordFinds(word, term, slips = true, runsOn = true) {
    if (FUNCTION_WORDS.has(word) || FUNCTION_WORDS.has(term)) return false;
    if (word.length <= SHORT_WORD) return shortFinds(word, term);
    // A short word's plural finds what the word finds ("hits": "hit", "hitting"; "cuts", "mums").
    if (word.length === SHORT_WORD + 1 && word.endsWith("s") && !word.endsWith("ss") && shortFinds(word.slice(0, -1), term)) return true;
    const [starts, shorts] = forms(word);
    if (term.startsWith(word) || starts.some((form) => form !== word && stemFinds(form, term))) return true;
    if (shorts.some((form) => shortFinds(form, term))) return true;
    if ((slips || runsOn) && starts.some((form) => runsOnPast(form, term))) return true;
    // The slip forgiven as typed, or stemmed to six letters or more ("fighting" is not "night…"), never
    // in the first letter, rarely mistyped ("mummy" is no "tummy"; the core's _slip_finds).
    const stemmed = starts[0];
    const slipForms = stemmed.length >= 6 ? [word, stemmed] : [word];
    return slips && word.length >= 5 && term.length >= 4 && term[0] === word[0] && slipForms.some((form) => slipStarts(form, term));
  }
  // Neighbouring terms run together are found by a word starting them ("selfharm"), as typed or as its
  // stem starts the same word ("selfharming", never "bonding" in "bondage more"), with no slip forgiven
  // (a slip would find "touch" in "to children"), and never by a short word.
  const joinedFinds = (word, term) => word.length > SHORT_WORD && !FUNCTION_WORDS.has(word) && (term.startsWith(word) || stemFinds(stem(word), term));
  const termsOf = (text) => {
    const split = words(text);
    return { split, joined: split.slice(1).map((b, i) => split[i] + b) };
  };
  const finds = (word, terms, slips = true, runsOn = true, joined = true) => terms.split.some((term) => wordFinds(word, term, slips, runsOn))
    || (joined && terms.joined.some((term) => joinedFinds(word, term)));
  // The filter's and the search's one tiering (the core's slips_forgiven and words_finding): a word's
  // slips are forgiven only where it starts no term as typed ("heating" is not "hearing"); a word that
  // only runs on past a shorter term keeps them ("exploitaton"), and still finds that term beside every
  // term it starts ("alcoholic" finds "alcohol" and "alcoholic"). ``all``: each worry's termsOf, compared
  // by finds, or the site's words, compared by wordFinds.
  const findsAmong = (word, all, compare = finds) => {
    const forgive = !all.some((terms) => compare(word, terms, false, false, false));
    return all.map((terms) => compare(word, terms, forgive));
  };
  // A typed phrase of two words or more holding a word that joins a sentence ("not getting on"), found
  // where it runs on in the vocabulary as typed: each joining word as itself, each other word as
  // wordFinds finds it, no slip forgiven (the core's phrase_finds). ``typed``: words; ``terms``: termsOf.
  const phraseFinds = (typed, terms) => typed.length >= 2 && phraseRun(typed, terms) === typed.length;
  // The length of the longest part of a typed phrase that runs on in the vocabulary as typed, 0 where
  // none does: a part of two words or more holding a joining word and a naming word, or of three words
  // or more ("not getting on with his dad": "not getting on with"). The core's phrase_run.
  function phraseRun(typed, terms) {
    for (let length = typed.length; length > 1; length -= 1) {
      for (let start = 0; start + length <= typed.length; start += 1) {
        const part = typed.slice(start, start + length);
        if (aPhrase(part, length === typed.length) && runsOnIn(part, terms.split)) return length;
      }
    }
    return 0;
  }
  // A part holding a joining word, and, unless it is all that was typed ("goes out"), a naming word too
  // or three words ("with his" is in too many). The core's _a_phrase.
  function aPhrase(part, whole) {
    const joining = part.filter((word) => FUNCTION_WORDS.has(word)).length;
    return joining > 0 && (whole || joining < part.length || part.length >= 3);
  }
  const runFinds = (word, term) => (FUNCTION_WORDS.has(word) ? word === term : wordFinds(word, term, false));
  function runsOnIn(part, split) {
    for (let start = 0; start + part.length <= split.length; start += 1) {
      if (part.every((word, n) => runFinds(word, split[start + n]))) return true;
    }
    return false;
  }
  // Letters to change to turn one word into the other (Levenshtein).
  function distance(a, b) {
    let row = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i += 1) {
      const next = [i];
      for (let j = 1; j <= b.length; j += 1) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  }
  // When typed words find nothing (the check's filter, the site's search): the vocabulary's words
  // nearest to them, fewest letters to change first, at most ``most``; a word of three letters or more
  // that names something (a word that joins a sentence finds nothing).
  function nearestWords(typed, vocabulary, most = 5) {
    const candidates = [...new Set(vocabulary.filter((term) => term.length >= 3 && !FUNCTION_WORDS.has(term)))];
    const nearest = new Map();
    for (const word of typed) {
      for (const term of candidates) {
        const d = distance(word, term.slice(0, word.length + 2));
        if (d <= Math.max(2, Math.floor(word.length / 3)) && (!nearest.has(term) || nearest.get(term) > d)) nearest.set(term, d);
      }
    }
    return [...nearest].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, most).map(([term]) => term);
  }
  // The items (worries, or the search's results) shown for the typed words, in their order: ``found``
  // maps each typed word, or the phrase as typed, to the Set of items it finds. Those holding every word
  // that finds something; where none does, those holding any; where some do, one holding only some only
  // where that helps: what it holds weighs more than what it lacks (each word the log of the items over
  // those it finds: a common word typed beside a rare one never floods the list), and the words it lacks
  // are not ones most items holding its words have too (then the words are read together, and the item
  // is another reading: "self-esteem" for "self harm"). The core's shown_among, which says why at length.
  function shownAmong(items, found) {
    const useful = [...found.keys()].filter((word) => found.get(word).size);
    const weight = new Map(useful.map((word) => [word, Math.log(items.length / found.get(word).size)]));
    const havingAll = items.filter((item) => useful.every((word) => found.get(word).has(item))).length;
    const weighs = (list) => list.reduce((sum, word) => sum + weight.get(word), 0);
    const helps = (item) => {
      const held = useful.filter((word) => found.get(word).has(item));
      if (!held.length || held.length === useful.length || !havingAll) return held.length > 0;
      const holding = items.filter((other) => held.every((word) => found.get(word).has(other))).length;
      return weighs(held) > weighs(useful.filter((word) => !held.includes(word))) && 2 * havingAll <= holding;
    };
    return items.filter(helps);
  }
  self.lonFinds = Object.freeze({ words, wordFinds, finds, termsOf, findsAmong, phraseFinds, phraseRun, shownAmong, nearestWords });
})();
