"""The checker's worker keeps nothing (issue 24, N3): its storage lock is built from what the worker's
global actually holds, the legacy FileSystem API included, which kept files on disk across a restart."""

from __future__ import annotations

import re

from .checker_helpers import is_site_search, open_checker

# Broader than the worker's own pattern, on purpose: any name on the worker's global or navigator that
# may keep data. Each must be locked (undefined) once the checker is ready; a constant (PERSISTENT) keeps nothing.
MAY_KEEP_DATA = re.compile(r"stor|file ?system|indexed|^idb|cache|cookie|bucket|persist|opfs|directory|quota", re.I)
# Names it finds that keep nothing, each with the reason.
KEEP_NOTHING = {"QuotaExceededError": "an error class: what a full store throws"}

GLOBAL_NAMES = """() => {
  const names = (object) => {
    const found = new Set();
    for (let link = object; link; link = Object.getPrototypeOf(link)) {
      for (const name of Object.getOwnPropertyNames(link)) found.add(name);
    }
    const acts = (name) => {
      try {
        const value = object[name];
        return typeof value === "function" || (typeof value === "object" && value !== null);
      } catch {
        return true;
      }
    };
    return [...found].map((name) => [name, acts(name)]);
  };
  return { global: names(self), navigator: names(self.navigator) };
}"""

LEGACY_FILE_SYSTEM = """() => {
  try {
    const fs = webkitRequestFileSystemSync(TEMPORARY, 1 << 20);
    const file = fs.root.getFile('kept.txt', { create: true });
    file.createWriter().write(new Blob(['CANARYfs9k2 typed into the check']));
    return 'written: ' + file.toURL();
  } catch (error) {
    return 'refused: ' + error;
  }
}"""


def checker_worker(page):
    workers = [worker for worker in page.workers if worker.url.startswith("blob:") and not is_site_search(worker)]
    assert len(workers) == 1, [worker.url for worker in page.workers]
    return workers[0]


def test_the_legacy_file_system_api_cannot_keep_what_was_typed(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    worker = checker_worker(page)
    assert worker.evaluate(LEGACY_FILE_SYSTEM).startswith("refused"), "the probe's N3 reproduction"
    for name in (
        "webkitRequestFileSystem",
        "webkitRequestFileSystemSync",
        "webkitResolveLocalFileSystemURL",
        "webkitResolveLocalFileSystemSyncURL",
    ):
        assert worker.evaluate(f"() => typeof self.{name}") == "undefined", name
        assert worker.evaluate(f"() => typeof WorkerGlobalScope.prototype.{name}") == "undefined", name
    # The page lists what it checked, these names among them.
    checked = page.text_content("#lon-network-checked")
    assert "webkitRequestFileSystemSync" in checked and "indexedDB" in checked
    assert page.get_attribute("#lon-check", "data-network-locked") == "true", page.inner_text("#lon-status")


def test_no_name_on_the_worker_global_that_may_keep_data_is_left_open(strict_context, medway_url):
    """Fails when the browser's worker global grows a way to keep data that the lock does not know."""
    page = strict_context.new_page()
    open_checker(page, medway_url)
    names = checker_worker(page).evaluate(GLOBAL_NAMES)
    may_keep = {
        where: sorted(name for name, _ in found if MAY_KEEP_DATA.search(name) and name not in KEEP_NOTHING)
        for where, found in names.items()
    }
    assert "webkitRequestFileSystemSync" in may_keep["global"] and "storage" in may_keep["navigator"]
    still_there = {
        where: sorted(name for name, defined in found if defined and name in may_keep[where])
        for where, found in names.items()
    }
    assert still_there == {"global": [], "navigator": []}
