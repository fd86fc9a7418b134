"""Typed exceptions of the library. Each says what went wrong and what to do next.

Only the CLI (and later the REST API) turns them into messages and exit codes.
"""
from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""

    code = "E000"

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(CommuniqueError):
    """An input (file, or one line of a JSONL file) cannot be read as an article."""

    code = "E100"

    def __init__(self, path: str, problem: str, line: int | None = None, hint: str | None = None):
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}", hint)
        self.path = path
        self.line = line
        self.problem = problem


class ExtractionError(InputError):
    """A document was read but could not be analysed: a defect of communique, reported per document so
    that the other documents still go through."""

    code = "E110"


class ModelNotInstalled(CommuniqueError):
    code = "E200"


class StoreError(CommuniqueError):
    code = "E300"


class LexiconError(CommuniqueError):
    """A language data file is malformed."""

    code = "E400"


class QueryError(CommuniqueError):
    """A question asked of the record cannot be answered as asked (an unknown country, a bad date)."""

    code = "E500"


class UnknownCountry(QueryError):
    """A country given by a name or code that no language data knows."""

    code = "E501"

    def __init__(self, value: str):
        super().__init__(f"unknown country {value!r}", "give an ISO code (VNM, VN) or a French or English name")
        self.value = value
