// In the site search's worker (Material for MkDocs, lunr), before the theme's own search script: the
// search finds what the check's filter finds for each typed word (assets/search/finds.js, the core's
// levels_of_need.model.word_finds). A word with one slip ("bruses", "neglet"), any form of a word
// ("bruised" finds "bruises"), and a short word only whole ("men" is not in "mental"). Each typed word
// becomes the site's own words it finds, each searched as a whole word (lunr's "^1" keeps the theme
// from adding its "*", which would find "mental" for "men" again).
//
// Loaded by assets/search/blob-worker.js. Material's worker listens with addEventListener("message");
// the messages are Material's: {type: 0, data: {config, docs}} sets the search up, {type: 2, data:
// query} searches. Zensical's worker (self.onmessage, a query language of its own) is left as it is.
(() => {
  const { wordFinds } = self.lonFinds;
  const SETUP = 0;
  const QUERY = 2;
  // A query in the search's own language (a quoted phrase, +must, -not, field:, ~, ^, *) is the
  // searcher's: it goes to the search as typed.
  const QUERY_LANGUAGE = /["^~*:]|(^|\s)[+-]/;
  const MAX_WORDS_PER_WORD = 40;
  let separator = /[\s\-]+/;
  let siteWords = [];

  const tokens = (text) => text.toLowerCase().split(separator).filter(Boolean);

  function learn(setup) {
    if (setup.config && setup.config.separator) separator = new RegExp(setup.config.separator);
    const seen = new Set();
    for (const doc of setup.docs || []) {
      const text = `${doc.title || ""} ${doc.text || ""}`.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/g, " ");
      for (const word of tokens(text)) seen.add(word);
    }
    siteWords = [...seen];
  }

  function widen(query) {
    if (QUERY_LANGUAGE.test(query) || !siteWords.length) return query;
    const typed = tokens(query);
    if (!typed.length) return query;
    const terms = new Set();
    for (const word of typed) {
      const found = siteWords.filter((term) => wordFinds(word, term));
      // The word as typed first, then the site's words it finds, shortest first.
      for (const term of [word, ...found.sort((a, b) => a.length - b.length).slice(0, MAX_WORDS_PER_WORD)]) terms.add(term);
    }
    return [...terms].map((term) => `${term}^1`).join(" ");
  }

  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, handler, options) => {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, (event) => {
      const message = event.data;
      if (message && message.type === SETUP) learn(message.data || {});
      const widened = message && message.type === QUERY && typeof message.data === "string"
        ? { ...message, data: widen(message.data) }
        : message;
      return handler({ data: widened });
    }, options);
  };
})();
