"""User knowledge-base files: loading (YAML and CSV), merging, and the problems ``check_kb`` reports."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from communique.errors import CommuniqueError
from communique.resolve.kb import (
    KbOrganisation,
    KbPerson,
    KbProblem,
    KbRole,
    KnowledgeBase,
    KnowledgeBaseError,
    check_kb,
    kb_paths_from_env,
    load_kb,
    load_kbs,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

YAML_KB = """\
# a comment
persons:
  - name: Phạm Minh Chính
    country: VNM
    aliases: [Pham Minh Chinh, Phạm Minh Chinh]
    roles:
      - {role: head_of_government, from: 2021-04-05}
      - {role: deputy_head_of_government, from: 2016, to: 2016-04}
  - name: Hun Manet
    country: khm
merge:
  - [Volodymyr Zelensky, Volodymyr Zelenskyy]
distinct:
  - [Hun Sen, Hun Manet]
organisations:
  - name: Parti du peuple cambodgien
    code: CPP
    country: KHM
    aliases: [PPC]
  - name: Organisation du traité de sécurité collective
"""

CSV_KB = """\
# a comment
action,name,value,country,role,from,to
person,Phạm Minh Chính,,VNM,,,
alias,Phạm Minh Chính,Pham Minh Chinh,,,,
role,Phạm Minh Chính,,,head_of_government,2021-04-05,
alias,Phạm Minh Chính,Phạm Minh Chinh,,,,
role,Phạm Minh Chính,,,deputy_head_of_government,2016,2016-04
# alias and role lines may come before the person line
person,Hun Manet,,khm,,,
merge,Volodymyr Zelensky,Volodymyr Zelenskyy,,,,
distinct,Hun Sen,Hun Manet,,,,
org_alias,CPP,PPC,,,,
organisation,Parti du peuple cambodgien,CPP,KHM,,,
organisation,Organisation du traité de sécurité collective,,,,,
"""

EXPECTED = KnowledgeBase(
    persons=[
        KbPerson("Phạm Minh Chính", "VNM", ["Pham Minh Chinh", "Phạm Minh Chinh"],
                 [KbRole("head_of_government", "2021-04-05", None),
                  KbRole("deputy_head_of_government", "2016", "2016-04")]),
        KbPerson("Hun Manet", "KHM"),
    ],
    organisations=[
        KbOrganisation("Parti du peuple cambodgien", "CPP", "KHM", ["PPC"]),
        KbOrganisation("Organisation du traité de sécurité collective"),
    ],
    merges=[("Volodymyr Zelensky", "Volodymyr Zelenskyy")],
    distinct=[("Hun Sen", "Hun Manet")],
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- loading

def test_yaml_loads(tmp_path):
    path = write(tmp_path, "kb.yaml", YAML_KB)
    kb = load_kb(path)
    assert kb == EXPECTED
    assert kb.sources == [str(path)]
    assert kb.persons[0].line == 3 and kb.persons[1].line == 9
    assert kb.persons[0].source == str(path)
    assert kb.organisations[0].line == 16


def test_csv_loads(tmp_path):
    path = write(tmp_path, "kb.csv", CSV_KB)
    kb = load_kb(path)
    assert kb == EXPECTED
    assert kb.persons[0].line == 3 and kb.persons[1].line == 9


def test_yaml_and_csv_give_the_same_knowledge_base(tmp_path):
    assert load_kb(write(tmp_path, "kb.yml", YAML_KB)) == load_kb(write(tmp_path, "kb.csv", CSV_KB))


def test_dates_are_kept_as_written(tmp_path):
    """YAML would read 2021-04-05 as a date object and 2016 as an int: the text is kept."""
    kb = load_kb(write(tmp_path, "kb.yaml", YAML_KB))
    assert [r.start for r in kb.persons[0].roles] == ["2021-04-05", "2016"]


def test_role_without_dates_may_be_a_plain_code(tmp_path):
    kb = load_kb(write(tmp_path, "kb.yaml", """\
        persons:
          - name: Anwar Ibrahim
            country: MYS
            roles: [head_of_government]
        """))
    assert kb.persons[0].roles == [KbRole("head_of_government")]


def test_historical_and_kosovo_codes_are_countries(tmp_path):
    kb = load_kb(write(tmp_path, "kb.csv", """\
        action,name,value,country,role,from,to
        person,Josip Broz Tito,,YUG,,,
        person,Erich Honecker,,DDR,,,
        person,Vjosa Osmani,,XKX,,,
        """))
    assert [p.country for p in kb.persons] == ["YUG", "DDR", "XKX"]


def test_empty_files_are_empty_knowledge_bases(tmp_path):
    assert load_kb(write(tmp_path, "a.yaml", "# nothing yet\n")) == KnowledgeBase.empty()
    assert load_kb(write(tmp_path, "b.yaml", "persons:\nmerge: []\n")) == KnowledgeBase.empty()
    assert load_kb(write(tmp_path, "c.csv", "action,name,value,country,role,from,to\n")) == KnowledgeBase.empty()
    assert not KnowledgeBase.empty()


def test_names_are_normalised(tmp_path):
    kb = load_kb(write(tmp_path, "kb.yaml", "persons:\n  - {name: '  Hun   Manet ', country: KHM}\n"))
    assert kb.persons[0].name == "Hun Manet"


def test_find_person_and_organisation(tmp_path):
    kb = load_kb(write(tmp_path, "kb.yaml", YAML_KB))
    assert kb.find_person("Pham Minh Chinh").name == "Phạm Minh Chính"
    assert kb.find_person("Hun Manet", "KHM").country == "KHM"
    assert kb.find_person("Hun Manet", "VNM") is None
    assert kb.find_organisation("cpp").name == "Parti du peuple cambodgien"
    assert kb.find_organisation("PPC").code == "CPP"
    assert kb.find_organisation("Parti du peuple cambodgien").code == "CPP"


# ---------------------------------------------------------------------------------------------- merging

def test_merge_two_files(tmp_path):
    a = write(tmp_path, "a.yaml", YAML_KB)
    b = write(tmp_path, "b.csv", """\
        action,name,value,country,role,from,to
        person,Pham Minh Chinh,,VNM,,,
        alias,Pham Minh Chinh,Thủ tướng Chính,,,,
        role,Pham Minh Chinh,,,head_of_government,2021-04-05,
        role,Pham Minh Chinh,,,minister,2011,2016
        person,Hun Manet,,VNM,,,
        person,Anwar Ibrahim,,MYS,,,
        merge,Volodymyr Zelensky,Volodymyr Zelenskyy,,,,
        distinct,Lee Hsien Loong,Lee Kuan Yew,,,,
        organisation,CPP,CPP,,,,
        organisation,Petrovietnam,PVN,VNM,,,
        """)
    kb = load_kbs([a, b])
    assert kb.sources == [str(a), str(b)]
    # same name key and country: one person, the first file's spelling wins, the rest is added
    pham = kb.persons[0]
    assert pham.name == "Phạm Minh Chính"
    assert pham.aliases == ["Pham Minh Chinh", "Phạm Minh Chinh", "Thủ tướng Chính"]
    assert pham.roles == [KbRole("head_of_government", "2021-04-05"),
                          KbRole("deputy_head_of_government", "2016", "2016-04"), KbRole("minister", "2011", "2016")]
    assert pham.source == str(a)
    # same name, another country: another person
    assert [(p.name, p.country) for p in kb.persons] == [
        ("Phạm Minh Chính", "VNM"), ("Hun Manet", "KHM"), ("Hun Manet", "VNM"), ("Anwar Ibrahim", "MYS")]
    assert kb.persons[3].source == str(b) and kb.persons[3].line == 7
    # pairs kept once, in order
    assert kb.merges == [("Volodymyr Zelensky", "Volodymyr Zelenskyy")]
    assert kb.distinct == [("Hun Sen", "Hun Manet"), ("Lee Hsien Loong", "Lee Kuan Yew")]
    # same code: one organisation; the other name becomes an alias unless it is the code
    assert [o.code for o in kb.organisations] == ["CPP", None, "PVN"]
    assert kb.organisations[0].aliases == ["PPC"]


def test_merge_leaves_its_inputs_alone(tmp_path):
    a = load_kb(write(tmp_path, "a.yaml", YAML_KB))
    b = load_kb(write(tmp_path, "b.yaml", "persons:\n  - {name: Pham Minh Chinh, country: VNM, aliases: [Ông Chính]}\n"))
    merged = a.merge(b)
    assert "Ông Chính" in merged.persons[0].aliases
    assert "Ông Chính" not in a.persons[0].aliases
    assert a.merge(KnowledgeBase.empty()) == a
    assert KnowledgeBase.empty().merge(a) == a


def test_load_kbs_of_nothing_is_empty():
    assert load_kbs([]) == KnowledgeBase.empty()


def test_load_kbs_reports_the_problems_of_every_file(tmp_path):
    a = write(tmp_path, "a.yaml", "persons:\n  - {name: X, country: RUSS}\n")
    b = write(tmp_path, "b.csv", "action,name,value,country,role,from,to\nperson,Y,,ZZZ,,,\n")
    with pytest.raises(KnowledgeBaseError) as info:
        load_kbs([a, b])
    assert [(Path(p.path).name, p.line) for p in info.value.problems] == [("a.yaml", 2), ("b.csv", 2)]


def test_paths_from_the_environment():
    assert kb_paths_from_env({"COMMUNIQUE_KB": "a.yaml:b.csv::"}) == ["a.yaml", "b.csv"]
    assert kb_paths_from_env({}) == []


# ---------------------------------------------------------------------------------------------- problems

PERSON = "persons:\n  - name: Hun Manet\n    country: KHM\n"
CSV_HEAD = "action,name,value,country,role,from,to\n"

CASES = [
    # (id, file name, content, line, words the message must contain)
    ("yaml-syntax", "kb.yaml", "persons:\n  - name: Hun Manet\n    country: [KHM\n", 4, "not valid YAML"),
    ("yaml-tab", "kb.yaml", "persons:\n\t- name: X\n", 2, "not valid YAML"),
    ("yaml-not-mapping", "kb.yaml", "- Hun Manet\n", 1, "mapping"),
    ("csv-syntax", "kb.csv", CSV_HEAD + 'person,Hun Manet,,KHM,,,\nperson,"Hun" Sen,,KHM,,,\n', 3, "not valid CSV"),
    ("csv-no-header", "kb.csv", "person,Hun Manet,,KHM,,,\n", 1, "header"),
    ("csv-unknown-column", "kb.csv", "action,name,value,country,role,from,until\n", 1, "unknown column 'until'"),
    ("csv-too-many-values", "kb.csv", CSV_HEAD + "person,Sen, Hun,,KHM,,,\n", 2, "quote values"),
    ("unknown-top-level-key", "kb.yaml", PERSON + "organizations:\n  - name: X\n", 4, "did you mean 'organisations'"),
    ("unknown-person-key", "kb.yaml", PERSON + "    alias: [Hun Mane]\n", 4, "unknown person key 'alias'"),
    ("repeated-key", "kb.yaml", PERSON + "    country: VNM\n", 4, "appears twice"),
    ("unknown-action", "kb.csv", CSV_HEAD + "persn,Hun Manet,,KHM,,,\n", 2, "unknown action 'persn'"),
    ("unused-column", "kb.csv", CSV_HEAD + "person,Hun Manet,Hun Mane,KHM,,,\n", 2, "value"),
    ("missing-name-yaml", "kb.yaml", PERSON + "  - country: KHM\n", 4, "without a name"),
    ("missing-name-csv", "kb.csv", CSV_HEAD + "person,,,KHM,,,\n", 2, "without a name"),
    ("missing-org-name", "kb.yaml", "organisations:\n  - code: CPP\n", 2, "without a name"),
    ("not-a-person", "kb.yaml", "persons:\n  - Hun Manet\n", 2, "mapping"),
    ("country", "kb.yaml", "persons:\n  - name: X\n    aliases: []\n    country: RUSS\n", 4, "'RUSS' is not an ISO 3166-1 alpha-3 code (e.g. RUS)"),
    ("country-name", "kb.csv", CSV_HEAD + "person,X,,Russie,,,\n", 2, "(e.g. RUS)"),
    ("country-alpha2", "kb.yaml", "organisations:\n  - {name: X, country: KH}\n", 2, "(e.g. KHM)"),
    ("role", "kb.yaml", PERSON + "    roles:\n      - {role: head_of_state}\n      - {role: ministre}\n", 6,
     "did you mean 'minister'"),
    ("role-csv", "kb.csv", CSV_HEAD + "person,X,,KHM,,,\nrole,X,,,president,,\n", 3, "not a role code"),
    ("role-missing", "kb.yaml", PERSON + "    roles:\n      - {from: 2020}\n", 5, "without a role code"),
    ("date-format", "kb.yaml", PERSON + "    roles:\n      - role: minister\n        from: 05/2020\n", 6,
     "from date '05/2020'"),
    ("date-not-real", "kb.csv", CSV_HEAD + "person,X,,KHM,,,\nrole,X,,,minister,2023-02-30,\n", 3,
     "not a real date"),
    ("date-month-13", "kb.yaml", PERSON + "    roles: [{role: minister, to: 2023-13}]\n", 4, "to date '2023-13'"),
    ("to-before-from", "kb.yaml", PERSON + "    roles:\n      - {role: minister, from: 2020-05, to: 2020-04-30}\n", 5,
     "ends (2020-04-30) before it starts (2020-05)"),
    ("to-before-from-csv", "kb.csv", CSV_HEAD + "person,X,,KHM,,,\nrole,X,,,minister,2020,2019-12\n", 3,
     "before it starts"),
    ("merge-one-name", "kb.yaml", "merge:\n  - [Hun Sen]\n", 2, "two names"),
    ("merge-same-name", "kb.yaml", "merge:\n  - [Hun Sen, hun  sen]\n", 2, "same spelling twice"),
    ("distinct-same-name", "kb.csv", CSV_HEAD + "distinct,Hun Sen,Hun-Sen,,,,\n", 2, "same spelling twice"),
    ("distinct-missing-value", "kb.csv", CSV_HEAD + "distinct,Hun Sen,,,,,\n", 2, "value column"),
    ("distinct-same-key", "kb.yaml", "distinct:\n  - [Mikhail Mishustin, Mikhaïl Michoustine]\n", 2,
     "same transliteration key"),
    ("merged-and-distinct", "kb.yaml", "merge:\n  - [Hun Sen, Hun Manet]\ndistinct:\n  - [Hun Manet, Hun Sen]\n", 4,
     "merged at line 2"),
    ("merged-and-distinct-through-alias", "kb.yaml",
     "persons:\n  - name: Hun Sen\n    aliases: [Samdech Techo]\nmerge:\n  - [Samdech Techo, Samdech Hun Sen]\n"
     "distinct:\n  - [Hun Sen, Samdech Hun Sen]\n", 7, "lines 3, 5"),
    ("alias-of-two-persons", "kb.yaml",
     "persons:\n  - name: Hun Sen\n    aliases: [Samdech]\n  - name: Hun Manet\n    aliases: [Samdêch]\n", 5,
     "also an alias of 'Hun Sen'"),
    ("alias-is-another-person", "kb.csv",
     CSV_HEAD + "person,Hun Sen,,KHM,,,\nperson,Hun Manet,,KHM,,,\nalias,Hun Sen,Hun Manett,,,,\n", 4,
     "name of another person, 'Hun Manet'"),
    ("empty-alias", "kb.yaml", PERSON + "    aliases:\n      - Hun Mane\n      -\n", 6, "empty alias"),
    ("empty-alias-quoted", "kb.yaml", PERSON + "    aliases: [Hun Mane, '  ']\n", 4, "empty alias"),
    ("empty-alias-csv", "kb.csv", CSV_HEAD + "person,X,,KHM,,,\nalias,X,,,,,\n", 3, "empty alias"),
    ("alias-of-unknown-person", "kb.csv", CSV_HEAD + "alias,Nobody,Somebody,,,,\n", 2, "no person line declares"),
    ("role-of-ambiguous-person", "kb.csv",
     CSV_HEAD + "person,Kim Jong Un,,PRK,,,\nperson,Kim Jong Un,,KOR,,,\nrole,Kim Jong Un,,,minister,,\n", 4,
     "give the country column"),
    ("duplicate-person", "kb.yaml", PERSON + "  - name: Hun  Manett\n    country: KHM\n", 4,
     "already declared at line 2"),
    ("duplicate-person-csv", "kb.csv", CSV_HEAD + "person,Hun Manet,,KHM,,,\nperson,hun manet,,KHM,,,\n", 3,
     "already declared at line 2"),
    ("duplicate-org-code", "kb.yaml", "organisations:\n  - {name: A, code: CPP}\n  - {name: B, code: cpp}\n", 3,
     "already used at line 2"),
    ("org-alias-of-two", "kb.csv",
     CSV_HEAD + "organisation,A,AA,,,,\norganisation,B,BB,,,,\norg_alias,AA,X,,,,\norg_alias,BB,X,,,,\n", 5,
     "also an alias of 'A'"),
    ("org-alias-unknown", "kb.csv", CSV_HEAD + "org_alias,ZZ,X,,,,\n", 2, "no organisation line declares"),
    ("org-code-with-space", "kb.csv", CSV_HEAD + "organisation,A,A B,,,,\n", 2, "spaces"),
    ("not-utf8", "kb.yaml", None, 3, "not UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problem_is_reported_with_its_line(tmp_path, name, content, line, words):
    path = tmp_path / name
    if content is None:
        path.write_bytes("persons:\n  - name: Hun Manet\n    aliases: [".encode() + "Hun Manét".encode("latin-1") + b"]\n")
    else:
        path.write_text(content, encoding="utf-8")
    problems = check_kb(path)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert isinstance(problem, KbProblem)
    assert problem.line == line, problem
    assert words in problem.message
    assert str(problem) == f"{path}:{line}: {problem.message}"


@pytest.mark.parametrize("name", ["missing.yaml", "missing.csv"])
def test_missing_file(tmp_path, name):
    [problem] = check_kb(tmp_path / name)
    assert problem.line is None and "not found" in problem.message
    assert str(problem) == f"{tmp_path / name}: {problem.message}"


def test_folder_is_not_readable(tmp_path):
    folder = tmp_path / "kb.yaml"
    folder.mkdir()
    [problem] = check_kb(folder)
    assert "not readable" in problem.message


def test_unknown_extension(tmp_path):
    [problem] = check_kb(write(tmp_path, "kb.json", "{}"))
    assert ".yaml, .yml or .csv" in problem.message


def test_several_problems_are_all_reported_in_line_order(tmp_path):
    path = write(tmp_path, "kb.yaml", """\
        persons:
          - name: Hun Sen
            country: KHMR
            aliases: [Samdech, ""]
            roles:
              - {role: prime_minister, from: 1985-01-14}
              - {role: head_of_government, from: 2023, to: 1985}
          - country: KHM
          - name: Hun Sen
            country: KHMR
        merge:
          - [Hun Sen, Hun Manet]
        distinct:
          - [Hun Sen, Hun Manet]
          - [Hun Sen]
        organizations: []
        """)
    problems = check_kb(path)
    assert [p.line for p in problems] == [3, 4, 6, 7, 8, 9, 10, 14, 15, 16]
    assert "prime_minister" in problems[2].message


def test_csv_problems_after_a_syntax_error_are_reported(tmp_path):
    path = write(tmp_path, "kb.csv", CSV_HEAD + 'person,"Hun" Sen,,KHM,,,\nperson,Hun Manet,,KHMR,,,\n')
    assert [p.line for p in check_kb(path)] == [2, 3]


def test_csv_line_numbers_count_comments_and_multiline_values(tmp_path):
    path = write(tmp_path, "kb.csv", '# one\n' + CSV_HEAD + '# two\n\nperson,"Hun\nManet",,KHM,,,\nperson,X,,KHMR,,,\n')
    [problem] = check_kb(path)
    assert problem.line == 7


def test_load_raises_with_every_problem(tmp_path):
    path = write(tmp_path, "kb.csv", CSV_HEAD + "person,X,,RUSS,,,\npersn,Y,,,,,\nrole,X,,,minister,2020-02-30,\n")
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb(path)
    err = info.value
    assert isinstance(err, CommuniqueError) and err.code == "E500"
    assert [p.line for p in err.problems] == [2, 3, 4]
    message = str(err)
    assert "3 problems" in message
    for p in err.problems:
        assert str(p) in message


def test_valid_file_has_no_problems(tmp_path):
    assert check_kb(write(tmp_path, "kb.yaml", YAML_KB)) == []
    assert check_kb(write(tmp_path, "kb.csv", CSV_KB)) == []


# ---------------------------------------------------------------------------------------------- examples

@pytest.mark.parametrize("name", ["kb-example.yaml", "kb-example.csv"])
def test_example_files_have_no_problems(name):
    path = EXAMPLES / name
    assert check_kb(path) == []
    kb = load_kb(path)
    assert kb.persons and kb.organisations and kb.merges and kb.distinct


def test_example_files_say_the_same():
    assert load_kb(EXAMPLES / "kb-example.yaml") == load_kb(EXAMPLES / "kb-example.csv")


def test_import_is_cheap():
    import subprocess
    import sys

    code = "import sys, communique.resolve.kb; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
