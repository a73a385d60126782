// In the site search's worker, before the theme's own search script: the search finds what the check's
// filter finds for each typed word (assets/search/finds.js, the core's levels_of_need.model.word_finds).
// A word with one slip ("bruses", "neglet"), any form of a word ("bruised" finds "bruises"), and a short
// word only whole ("men" is not in "mental"). For Material (lunr), each typed word becomes the site's
// own words it finds, each searched as a whole word (lunr's "^1" keeps the theme from adding its "*",
// which would find "mental" for "men" again).
//
// In both engines, the guidance's own pages come before the everyday words page, an aid for finding
// (its entries are marked "aid" in the index, toolkit/publish/search_order.py): an entry of the words
// page is moved below every page of the guidance that holds each typed word that finds something (a
// search for "truancy" lands on the level page, not on the word's section); where no page of the
// guidance holds them all ("drinking", "hit with a belt"), the words page stays where the engine put it.
//
// Loaded by assets/search/blob-worker.js. Material's worker listens with addEventListener("message");
// the messages are Material's: {type: 0, data: {config, docs}} sets the search up, {type: 2, data:
// query} searches, {type: 3, data: {items: [[section, ...] for each page]}} answers. Zensical's worker
// (self.onmessage, a query language of its own: its queries go as typed) sets up with {type: 0, data:
// {config, items}}, searches with {type: 2, data: {input, page?}} and answers a page of ten at a time
// with {type: 3, data: {items: [{id}], pagination: {total, next?}}}.
(() => {
  const { words, wordFinds, findsAmong, phraseRun, shownAmong, termsOf } = self.lonFinds;
  const SETUP = 0;
  const QUERY = 2;
  const RESULT = 3;
  // A query in the search's own language (a quoted phrase, +must, -not, field:, ~, ^, *) is the
  // searcher's: it goes to the search as typed.
  const QUERY_LANGUAGE = /["^~*:]|(^|\s)[+-]/;
  const MAX_WORDS_PER_WORD = 40;
  const AS_TYPED_BOOST = 5;
  let separator = /[\s\-]+/;
  let siteWords = [];
  let docs = []; // the index's entries, in its order (Zensical's results name them by position)
  const wordsOf = new Map(); // an entry's location -> the set of its words
  const textOf = new Map(); // an entry's location -> its own title and text, as in the index

  const tokens = (text) => text.toLowerCase().split(separator).filter(Boolean);
  const plain = (doc) => `${doc.title || ""} ${doc.text || ""}`.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/g, " ");

  function learn(setup) {
    if (setup.config && setup.config.separator) separator = new RegExp(setup.config.separator);
    docs = setup.docs || setup.items || [];
    const seen = new Set();
    for (const doc of docs) {
      const own = new Set(tokens(plain(doc)));
      wordsOf.set(doc.location, own);
      textOf.set(doc.location, plain(doc));
      for (const word of own) seen.add(word);
    }
    siteWords = [...seen];
  }

  // The site's words a typed word finds, its slips forgiven only where it starts none as typed (as the
  // filter: finds.js, findsAmong).
  function found(word) {
    const hits = findsAmong(word, siteWords, wordFinds);
    return siteWords.filter((_, n) => hits[n]);
  }

  function widen(query) {
    if (QUERY_LANGUAGE.test(query) || !siteWords.length) return query;
    const typed = tokens(query);
    if (!typed.length) return query;
    const terms = new Map();
    for (const word of typed) {
      // The word as typed first, weighing most where the site has it (else a rarer form of it, as in
      // the everyday words section for hits mum, outranks the word itself), then the site's words it
      // finds, shortest first.
      if (!terms.has(word)) terms.set(word, siteWords.includes(word) ? AS_TYPED_BOOST : 1);
      for (const term of found(word).sort((a, b) => a.length - b.length).slice(0, MAX_WORDS_PER_WORD)) {
        if (!terms.has(term)) terms.set(term, 1);
      }
    }
    return [...terms].map(([term, boost]) => `${term}^${boost}`).join(" ");
  }

  // Whether an entry holds, for each typed word that finds something on the site, a word it finds.
  function holder(query) {
    const wanted = tokens(query).map((word) => new Set(found(word))).filter((set) => set.size);
    return (doc) => {
      const own = wordsOf.get(doc.location) || new Set();
      return wanted.length > 0 && wanted.every((set) => [...own].some((word) => set.has(word)));
    };
  }

  // Each typed word that finds something on the site, and the results with an entry holding a word it
  // finds: what the filter's shownAmong (finds.js) weighs, over the results in place of the worries.
  function foundIn(results, query, entriesOf) {
    const found = new Map();
    for (const word of new Set(tokens(query))) {
      const wanted = holder(word);
      found.set(word, new Set(results.filter((result) => entriesOf(result).some(wanted))));
    }
    return found;
  }

  // The results, as the filter shows worries: those with an entry holding every typed word that finds
  // something first, then those holding only some where that helps (finds.js, shownAmong: for self
  // harm, no page of harm alone), then the others (lunr finds a page holding any one word, and ranks
  // a title's one word above a section holding them all: for self harming, the pages of significant
  // harm and of the self-check came first); then the words page's after the first of the guidance's that holds every typed
  // word. Each result is a list of entries (a page and its sections), the words page's marked "aid".
  function guidanceFirst(found, query, entriesOf) {
    const holds = holder(query);
    const holding = (result) => entriesOf(result).some(holds);
    // The results holding the phrase as typed, with the words that join it (not getting on), or the
    // longest part of it that any holds (of not getting on with his dad), come first, as the filter
    // shows the worries holding it (finds.js, phraseRun): lunr leaves those words out, and finds the
    // others' pages anywhere. A page of the guidance is read in its own words, an everyday word by its
    // title alone (the engine marks the words it found in a title: read without the marks), and where
    // both hold as long a part, the guidance comes first: an everyday word holding a part of the phrase
    // (from home) once led a page of the guidance holding it whole (missing from home), as only the
    // words page's runs were measured.
    const typed = words(query);
    const termsOfEntry = (doc) => termsOf(doc.aid ? plain({ title: doc.title }) : textOf.get(doc.location) ?? plain(doc));
    // A page of the guidance only where it holds every typed word too: "concerns about" runs on in many.
    const runOf = (result) => Math.max(0, ...entriesOf(result).filter((doc) => doc.aid || holds(doc))
      .map((doc) => phraseRun(typed, termsOfEntry(doc))));
    const lengths = new Map(found.map((result) => [result, runOf(result)]));
    const longest = Math.max(0, ...lengths.values());
    const runs = (result) => longest > 0 && lengths.get(result) === longest;
    const isAid = (result) => entriesOf(result).some((doc) => doc.aid);
    const lead = [...found.filter((r) => runs(r) && !isAid(r)), ...found.filter((r) => runs(r) && isAid(r))];
    const rest = found.filter((result) => !runs(result));
    const helping = new Set(shownAmong(rest, foundIn(rest, query, entriesOf)));
    const partly = (result) => !holding(result) && helping.has(result);
    const results = [...rest.filter(holding), ...rest.filter(partly), ...rest.filter((r) => !holding(r) && !partly(r))];
    const last = results.map((result) => !isAid(result) && entriesOf(result).some(holds)).indexOf(true);
    const ordered = last < 0 ? results
      : [...results.slice(0, last + 1).filter((r) => !isAid(r)), ...results.slice(0, last + 1).filter(isAid), ...results.slice(last + 1)];
    return [...lead, ...graverWordsFirst(ordered, entriesOf, isAid, holds)];
  }

  // The everyday words' sections that hold every word typed, the graver first (each has the place of the
  // gravest worry it lists: toolkit/publish/search_order.py): a word with a mild and a grave reading
  // ("online") never shows the mild one first; a section holding fewer of the words typed stays where the
  // engine put it, after them (harmful is no self harm). Material gives the words page as one result,
  // its sections after the page; Zensical gives each section as a result of its own, whose places are
  // filled graver first.
  const byGraver = (a, b) => (a.graver ?? Infinity) - (b.graver ?? Infinity);
  function graverWordsFirst(results, entriesOf, isAid, holds) {
    const within = results.map((r) => {
      if (!Array.isArray(r) || !isAid(r)) return r;
      const sections = r.filter(section);
      return [...r.filter((doc) => !section(doc)), ...sections.filter(holds).sort(byGraver), ...sections.filter((doc) => !holds(doc))];
    });
    const alone = (r) => !Array.isArray(r) || r.length === 1;
    const places = within.map((r, n) => [r, n]).filter(([r]) => alone(r) && isAid(r) && entriesOf(r).some(holds));
    const sorted = places.map(([r]) => r).sort((a, b) => byGraver(entriesOf(a)[0], entriesOf(b)[0]));
    places.forEach(([, n], k) => { within[n] = sorted[k]; });
    return within;
  }

  const listen = self.addEventListener.bind(self);
  const post = self.postMessage.bind(self);

  // Material: its queries widened, its answers in the guidance's order. Its worker answers each query
  // in turn, after an await: the queries wait in line for their answers.
  const asked = [];
  self.addEventListener = (type, handler, options) => {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, (event) => {
      const message = event.data;
      if (message && message.type === SETUP) learn(message.data || {});
      const query = message && message.type === QUERY && typeof message.data === "string";
      if (query) asked.push(message.data);
      return handler({ data: query ? { ...message, data: widen(message.data) } : message });
    }, options);
  };

  // Zensical: its handler is called from here, so that its answer to a query is held, reordered whole
  // (all its pages of ten), and given out a page at a time.
  let zensical = null;
  let held = null; // {id, items}: the last query's results, reordered
  let holding = null; // the answers Zensical gives while a query is asked of it from here
  Object.defineProperty(self, "onmessage", {
    configurable: true,
    get: () => zensical,
    set: (handler) => {
      zensical = handler;
    },
  });
  const askZensical = (query) => {
    holding = [];
    zensical({ data: { type: QUERY, data: query } });
    const answers = holding;
    holding = null;
    return answers.find((answer) => answer && answer.type === RESULT);
  };
  listen("message", (event) => {
    if (!zensical) return;
    const message = event.data;
    if (message && message.type === SETUP) learn(message.data || {});
    const search = message && message.type === QUERY && message.data && typeof message.data.input === "string";
    if (!search) return zensical(event);
    const { input, page } = message.data; // before Zensical, which parses the query in its place
    if (page && held && page.id === held.id) return post({ type: RESULT, data: pageOf(held, page) });
    const first = askZensical({ ...message.data });
    if (!first) return undefined; // Zensical answers later (not set up yet, or a failure): as it will
    const { total, next } = first.data.pagination || {};
    const whole = next ? askZensical({ ...message.data, input, page: { ...next, size: total, from: 0 } }) : first;
    const items = guidanceFirst((whole || first).data.items, input, (item) => [docs[item.id] || {}]);
    held = next ? { id: next.id, items, data: first.data } : null;
    return post({ type: RESULT, data: held ? pageOf(held, { id: next.id, size: next.from, from: 0 }) : { ...first.data, items } });
  });
  // One page of the held results, with Zensical's own pagination.
  function pageOf(results, { id, size, from }) {
    const total = results.items.length;
    const pagination = { total };
    if (from - size >= 0) pagination.prev = { id, size, from: from - size };
    if (from + size < total) pagination.next = { id, size, from: from + size };
    return { ...results.data, items: results.items.slice(from, from + size), pagination };
  }

  // Material gives the words page as one result: the page's own entry (its opening, which shows no
  // worry) above its sections. Each everyday word's section is a result of its own, as Zensical gives
  // it, so that the page's opening takes no place among the first results, and each word's section is
  // ranked, graver first, beside the guidance's pages (Material shows a result of one section alone).
  const section = (doc) => (doc.location || "").includes("#");
  function wordByWord(result) {
    if (!Array.isArray(result) || !result.some((doc) => doc.aid && section(doc))) return [result];
    return result.filter(section).map((doc) => [doc]);
  }

  self.postMessage = (message, ...rest) => {
    if (holding) return void holding.push(message);
    if (message && message.type === RESULT && asked.length && message.data && Array.isArray(message.data.items)) {
      const query = asked.shift();
      if (!QUERY_LANGUAGE.test(query)) {
        const items = guidanceFirst(message.data.items.flatMap(wordByWord), query, (page) => page);
        message = { ...message, data: { ...message.data, items } };
      }
    }
    return post(message, ...rest);
  };
})();
