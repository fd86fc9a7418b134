"""User knowledge-base files: analysts extend or correct the actor knowledge base without code.

In: paths of files written by analysts, ``.yaml``/``.yml`` or ``.csv`` (the extension decides), that
declare persons (canonical spelling, country, other spellings, roles with their dates), pairs of
spellings to merge into one person or to keep apart, and organisations (code, country, other names).
See ``docs/knowledge-base.md`` for both formats.

Out: a ``KnowledgeBase`` of typed records (``KbPerson``, ``KbRole``, ``KbOrganisation``, merge and
distinct pairs) for the resolve stage; or, from ``check_kb``, the list of every ``KbProblem`` of a file
(``path:line: message``, saying what to fix). ``load_kb`` raises ``KnowledgeBaseError`` listing all
the problems of an invalid file; ``load_kbs`` reads several files and merges them in order.

No spaCy here: importing this module and checking a file are cheap.
"""
from __future__ import annotations

import csv
import difflib
import io
import os
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import CommuniqueError
from ..lang import words
from ..names import fold_name, name_key
from ..offices import OFFICES, OfficeHolders, Term, date_bounds

#: the role codes of SCHEMA.md
ROLES = ("head_of_state", "head_of_government", "deputy_head_of_government", "party_general_secretary",
         "foreign_minister", "deputy_foreign_minister", "parliament_speaker", "minister", "ambassador",
         "other")
#: top-level keys of a YAML file
YAML_KEYS = ("persons", "merge", "distinct", "organisations")
PERSON_KEYS = ("name", "country", "aliases", "roles")
ROLE_KEYS = ("role", "from", "to")
ORGANISATION_KEYS = ("name", "code", "country", "aliases")
#: columns of a CSV file, and its actions
CSV_COLUMNS = ("action", "name", "value", "country", "role", "from", "to")
CSV_ACTIONS = ("person", "alias", "role", "merge", "distinct", "organisation", "org_alias")
#: the environment variable naming knowledge-base files, ``:``-separated
KB_ENV = "COMMUNIQUE_KB"
#: user-assigned codes accepted besides ISO 3166-1 and ISO 3166-3
EXTRA_COUNTRIES = {"XKX": "Kosovo"}

_CODE = re.compile(r"^[^\s,]+$")


# ---------------------------------------------------------------------------------------------- records

@dataclass(frozen=True)
class KbRole:
    """An office a person holds: a SCHEMA.md role code, from ``start`` until ``end`` (dates ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``; ``None`` when unknown or still held)."""

    role: str
    start: str | None = None
    end: str | None = None


@dataclass
class KbPerson:
    """A person as the analyst declares them: canonical spelling, country code, other spellings, roles.

    ``line`` and ``source`` say where the entry was read (not compared)."""

    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[KbRole] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    source: str | None = field(default=None, compare=False)


@dataclass
class KbOrganisation:
    """An organisation (party, ministry, company, ...): name, short code, country, other names."""

    name: str
    code: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    source: str | None = field(default=None, compare=False)


@dataclass
class KnowledgeBase:
    """What one or several knowledge-base files declare.

    ``merges``: (canonical, other spelling) pairs that are one person. ``distinct``: pairs of spellings
    that must never be joined. ``sources``: the files read, in order (not compared)."""

    persons: list[KbPerson] = field(default_factory=list)
    organisations: list[KbOrganisation] = field(default_factory=list)
    merges: list[tuple[str, str]] = field(default_factory=list)
    distinct: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def empty(cls) -> KnowledgeBase:
        return cls()

    def __bool__(self) -> bool:
        return bool(self.persons or self.organisations or self.merges or self.distinct)

    def merge(self, other: KnowledgeBase) -> KnowledgeBase:
        """A new knowledge base with the entries of both; ``self`` comes first and wins.

        A person of ``other`` with the same name key and country as one of ``self`` extends it (its
        spelling, when it differs, and its aliases and roles are added); an organisation with the same
        code (or, without code, the same name and country) likewise. Pairs are kept once."""
        persons = [replace(p, aliases=list(p.aliases), roles=list(p.roles)) for p in self.persons]
        by_key = {(name_key(p.name), p.country): p for p in persons}
        for p in other.persons:
            known = by_key.get((name_key(p.name), p.country))
            if known is None:
                q = replace(p, aliases=list(p.aliases), roles=list(p.roles))
                persons.append(q)
                by_key[(name_key(q.name), q.country)] = q
                continue
            _add_aliases(known, [p.name, *p.aliases])
            known.roles += [r for r in p.roles if r not in known.roles]
        orgs = [replace(o, aliases=list(o.aliases)) for o in self.organisations]
        by_org = {_org_identity(o): o for o in orgs}
        for o in other.organisations:
            known_org = by_org.get(_org_identity(o))
            if known_org is None:
                q_org = replace(o, aliases=list(o.aliases))
                orgs.append(q_org)
                by_org[_org_identity(q_org)] = q_org
                continue
            _add_aliases(known_org, [o.name, *o.aliases])
            if not known_org.country:
                known_org.country = o.country
        return KnowledgeBase(
            persons=persons, organisations=orgs,
            merges=list(dict.fromkeys([*self.merges, *other.merges])),
            distinct=list(dict.fromkeys([*self.distinct, *other.distinct])),
            sources=[*self.sources, *other.sources])

    def find_person(self, name: str, country: str | None = None) -> KbPerson | None:
        """The declared person whose canonical spelling or an alias has the name key of ``name``
        (and, when both are known, the same country); canonical spellings are looked at first."""
        key = name_key(name)
        ok = [p for p in self.persons if not (country and p.country and p.country != country)]
        return (next((p for p in ok if name_key(p.name) == key), None)
                or next((p for p in ok if any(name_key(a) == key for a in p.aliases)), None))

    def find_organisation(self, name_or_code: str) -> KbOrganisation | None:
        """The declared organisation with this code, name or alias."""
        code = name_or_code.strip().upper()
        key = words(name_or_code)
        return (next((o for o in self.organisations if o.code and o.code.upper() == code), None)
                or next((o for o in self.organisations if words(o.name) == key), None)
                or next((o for o in self.organisations if any(words(a) == key for a in o.aliases)), None))


def _add_aliases(entry: KbPerson | KbOrganisation, names: Iterable[str]) -> None:
    code = getattr(entry, "code", None)
    for n in names:
        if n and n != entry.name and n != code and n not in entry.aliases:
            entry.aliases.append(n)


def _org_identity(o: KbOrganisation) -> tuple:
    return ("code", o.code.upper()) if o.code else ("name", words(o.name), o.country)


@dataclass(frozen=True)
class KbProblem:
    """One thing to fix in a knowledge-base file; ``line`` is 1-based, ``None`` for the whole file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line is not None else f"{self.path}: {self.message}"


class KnowledgeBaseError(CommuniqueError):
    """A knowledge-base file cannot be used; ``problems`` lists every problem found."""

    code = "E500"

    def __init__(self, problems: list[KbProblem], hint: str | None = None):
        paths = list(dict.fromkeys(p.path for p in problems))
        n = len(problems)
        head = (f"invalid knowledge base {', '.join(paths)}: {n} problem{'' if n == 1 else 's'}"
                if paths else "invalid knowledge base")
        super().__init__("\n".join([head, *(str(p) for p in problems)]),
                         hint or "fix the lines listed; `communique actors --check FILE` checks a file")
        self.problems = list(problems)


# ---------------------------------------------------------------------------------------------- API

def load_kb(path: str | os.PathLike[str]) -> KnowledgeBase:
    """The knowledge base of one file; raises ``KnowledgeBaseError`` listing all its problems."""
    kb, problems = _read(path)
    if problems:
        raise KnowledgeBaseError(problems)
    return kb


def load_kbs(paths: Iterable[str | os.PathLike[str]]) -> KnowledgeBase:
    """Several files merged in order (see ``KnowledgeBase.merge``); ``KnowledgeBase.empty()`` for none.

    Every file is checked; ``KnowledgeBaseError`` lists the problems of all of them."""
    kb = KnowledgeBase.empty()
    problems: list[KbProblem] = []
    for path in paths:
        one, found = _read(path)
        problems += found
        kb = kb.merge(one)
    if problems:
        raise KnowledgeBaseError(problems)
    return kb


def check_kb(path: str | os.PathLike[str]) -> list[KbProblem]:
    """Every problem of one file, in line order (empty when the file is valid)."""
    return _read(path)[1]


def kb_paths_from_env(environ: Mapping[str, str] | None = None) -> list[str]:
    """The files named by ``COMMUNIQUE_KB`` (``:``-separated; empty items ignored)."""
    value = (os.environ if environ is None else environ).get(KB_ENV, "")
    return [p for p in value.split(":") if p.strip()]


# ---------------------------------------------------------------------------------------------- reading

def _read(path: str | os.PathLike[str]) -> tuple[KnowledgeBase, list[KbProblem]]:
    spath = os.fspath(path)
    reader = _Reader(spath)
    text = reader.text()
    if text is not None:
        suffix = Path(spath).suffix.lower()
        if suffix in (".yaml", ".yml"):
            reader.parse_yaml(text)
        elif suffix == ".csv":
            reader.parse_csv(text)
        else:
            reader.problem(None, f"unknown file type {suffix or '(no extension)'!r}: "
                                 "name the file .yaml, .yml or .csv")
    reader.cross_check()
    problems = sorted(reader.problems, key=lambda p: p.line or 0)
    kb = KnowledgeBase(persons=reader.persons, organisations=reader.orgs,
                       merges=[(a, b) for a, b, _ in reader.merges],
                       distinct=[(a, b) for a, b, _ in reader.distinct], sources=[spath])
    return kb, problems


def _clean(value: str | None) -> str | None:
    """NFC, surrounding and repeated whitespace removed; ``None`` when nothing is left."""
    if value is None:
        return None
    value = " ".join(unicodedata.normalize("NFC", value).split())
    return value or None


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset({c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
                     | set(EXTRA_COUNTRIES))


def _country_suggestion(value: str) -> str | None:
    try:
        from .countries import resolve_country

        code = resolve_country(value)
    except Exception:  # a suggestion only: the language data may be unavailable
        code = None
    if code:
        return code
    close = difflib.get_close_matches(value.upper()[:3], sorted(_country_codes()), n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Reader:
    """Reads one file into records and problems; both formats share the field checks and cross-checks."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[KbProblem] = []
        self.persons: list[KbPerson] = []
        self.orgs: list[KbOrganisation] = []
        self.merges: list[tuple[str, str, int]] = []
        self.distinct: list[tuple[str, str, int]] = []
        # id(entry) -> (entry, {alias: line}); the entry is kept so that its id is not reused
        self._alias_lines: dict[int, tuple[object, dict[str, int]]] = {}

    def alias_lines(self, entry: object) -> dict[str, int]:
        return self._alias_lines.get(id(entry), (None, {}))[1]

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(KbProblem(self.path, line, message))

    # ------------------------------------------------------------------ the file
    def text(self) -> str | None:
        try:
            data = Path(self.path).read_bytes()
        except FileNotFoundError:
            self.problem(None, "file not found: check the path")
            return None
        except IsADirectoryError:
            self.problem(None, "not readable: it is a folder, give a .yaml or .csv file")
            return None
        except PermissionError:
            self.problem(None, "not readable: permission denied")
            return None
        except OSError as e:
            self.problem(None, f"not readable: {e.strerror or e}")
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = data[:e.start].count(b"\n") + 1
            self.problem(line, f"not UTF-8 text (byte 0x{data[e.start]:02x}): save the file as UTF-8")
            return None

    # ------------------------------------------------------------------ field checks, both formats
    def country(self, value: str | None, line: int) -> str | None:
        value = _clean(value)
        if value is None:
            return None
        code = value.upper()
        if len(code) == 3 and code.isalpha() and code in _country_codes():
            return code
        hint = _country_suggestion(value)
        example = f" (e.g. {hint})" if hint else " (e.g. RUS, VNM, FRA)"
        self.problem(line, f"country {value!r} is not an ISO 3166-1 alpha-3 code{example}; "
                           "former states take their ISO 3166-3 code (SUN, YUG, CSK, DDR), Kosovo XKX")
        return None

    def date(self, value: str | None, line: int, what: str) -> tuple[str | None, bool]:
        """The date (or ``None``) and whether it was valid."""
        value = _clean(value)
        if value is None:
            return None, True
        if date_bounds(value) is None:
            self.problem(line, f"{what} date {value!r} is not a real date written YYYY, YYYY-MM or YYYY-MM-DD "
                               "(e.g. 2024-05-22)")
            return None, False
        return value, True

    def role(self, role: str | None, start: str | None, end: str | None, line: int,
             lines: tuple[int, int, int] | None = None) -> KbRole | None:
        """A checked role; ``lines`` are the lines of role, from and to when they differ (YAML)."""
        lr, lf, lt = lines or (line, line, line)
        role = _clean(role)
        ok = True
        if role is None:
            self.problem(lr, "role without a role code: give one of " + ", ".join(ROLES))
            ok = False
        elif role not in ROLES:
            self.problem(lr, f"role {role!r} is not a role code{_suggest(role, ROLES)} "
                             f"(codes: {', '.join(ROLES)})")
            ok = False
        start, ok_from = self.date(start, lf, "from")
        end, ok_to = self.date(end, lt, "to")
        if start and end:
            b_start, b_end = date_bounds(start), date_bounds(end)
            if b_start and b_end and b_end[1] < b_start[0]:
                what = f"role {role}" if role else "the role"
                self.problem(lt, f"{what} ends ({end}) before it starts ({start}): swap from and to, or fix the date")
                ok = False
        if not (ok and ok_from and ok_to):
            return None
        return KbRole(role, start, end)

    def alias(self, entry: KbPerson | KbOrganisation, value: str | None, line: int, what: str) -> None:
        alias = _clean(value)
        if alias is None or not words(alias):
            of = f"of {what} {entry.name!r}" if entry.name else f"of a {what}"
            self.problem(line, f"empty alias {of}: remove the empty item or write the spelling")
            return
        lines = self._alias_lines.setdefault(id(entry), (entry, {}))[1]
        if alias in (entry.name, getattr(entry, "code", None)) or alias in lines:
            return
        entry.aliases.append(alias)
        lines[alias] = line

    def add_pair(self, kind: str, a: str | None, b: str | None, line: int) -> None:
        a, b = _clean(a), _clean(b)
        if a is None or b is None:
            self.problem(line, f"a {kind} pair needs two names: "
                         + ("[canonical spelling, other spelling]" if kind == "merge" else "[name, other name]"))
            return
        if fold_name(a) == fold_name(b):
            self.problem(line, f"the {kind} pair names the same spelling twice ({a!r}): give two different names")
            return
        (self.merges if kind == "merge" else self.distinct).append((a, b, line))

    # ------------------------------------------------------------------ YAML
    def parse_yaml(self, text: str) -> None:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            what = e.problem or e.context or "syntax error"
            if e.context and e.problem:
                what += f" ({e.context}" + (f" at line {e.context_mark.line + 1})" if e.context_mark else ")")
            self.problem(mark.line + 1 if mark else None, f"not valid YAML: {what}")
            return
        except yaml.YAMLError as e:
            self.problem(None, f"not valid YAML: {e}")
            return
        if root is None or _is_null(root):
            return
        if not isinstance(root, yaml.MappingNode):
            self.problem(_line(root), "the file must be a mapping with the keys " + ", ".join(YAML_KEYS))
            return
        for key, value in self.items(root, YAML_KEYS, "top-level"):
            entries = self.sequence(value, key)
            if key == "persons":
                for node in entries:
                    self.yaml_person(node)
            elif key == "organisations":
                for node in entries:
                    self.yaml_org(node)
            else:
                for node in entries:
                    self.yaml_pair(key, node)

    def items(self, node: yaml.MappingNode, keys: tuple[str, ...], where: str) -> list[tuple[str, yaml.Node]]:
        """The known keys of a mapping with their values; unknown and repeated keys are problems."""
        out: list[tuple[str, yaml.Node]] = []
        seen: dict[str, int] = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else None
            if key not in keys:
                shown = key if key is not None else "(not a text)"
                self.problem(_line(k), f"unknown {where} key {shown!r}{_suggest(str(key), keys)} "
                                       f"(keys: {', '.join(keys)})")
                continue
            if key in seen:
                self.problem(_line(k), f"key {key!r} appears twice (first at line {seen[key]}): keep one")
                continue
            seen[key] = _line(k)
            out.append((key, v))
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if _is_null(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(_line(node), f"{what} must be a list (items starting with '- ', or [a, b])")
            return []
        return list(node.value)

    def scalar(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None or _is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(_line(node), f"{what} must be a single value, not a list or mapping")
            return None
        return node.value

    def yaml_person(self, node: yaml.Node) -> None:
        line = _line(node)
        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "a person is a mapping with name, country, aliases, roles "
                               "(e.g. - {name: Hun Manet, country: KHM})")
            return
        fields = dict(self.items(node, PERSON_KEYS, "person"))
        name = _clean(self.scalar(fields.get("name"), "name"))
        if name is None:
            self.problem(line, "person without a name: add name: with the canonical spelling")
        country = None
        if "country" in fields:
            country = self.country(self.scalar(fields["country"], "country"), _line(fields["country"]))
        aliases = self.sequence(fields["aliases"], "aliases") if "aliases" in fields else []
        roles = self.sequence(fields["roles"], "roles") if "roles" in fields else []
        person = KbPerson(name or "", country, line=line, source=self.path)
        for a in aliases:
            self.alias(person, self.scalar(a, "an alias"), _line(a), "person")
        for r in roles:
            role = self.yaml_role(r)
            if role is not None and role not in person.roles:
                person.roles.append(role)
        if name is not None:
            self.persons.append(person)

    def yaml_role(self, node: yaml.Node) -> KbRole | None:
        line = _line(node)
        if isinstance(node, yaml.ScalarNode) and not _is_null(node):
            return self.role(node.value, None, None, line)
        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "a role is a mapping {role: CODE, from: YYYY-MM-DD, to: YYYY-MM-DD} (from, to optional)")
            return None
        f = dict(self.items(node, ROLE_KEYS, "role"))
        if "role" not in f:
            self.problem(line, "role without a role code: add role: (one of " + ", ".join(ROLES) + ")")
            return None
        lines = tuple(_line(f[k]) if k in f else line for k in ROLE_KEYS)
        return self.role(self.scalar(f["role"], "role"), self.scalar(f.get("from"), "from"),
                         self.scalar(f.get("to"), "to"), line, lines)  # type: ignore[arg-type]

    def yaml_org(self, node: yaml.Node) -> None:
        line = _line(node)
        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "an organisation is a mapping with name, code, country, aliases "
                               "(e.g. - {name: Parti du peuple cambodgien, code: CPP, country: KHM})")
            return
        fields = dict(self.items(node, ORGANISATION_KEYS, "organisation"))
        name = _clean(self.scalar(fields.get("name"), "name"))
        if name is None:
            self.problem(line, "organisation without a name: add name: with its full name")
        code = None
        if "code" in fields:
            code = self.org_code(self.scalar(fields["code"], "code"), _line(fields["code"]))
        country = None
        if "country" in fields:
            country = self.country(self.scalar(fields["country"], "country"), _line(fields["country"]))
        org = KbOrganisation(name or "", code, country, line=line, source=self.path)
        for a in self.sequence(fields["aliases"], "aliases") if "aliases" in fields else []:
            self.alias(org, self.scalar(a, "an alias"), _line(a), "organisation")
        if name is not None:
            self.orgs.append(org)

    def org_code(self, value: str | None, line: int) -> str | None:
        code = _clean(value)
        if code is not None and not _CODE.match(code):
            self.problem(line, f"organisation code {code!r} contains spaces or commas: use a short code such as CPV")
            return None
        return code

    def yaml_pair(self, kind: str, node: yaml.Node) -> None:
        line = _line(node)
        if not isinstance(node, yaml.SequenceNode) or len(node.value) != 2:
            self.problem(line, f"a {kind} pair is a list of two names: "
                         + ("[canonical spelling, other spelling]" if kind == "merge" else "[name, other name]"))
            return
        a, b = (self.scalar(n, "a name") for n in node.value)
        self.add_pair(kind, a, b, line)

    # ------------------------------------------------------------------ CSV
    def parse_csv(self, text: str) -> None:
        # comment lines become empty lines: the reader skips them and line numbers stay right
        lines = ["\n" if ln.lstrip().startswith("#") else ln for ln in io.StringIO(text, newline="")]
        source = iter(lines)
        reader = csv.reader(source, strict=True)
        base = 0  # lines read by the readers before this one (a new one starts after a syntax error)
        header: list[str] | None = None
        rows: list[tuple[int, dict[str, str | None]]] = []
        last = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                self.problem(last + 1, f"not valid CSV: {e} (quote a value with \"...\", "
                                       "and double the quotes inside it)")
                base = last = base + reader.line_num
                reader = csv.reader(source, strict=True)
                continue
            start, last = last + 1, base + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [c.strip().lower() for c in row]
                if "action" not in header or "name" not in header:
                    self.problem(start, "the first line must be the header: " + ",".join(CSV_COLUMNS))
                    return
                for c in header:
                    if c not in CSV_COLUMNS:
                        self.problem(start, f"unknown column {c!r}{_suggest(c, CSV_COLUMNS)} "
                                            f"(columns: {','.join(CSV_COLUMNS)})")
                continue
            if len(row) > len(header):
                self.problem(start, f"{len(row)} values but the header has {len(header)} columns: "
                                    "quote values that contain commas")
                continue
            rec = {h: _clean(row[i]) if i < len(row) else None for i, h in enumerate(header)}
            rows.append((start, rec))
        if header is None:
            if text.strip():
                self.problem(None, "no header line: the first line must be " + ",".join(CSV_COLUMNS))
            return
        # persons and organisations first: alias and role lines may come before them
        for line, rec in rows:
            action = (rec.get("action") or "").lower()
            if action not in CSV_ACTIONS:
                shown = rec.get("action") or ""
                self.problem(line, f"unknown action {shown!r}{_suggest(shown.lower(), CSV_ACTIONS)} "
                                   f"(actions: {', '.join(CSV_ACTIONS)})")
            elif action == "person":
                self.csv_person(line, rec)
            elif action == "organisation":
                self.csv_org(line, rec)
        for line, rec in rows:
            action = (rec.get("action") or "").lower()
            if action in ("alias", "role"):
                self.csv_person_detail(action, line, rec)
            elif action == "org_alias":
                self.csv_org_alias(line, rec)
            elif action in ("merge", "distinct"):
                self.unused(line, rec, action, ("country", "role", "from", "to"))
                if rec.get("name") is None:
                    self.problem(line, f"{action} line without a name: put the first name in the name column")
                elif rec.get("value") is None:
                    self.problem(line, f"{action} line without a value: put the other name in the value column")
                else:
                    self.add_pair(action, rec["name"], rec["value"], line)

    def unused(self, line: int, rec: dict[str, str | None], action: str, columns: tuple[str, ...]) -> None:
        filled = [c for c in columns if rec.get(c)]
        if filled:
            self.problem(line, f"{action} lines do not use the column{'s' if len(filled) > 1 else ''} "
                               f"{', '.join(filled)}: leave {'them' if len(filled) > 1 else 'it'} empty")

    def csv_person(self, line: int, rec: dict[str, str | None]) -> None:
        self.unused(line, rec, "person", ("value", "role", "from", "to"))
        name = rec.get("name")
        country = self.country(rec.get("country"), line)
        if name is None:
            self.problem(line, "person line without a name: put the canonical spelling in the name column")
            return
        self.persons.append(KbPerson(name, country, line=line, source=self.path))

    def csv_org(self, line: int, rec: dict[str, str | None]) -> None:
        self.unused(line, rec, "organisation", ("role", "from", "to"))
        name = rec.get("name")
        code = self.org_code(rec.get("value"), line)
        country = self.country(rec.get("country"), line)
        if name is None:
            self.problem(line, "organisation line without a name: put its full name in the name column")
            return
        self.orgs.append(KbOrganisation(name, code, country, line=line, source=self.path))

    def csv_person_detail(self, action: str, line: int, rec: dict[str, str | None]) -> None:
        name = rec.get("name")
        if action == "alias":
            self.unused(line, rec, action, ("role", "from", "to"))
        else:
            self.unused(line, rec, action, ("value",))
        if name is None:
            self.problem(line, f"{action} line without a name: put the person's canonical spelling in the name column")
            return
        country = _clean(rec.get("country"))
        key = name_key(name)
        hits = [p for p in self.persons if name_key(p.name) == key
                and not (country and p.country and p.country != country.upper())]
        if not hits:
            self.problem(line, f"{action} of {name!r}, which no person line declares: "
                               f"add a line person,{name},,COUNTRY")
            return
        if len(hits) > 1:
            self.problem(line, f"{action} of {name!r}: several persons have this name "
                               f"(lines {', '.join(str(p.line) for p in hits)}); give the country column")
            return
        person = hits[0]
        if action == "alias":
            self.alias(person, rec.get("value"), line, "person")
        else:
            role = self.role(rec.get("role"), rec.get("from"), rec.get("to"), line)
            if role is not None and role not in person.roles:
                person.roles.append(role)

    def csv_org_alias(self, line: int, rec: dict[str, str | None]) -> None:
        self.unused(line, rec, "org_alias", ("country", "role", "from", "to"))
        name = rec.get("name")
        if name is None:
            self.problem(line, "org_alias line without a name: put the organisation's name or code in the name column")
            return
        hits = [o for o in self.orgs if o.code and o.code.upper() == name.upper()] or \
               [o for o in self.orgs if words(o.name) == words(name)]
        if len(hits) != 1:
            self.problem(line, f"org_alias of {name!r}, which "
                         + ("no organisation line declares: add a line organisation,NAME,CODE,COUNTRY" if not hits
                            else "several organisation lines declare: use the code in the name column"))
            return
        self.alias(hits[0], rec.get("value"), line, "organisation")

    # ------------------------------------------------------------------ checks across entries
    def cross_check(self) -> None:
        self.check_duplicates()
        self.check_person_aliases()
        self.check_org_aliases()
        self.check_pairs()

    def check_duplicates(self) -> None:
        seen: dict[tuple, KbPerson] = {}
        for p in self.persons:
            k = (name_key(p.name), p.country)
            if k in seen:
                first = seen[k]
                self.problem(p.line, f"person {p.name!r}" + (f" ({p.country})" if p.country else "")
                             + f" is already declared at line {first.line}: keep one entry with all the "
                               "aliases and roles")
            else:
                seen[k] = p
        codes: dict[str, KbOrganisation] = {}
        names: dict[tuple, KbOrganisation] = {}
        for o in self.orgs:
            if o.code and o.code.upper() in codes:
                self.problem(o.line, f"organisation code {o.code!r} is already used at line "
                                     f"{codes[o.code.upper()].line}: one code names one organisation")
                continue
            k2 = (words(o.name), o.country)
            if k2 in names:
                self.problem(o.line, f"organisation {o.name!r} is already declared at line {names[k2].line}: "
                                     "keep one entry")
                continue
            if o.code:
                codes[o.code.upper()] = o
            names[k2] = o

    def check_person_aliases(self) -> None:
        canon: dict[tuple[str, ...], list[KbPerson]] = {}
        for p in self.persons:
            canon.setdefault(name_key(p.name), []).append(p)
        owner: dict[tuple[str, ...], tuple[KbPerson, str, int]] = {}
        for p in self.persons:
            own = name_key(p.name)
            for alias, line in self.alias_lines(p).items():
                k = name_key(alias)
                if k == own:
                    continue
                other = next((q for q in canon.get(k, []) if q is not p), None)
                if other is not None:
                    self.problem(line, f"alias {alias!r} of {p.name!r} is the name of another person, "
                                       f"{other.name!r} (line {other.line}): an alias names one person only; "
                                       "remove it, or declare a merge if they are one person")
                    continue
                if k in owner and owner[k][0] is not p:
                    q, spelling, first = owner[k]
                    self.problem(line, f"alias {alias!r} of {p.name!r} is also an alias of {q.name!r} "
                                       f"({spelling!r}, line {first}): an alias names one person only; "
                                       "remove it from one of them")
                    continue
                owner.setdefault(k, (p, alias, line))

    def check_org_aliases(self) -> None:
        names: dict[tuple[str, ...], KbOrganisation] = {}
        for o in self.orgs:
            names.setdefault(words(o.name), o)
            if o.code:
                names.setdefault(words(o.code), o)
        owner: dict[tuple[str, ...], tuple[KbOrganisation, int]] = {}
        for o in self.orgs:
            for alias, line in self.alias_lines(o).items():
                k = words(alias)
                other = names.get(k)
                if other is not None and other is not o:
                    self.problem(line, f"alias {alias!r} of organisation {o.name!r} is the name or code of "
                                       f"{other.name!r} (line {other.line}): remove it")
                elif k in owner and owner[k][0] is not o:
                    self.problem(line, f"alias {alias!r} of organisation {o.name!r} is also an alias of "
                                       f"{owner[k][0].name!r} (line {owner[k][1]}): remove it from one of them")
                else:
                    owner.setdefault(k, (o, line))

    def check_pairs(self) -> None:
        """A distinct pair must not be joined by a merge, directly or through aliases and other merges."""
        graph: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = {}

        def edge(a: str, b: str, line: int) -> None:
            ka, kb = name_key(a), name_key(b)
            if ka != kb:
                graph.setdefault(ka, []).append((kb, line))
                graph.setdefault(kb, []).append((ka, line))

        for a, b, line in self.merges:
            edge(a, b, line)
        for p in self.persons:
            for alias, line in self.alias_lines(p).items():
                edge(p.name, alias, line)
        direct = {frozenset((name_key(a), name_key(b))): line for a, b, line in self.merges}
        for a, b, line in self.distinct:
            ka, kb = name_key(a), name_key(b)
            if ka == kb:
                self.problem(line, f"{a!r} and {b!r} are declared distinct but are spellings of one name "
                                   "(same transliteration key): the resolver cannot keep them apart by name")
                continue
            if frozenset((ka, kb)) in direct:
                self.problem(line, f"{a!r} and {b!r} are declared distinct, and merged at line "
                                   f"{direct[frozenset((ka, kb))]}: remove one of the two")
                continue
            path = _path(graph, ka, kb)
            if path:
                self.problem(line, f"{a!r} and {b!r} are declared distinct, but joined as one person by "
                                   f"line{'s' if len(path) > 1 else ''} {', '.join(map(str, path))} "
                                   "(merge or alias): remove the distinct pair or the join")


def _path(graph: dict, start: tuple, goal: tuple) -> list[int]:
    """The lines of the shortest chain of joins from one name key to another; empty when none."""
    prev: dict[tuple, tuple[tuple, int] | None] = {start: None}
    todo = deque([start])
    while todo:
        node = todo.popleft()
        if node == goal:
            lines = []
            while prev[node] is not None:
                node, line = prev[node]  # type: ignore[misc]
                lines.append(line)
            return sorted(set(lines))
        for nxt, line in graph.get(node, []):
            if nxt not in prev:
                prev[nxt] = (node, line)
                todo.append(nxt)
    return []


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


__all__ = ["CSV_ACTIONS", "CSV_COLUMNS", "KB_ENV", "ROLES", "KbOrganisation", "KbPerson", "KbProblem", "KbRole",
           "KnowledgeBase", "KnowledgeBaseError", "check_kb", "kb_paths_from_env", "load_kb", "load_kbs",
           "office_holders"]


def office_holders(kb: KnowledgeBase | None = None) -> OfficeHolders:
    """The office holders shipped with the package, overridden by the dated terms of ``kb``: a person the
    knowledge base says held an office from one date to another replaces, for that country and office,
    whoever the shipped data names over that period."""
    builtin = OfficeHolders.builtin()
    if not kb:
        return builtin
    terms = [Term(p.country, r.role, p.name, r.start, r.end, tuple(p.aliases), p.source or "knowledge base")
             for p in kb.persons if p.country for r in p.roles if r.role in OFFICES and r.start]
    return builtin.overridden_by(terms)
