"""On a checker's page the site search builds its index only once the checker has started (issue 28: on a
slow phone that index took seconds of CPU from the checker's start), or at once when the user goes to the
search; either way the search finds what it found before."""

from __future__ import annotations

from .checker_helpers import READY, wait_until
from .conftest import open_search

# Every message the page sends a worker, with the checker's state as it went: the theme's messages to its
# search worker carry a "type", the checker's own a "kind".
SEARCH_MESSAGES = """
window.__searchMessages = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && typeof message === "object" && "type" in message && !("kind" in message)) {
    const form = document.querySelector("form[data-engine]");
    window.__searchMessages.push(form ? form.dataset.engine : "no checker");
  }
  return post.call(this, message, ...rest);
};
"""


def search_finds(page, word: str) -> bool:
    page.keyboard.type(word)
    return wait_until(page, "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=30)


def test_the_search_index_is_built_only_once_the_checker_has_started(strict_context, medway_url):
    page = strict_context.new_page()
    page.add_init_script(SEARCH_MESSAGES)
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector(READY, timeout=60_000)
    assert wait_until(page, "() => window.__searchMessages.length > 0"), "the search was never set up"
    assert "loading" not in page.evaluate("window.__searchMessages")
    open_search(page)
    assert search_finds(page, "bruising")


def test_the_search_works_at_once_while_the_checker_is_still_loading(strict_context, medway_url):
    page = strict_context.new_page()
    page.add_init_script(SEARCH_MESSAGES)
    page.route("**/pyodide.asm.wasm", lambda route: None)  # the engine's download never ends
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector("form[data-engine=loading]")
    assert wait_until(page, "() => performance.getEntriesByName('lon-form-usable').length > 0")
    assert page.evaluate("window.__searchMessages") == []  # held while the checker loads
    open_search(page)
    assert search_finds(page, "bruising")
    assert page.get_attribute("#lon-check", "data-engine") == "loading"
    assert page.evaluate("window.__searchMessages")[0] == "loading"  # released by going to the search


def test_on_a_guidance_page_the_search_is_set_up_at_once(strict_context, medway_url):
    page = strict_context.new_page()
    page.add_init_script(SEARCH_MESSAGES)
    page.goto(f"{medway_url}/contacts/")
    assert wait_until(page, "() => window.__searchMessages.length > 0")
    assert set(page.evaluate("window.__searchMessages")) == {"no checker"}
