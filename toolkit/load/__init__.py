"""Loading a partnership's thresholds file on the host: YAML with line numbers, the schema and the
cross-references, each problem one line. Build time only: the browser gets JSON that passed here."""

from .validate import Problem, ThresholdsError, format_path, load_file, load_schema, load_text

__all__ = ["Problem", "ThresholdsError", "format_path", "load_file", "load_schema", "load_text"]
