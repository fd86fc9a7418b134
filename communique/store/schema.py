"""The tables of a communique database, as the code uses them (at the newest migration).

Portable SQLAlchemy Core types only, so the same definitions work on SQLite and PostgreSQL.
Facts keep their SCHEMA.md record verbatim (``record``, JSON text); the other fact columns are
copies of a few record fields, for queries and indexes only.

The tables are created and changed only by the Alembic migrations in ``migrations/versions/``
(see ``migrate.py``); a test checks that a database migrated to the newest revision has exactly
the tables, columns and indexes defined here.
"""
from __future__ import annotations

import sqlalchemy as sa

#: bumped by every change of the tables below, with a migration that sets it (``migrations/versions``)
SCHEMA_VERSION = 11

metadata = sa.MetaData()

#: one row: the version of the tables in this database
schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

#: one row per distinct document text
documents = sa.Table(
    "documents",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Text, nullable=False, unique=True,
              comment="the document id used in the records (`doc`)"),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True, comment="sha256 of the UTF-8 text"),
    sa.Column("path", sa.Text, comment="the file it was read from"),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.Text, comment="publication date: YYYY-MM-DD, YYYY-MM or YYYY"),
    sa.Column("lang", sa.Text),
    sa.Column("encoding", sa.Text),
    sa.Column("text", sa.Text, nullable=False, comment="the decoded original text; fact offsets refer to it"),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

#: one row per fact (SCHEMA.md record) of a document
facts = sa.Table(
    "facts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False, comment="order of the record within its document"),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("type", sa.String(64),
              comment="event type, figure metric, relation level, commitment domain; null for persons"),
    sa.Column("status", sa.String(16), comment="events only"),
    sa.Column("countries", sa.Text, comment="country codes, sorted, space-separated ('IDN JPN')"),
    sa.Column("date_start", sa.String(10),
              comment="event date_start, relation or commitment date, figure period start"),
    sa.Column("name", sa.Text, comment="persons only"),
    sa.Column("record", sa.Text, nullable=False, comment="the SCHEMA.md record, as JSON"),
    # revision 0004: written by the merge stage only (store/merged.py)
    sa.Column("merge_group", sa.Integer,
              comment="the merge group (block) the fact was last merged in; null: not merged yet"),
    sa.UniqueConstraint("document_pk", "position", name="uq_facts_document_position"),
)

sa.Index("ix_facts_kind_type", facts.c.kind, facts.c.type)
sa.Index("ix_facts_date_start", facts.c.date_start)
sa.Index("ix_facts_kind_date_start", facts.c.kind, facts.c.date_start)
sa.Index("ix_facts_merge_group", facts.c.merge_group)

#: the blocking keys of the merged facts (``merge.blocks``): two facts that can merge share a key (revision 0004). A key
#: is held once per merge group (by the first of its facts merged with it), not by every fact of the group: the
#: groups holding a key are found, then their facts (``store.merged._Plan.closure``)
fact_blocks = sa.Table(
    "fact_blocks",
    metadata,
    sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("block", sa.Text, nullable=False, comment="a blocking key of the fact (merge.blocks)"),
    sa.Column("bucket", sa.Text, nullable=False,
              comment="events and figures: the month (YYYY-MM), '*' or the missing period; '' otherwise"),
    sa.PrimaryKeyConstraint("block", "bucket", "fact_id", name="pk_fact_blocks"),
)

sa.Index("ix_fact_blocks_fact_id", fact_blocks.c.fact_id)

#: one row (id 1) once the merge stage keeps the record incrementally (revision 0004)
merge_state = sa.Table(
    "merge_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("generation", sa.Integer, nullable=False, comment="bumped by every write of the merged record"),
    sa.Column("kb", sa.Text, comment="fingerprint of the knowledge base the merged record was computed with"),
)

#: per merge group of persons, figures or organisations: what its merged records are computed from, so that
#: new documents' records are merged in place (``merge.groups``, ``merge.facts``; revision 0006)
merge_group_state = sa.Table(
    "merge_group_state",
    metadata,
    sa.Column("merge_group", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("state", sa.Text, nullable=False,
              comment="what the group's merged records are computed from (merge.groups), as JSON"),
)

#: what a merge group's state holds one by one, looked up by key where new records need it, never read whole:
#: the role items of a group of persons (``merge.groups.role_key``: a person's office of a date, with the
#: title, document and mark of the record it was kept from) (revision 0008)
merge_state_items = sa.Table(
    "merge_state_items",
    metadata,
    sa.Column("merge_group", sa.Integer, nullable=False),
    sa.Column("item", sa.Text, nullable=False, comment="its key in the group's state (merge.groups)"),
    sa.Column("value", sa.Text, nullable=False, comment="its value, as JSON"),
    sa.PrimaryKeyConstraint("merge_group", "item", name="pk_merge_state_items"),
)

#: per cluster (one merged event) of a merge group of events whose block holds an undated report: its state,
#: and what new reports look it up by, so that they are merged in place reading only the clusters they can
#: meet (``merge.events.StarBlock``; revision 0007). The group's row in ``merge_group_state`` is its header.
merge_event_clusters = sa.Table(
    "merge_event_clusters",
    metadata,
    sa.Column("merge_group", sa.Integer, nullable=False),
    sa.Column("cluster", sa.Integer, nullable=False, comment="its id in the group (its merged event's position)"),
    sa.Column("sort_key", sa.LargeBinary, nullable=False,
              comment="the canonical key of its first report, as bytes in the key's order (merge.events.key_bytes)"),
    sa.Column("first_len", sa.Integer, comment="length of the first report's first day; null: undated"),
    sa.Column("first_day", sa.Integer, comment="the first report's first day as date conflicts compare it"),
    sa.Column("first_start", sa.Integer, comment="the first report's full-day span (merge.events.day_number)"),
    sa.Column("first_end", sa.Integer),
    sa.Column("first_md_start", sa.Integer,
              comment="the first report's span as month and day (MMDD), where a report of another length is "
                      "compared so; null: it is compared with every report"),
    sa.Column("first_md_end", sa.Integer),
    sa.Column("wild", sa.Boolean, nullable=False,
              comment="a member without a full-day span: it meets every report by its dates"),
    sa.Column("hull_start", sa.Integer, comment="the days its members' spans cover (when not wild)"),
    sa.Column("hull_end", sa.Integer),
    sa.Column("first", sa.Text, nullable=False, comment="its first report, as JSON"),
    sa.Column("docs", sa.Text, nullable=False, comment="the documents of its reports, as a JSON list"),
    sa.Column("state", sa.Text, nullable=False,
              comment="the rest of what its merged event is computed from (merge.events), as JSON"),
    sa.PrimaryKeyConstraint("merge_group", "cluster", name="pk_merge_event_clusters"),
)

sa.Index("ix_merge_event_clusters_key", merge_event_clusters.c.merge_group, merge_event_clusters.c.sort_key)
sa.Index("ix_merge_event_clusters_first", merge_event_clusters.c.merge_group, merge_event_clusters.c.first_start)
# revision 0011: and the key, so that the clusters whose first report has no month and day are found among those
# before a key without reading every one before it
sa.Index("ix_merge_event_clusters_md", merge_event_clusters.c.merge_group, merge_event_clusters.c.first_md_start,
         merge_event_clusters.c.sort_key)
sa.Index("ix_merge_event_clusters_day", merge_event_clusters.c.merge_group, merge_event_clusters.c.first_len,
         merge_event_clusters.c.first_day)
sa.Index("ix_merge_event_clusters_hull", merge_event_clusters.c.merge_group, merge_event_clusters.c.hull_start)
sa.Index("ix_merge_event_clusters_wild", merge_event_clusters.c.merge_group, merge_event_clusters.c.wild,
         merge_event_clusters.c.sort_key)

#: one row per real-world fact, merged across documents by the merge stage (revision 0002)
merged_facts = sa.Table(
    "merged_facts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("key", sa.Text, nullable=False, unique=True,
              comment="stable key of the real-world fact, computed by the merge stage"),
    sa.Column("record", sa.Text, nullable=False, comment="the merged SCHEMA.md record, as JSON"),
    sa.Column("n_sources", sa.Integer, nullable=False, comment="how many documents reported it"),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # query columns (revision 0003): copies of record fields, written with the record
    sa.Column("type", sa.String(64),
              comment="event type, figure metric, relation level, commitment domain; null otherwise"),
    sa.Column("status", sa.String(16), comment="events only ('happened' when the record has none)"),
    sa.Column("countries", sa.Text, comment="country codes, sorted, space-separated ('IDN JPN')"),
    sa.Column("date_start", sa.String(10),
              comment="event date_start, figure period start, relation or commitment date"),
    sa.Column("date_end", sa.String(10), comment="event date_end, figure period end"),
    sa.Column("name", sa.Text, comment="persons and organisations: the canonical name"),
    sa.Column("search", sa.Text,
              comment="folded words of the names (persons, organisations: name, aliases, code; events: "
                      "participants), one name after another, separated by ' | '"),
    # revision 0004
    sa.Column("block", sa.Integer, comment="the merge group it was computed in"),
    sa.Column("position", sa.Integer, comment="its order within the merge group"),
    # revision 0009
    sa.Column("sources_apart", sa.Boolean,
              comment="true: the record's sources are rows of merged_fact_sources (its record holds [] in their "
                      "place); null or false: they are in the record"),
    # revision 0010
    sa.Column("lists_apart", sa.Boolean,
              comment="true (persons): the record's documents and roles are rows of merged_fact_lists (its record "
                      "holds [] in their place); null or false: they are in the record"),
)

sa.Index("ix_merged_facts_kind", merged_facts.c.kind)
sa.Index("ix_merged_facts_kind_type", merged_facts.c.kind, merged_facts.c.type)
sa.Index("ix_merged_facts_kind_date_start", merged_facts.c.kind, merged_facts.c.date_start, merged_facts.c.id)
sa.Index("ix_merged_facts_block", merged_facts.c.block)
sa.Index("ix_merged_facts_block_position", merged_facts.c.block, merged_facts.c.position)  # revision 0007

#: the sources of a merged record written apart (``merged_facts.sources_apart``), one row each, so that an update
#: adding sources to a record appends rows instead of writing every source again (revision 0009). A record's
#: sources are its rows in ``sort`` order; they are found by the record's merge group and position.
merged_fact_sources = sa.Table(
    "merged_fact_sources",
    metadata,
    sa.Column("block", sa.Integer, nullable=False, comment="the merge group of its record (merged_facts.block)"),
    sa.Column("position", sa.Integer, nullable=False, comment="its record's position (merged_facts.position)"),
    sa.Column("sort", sa.LargeBinary, nullable=False,
              comment="its place in the record's sources: its document id (UTF-8), a zero byte, and its order "
                      "among the sources of that document (4 bytes, big-endian)"),
    sa.Column("doc", sa.Text, nullable=False, comment="its document id"),
    sa.Column("value", sa.Text, nullable=False, comment="the source, as JSON"),
    sa.PrimaryKeyConstraint("block", "position", "sort", name="pk_merged_fact_sources"),
)

#: the documents and roles of a merged person written apart (``merged_facts.lists_apart``), one row each, so that an
#: update adding a document or a role of a new date to a person named in thousands of articles writes that row
#: only (revision 0010). A list is its rows of one ``field`` in ``sort`` order.
merged_fact_lists = sa.Table(
    "merged_fact_lists",
    metadata,
    sa.Column("block", sa.Integer, nullable=False, comment="the merge group of its record (merged_facts.block)"),
    sa.Column("position", sa.Integer, nullable=False, comment="its record's position (merged_facts.position)"),
    sa.Column("field", sa.String(16), nullable=False, comment="the list it is an item of: 'docs' or 'roles'"),
    sa.Column("sort", sa.LargeBinary, nullable=False,
              comment="its place in the list: a document id, or a role's date and office, a zero byte between "
                      "(UTF-8)"),
    sa.Column("value", sa.Text, nullable=False, comment="the item, as JSON"),
    sa.PrimaryKeyConstraint("block", "position", "field", "sort", name="pk_merged_fact_lists"),
)

#: one row per country of a merged fact, so filters by a country or a pair of countries use an index (0003)
merged_fact_countries = sa.Table(
    "merged_fact_countries",
    metadata,
    sa.Column("fact_id", sa.Integer, sa.ForeignKey("merged_facts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("country", sa.String(3), nullable=False),
    sa.PrimaryKeyConstraint("country", "fact_id", name="pk_merged_fact_countries"),
)

sa.Index("ix_merged_fact_countries_fact_id", merged_fact_countries.c.fact_id, merged_fact_countries.c.country)

#: what the merge stage could not reconcile, per merged fact (revision 0002)
conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("key", sa.Text, nullable=False, comment="the merged_facts key the conflict is about"),
    sa.Column("record", sa.Text, nullable=False, comment="what disagrees, as JSON"),
    sa.Column("block", sa.Integer, comment="the merge group it was found in"),  # revision 0004
    sa.Column("block2", sa.Integer,
              comment="an event date conflict: the merge group of its second event, when not the same"),  # 0005
    # revision 0007: an event date conflict within a group kept per cluster (merge_event_clusters)
    sa.Column("cluster", sa.Integer, comment="the cluster of its first event"),
    sa.Column("cluster2", sa.Integer, comment="the cluster of its second event"),
)

# revision 0011 (was kind and key): conflicts are listed by kind in the order written, never looked up by key; a
# conflict written lands at the index's end, not in a random page of it
sa.Index("ix_conflicts_kind_id", conflicts.c.kind, conflicts.c.id)
sa.Index("ix_conflicts_block", conflicts.c.block)
sa.Index("ix_conflicts_block2", conflicts.c.block2)
sa.Index("ix_conflicts_block_cluster", conflicts.c.block, conflicts.c.cluster)
sa.Index("ix_conflicts_block_cluster2", conflicts.c.block, conflicts.c.cluster2)

TABLES = (schema_version.name, documents.name, facts.name, merged_facts.name, merged_fact_countries.name,
          conflicts.name, fact_blocks.name, merge_state.name, merge_group_state.name,
          merge_event_clusters.name, merge_state_items.name, merged_fact_sources.name,
          merged_fact_lists.name)

#: full-text search over documents (title, text), outside the tables above because it depends on the
#: database (revision 0003): on SQLite, an FTS5 table with external content (``documents``, rowid
#: ``pk``) kept in step by triggers on ``documents`` (FTS5 adds shadow tables ``documents_fts_*``); on
#: PostgreSQL, a GIN index on ``to_tsvector('simple', coalesce(title, '') || ' ' || text)``.
DOCUMENTS_FTS = "documents_fts"
#: the PostgreSQL text search index, and the expression it indexes (queries must use the same words)
DOCUMENTS_FTS_INDEX = "ix_documents_fts"
DOCUMENTS_TSVECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def is_search_object(name: str) -> bool:
    """Whether a table or index name belongs to the full-text search (not declared as tables here)."""
    return name == DOCUMENTS_FTS or name.startswith(DOCUMENTS_FTS + "_") or name == DOCUMENTS_FTS_INDEX
