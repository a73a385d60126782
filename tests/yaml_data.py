"""YAML for the tests, read and written by libyaml where PyYAML was built with it.

PyYAML's pure-Python parser takes about half a second for a thresholds file on this machine, and the
tests read the two partnerships' files (and the format doc's examples) at import, in every xdist worker:
libyaml does the same in a fraction of it. Both loaders are YAML 1.1 with the same safe constructors, so
the data is the same; the toolkit's own loading (toolkit/load) keeps its line marks and is not this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def parse(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)


def read(path: Path) -> Any:
    return parse(path.read_text(encoding="utf-8"))


def dump(data: Any, **options: Any) -> str:
    """yaml.safe_dump's text, written by libyaml."""
    return yaml.dump(data, Dumper=DUMPER, **options)
