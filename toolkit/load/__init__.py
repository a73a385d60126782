"""Loading a partnership's thresholds file on the host: YAML with line numbers, the schema and the
cross-references, each problem one line. Build time only: the browser gets JSON that passed here."""

from .loading import load_file, load_text
from .problems import Problem, ThresholdsError, format_path
from .schema import load_schema

__all__ = ["Problem", "ThresholdsError", "format_path", "load_file", "load_schema", "load_text"]
