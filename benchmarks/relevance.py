"""Search relevance benchmark: the judged queries of benchmarks/relevance/queries.yaml, ranked as the CLI ranks.

    python benchmarks/relevance.py [--queries PATH] [--data PATH] [--type TYPE] [--verbose]

Each query runs through the same ranking call as `indoruss search QUERY` (a Store over the fact base, its
index, `search(index, query, Filters(), 10, records=store.records)`), through the load cache kept in a private
temporary XDG_CACHE_HOME so the user's cache is untouched. Each judged id has a grade: 2 for `answers`,
1 for `relevant`. Per query, over the top 10 ids returned:

- recall@5, recall@10: the share of the answers (grade 2) found in the top 5 / top 10, out of as many as fit
  (a query with seven answers scores 1 at k = 5 when any five of them are in the top 5). Relevant records
  (grade 1) count in nDCG, not here.
- RR (reciprocal rank): 1 / the rank of the first grade-2 answer, 0 if none is in the top 10; MRR is its mean.
- nDCG@10: sum of gain / log2(rank + 1) over the top 10 (gain = the grade, 0 if unjudged), divided by the
  same sum for the ideal ranking of the judged grades (all the 2s, then the 1s).

It prints the means overall and per query type as a Markdown table, then the queries that miss, then the
goals as PASS/FAIL lines. The exit code is 0 whatever the goals say (this is a measurement), and 2 only
when the benchmark cannot run: a file missing or malformed, or an id in the query set that is not a record
of the fact base.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from indoruss.errors import IndorussError
from indoruss.loading.paths import resolve_data_path
from indoruss.storage.store import Store

LIMIT = 10
DEFAULT_QUERIES = Path(__file__).resolve().parent / "relevance" / "queries.yaml"
GOAL_RECALL = 0.95
GOAL_MRR = 0.85


class CannotRun(Exception):
    """The benchmark cannot run; each argument is one line to report."""


@dataclass(frozen=True)
class Judged:
    query: str
    type: str
    grades: dict[str, int]  # id -> 2 (answers) or 1 (relevant)


@dataclass(frozen=True)
class Result:
    judged: Judged
    ids: list[str]  # the top LIMIT ids returned
    recall5: float
    recall10: float
    rr: float
    ndcg10: float

    @property
    def missing(self) -> list[str]:
        return [i for i, g in self.judged.grades.items() if g == 2 and i not in self.ids]


def ranked_ids(store: Store, query: str, limit: int) -> list[str]:
    """The ids `indoruss search QUERY` shows, best first: the one place that mirrors cli/app.py's `search`."""
    from indoruss.search.ranking import Filters, search

    return [hit.record_id for hit in search(store.index, query, Filters(), limit, records=store.records)]


def load_queries(path: Path) -> list[Judged]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CannotRun(f"cannot read the query set {path}: {exc}") from None
    items = doc.get("queries") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise CannotRun(f"{path}: expected a mapping with a list `queries:`")
    judged: list[Judged] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("query"), str) or not item.get("answers"):
            raise CannotRun(f"{path}: query #{n} needs a `query` string and at least one id in `answers`")
        grades = {str(i): 1 for i in item.get("relevant") or []}
        grades.update({str(i): 2 for i in item["answers"]})
        judged.append(Judged(item["query"], str(item.get("type", "untyped")), grades))
    return judged


def measure(judged: Judged, ids: list[str]) -> Result:
    grades = judged.grades
    found = [grades.get(i, 0) for i in ids[:LIMIT]]
    answers = sum(1 for g in grades.values() if g == 2)
    recall5 = sum(1 for g in found[:5] if g == 2) / min(answers, 5)
    recall10 = sum(1 for g in found if g == 2) / min(answers, LIMIT)
    rr = next((1 / rank for rank, g in enumerate(found, 1) if g == 2), 0.0)
    ideal = sorted(grades.values(), reverse=True)[:LIMIT]
    dcg = sum(g / math.log2(rank + 1) for rank, g in enumerate(found, 1))
    idcg = sum(g / math.log2(rank + 1) for rank, g in enumerate(ideal, 1))
    return Result(judged, ids[:LIMIT], recall5, recall10, rr, dcg / idcg)


def means(results: list[Result]) -> tuple[float, float, float, float]:
    n = len(results)
    return (
        sum(r.recall5 for r in results) / n,
        sum(r.recall10 for r in results) / n,
        sum(r.rr for r in results) / n,
        sum(r.ndcg10 for r in results) / n,
    )


def print_table(results: list[Result]) -> None:
    print("| type | queries | recall@5 | recall@10 | MRR | nDCG@10 |")
    print("|---|---:|---:|---:|---:|---:|")
    groups: dict[str, list[Result]] = {}
    for r in results:
        groups.setdefault(r.judged.type, []).append(r)
    for name, group in [*sorted(groups.items()), ("**all**", results)]:
        cells = " | ".join(f"{v:.3f}" for v in means(group))
        print(f"| {name} | {len(group)} | {cells} |")


def print_misses(results: list[Result]) -> None:
    lines: list[str] = []
    for r in results:
        label = f"- {r.judged.query!r} [{r.judged.type}]:"
        if not r.ids:
            lines.append(f"{label} no results")
            continue
        reasons: list[str] = []
        if r.rr == 0:
            reasons.append(f"no answer in the top {LIMIT} (top 3: {', '.join(r.ids[:3])})")
        if r.recall10 < 1:
            reasons.append(f"missing {', '.join(r.missing)}")
        if reasons:
            lines.append(f"{label} {'; '.join(reasons)}")
    print(f"\n## Misses ({len(lines)} of {len(results)} queries)\n")
    print("\n".join(lines) if lines else "none")


def run(args: argparse.Namespace) -> int:
    queries = load_queries(args.queries)
    if args.type:
        queries = [q for q in queries if q.type == args.type]
        if not queries:
            raise CannotRun(f"no query of type {args.type!r} in {args.queries}")
    try:
        store = Store(resolve_data_path(args.data), use_cache=True, short_lived=True)
        known = set(store.index.record_ids)
    except IndorussError as exc:
        more = getattr(exc, "problems", [])[1:]
        extra = [f"  {p}" for p in more[:10]] + ([f"  ... and {len(more) - 10} more"] if len(more) > 10 else [])
        raise CannotRun(f"cannot load the fact base: {exc}", *extra) from None
    unknown = [f"unknown id {i!r} in query {q.query!r}" for q in queries for i in q.grades if i not in known]
    if unknown:
        raise CannotRun(*unknown)

    results = [measure(q, ranked_ids(store, q.query, LIMIT)) for q in queries]
    if args.verbose:
        for r in results:
            print(f"{r.judged.query!r} [{r.judged.type}]: {', '.join(r.ids[:5]) or '(no results)'}")
            print(f"    recall@5 {r.recall5:.2f}  recall@10 {r.recall10:.2f}  RR {r.rr:.2f}  nDCG@10 {r.ndcg10:.2f}")
        print()
    recall5, recall10, mrr, ndcg10 = means(results)
    print(f"Overall ({len(results)} queries, fact base {store.path}):")
    print(f"recall@5 {recall5:.3f}  recall@10 {recall10:.3f}  MRR {mrr:.3f}  nDCG@10 {ndcg10:.3f}\n")
    print_table(results)
    print_misses(results)

    empty = sum(1 for r in results if not r.ids)
    print()
    print(f"{'PASS' if recall10 >= GOAL_RECALL else 'FAIL'}: recall@10 {recall10:.3f} >= {GOAL_RECALL}")
    print(f"{'PASS' if mrr >= GOAL_MRR else 'FAIL'}: MRR {mrr:.3f} >= {GOAL_MRR}")
    print(f"{'PASS' if empty == 0 else 'FAIL'}: no query with zero results ({empty} with none)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES, help="the judged query set (YAML)")
    parser.add_argument("--data", help="the fact base (default: as the CLI finds it without --data)")
    parser.add_argument("--type", help="only the queries of this type")
    parser.add_argument("--verbose", action="store_true", help="print every query with its top 5 ids and metrics")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="indoruss-relevance-") as cache_home:
        os.environ["XDG_CACHE_HOME"] = cache_home  # read by the store's cache each time it is used
        try:
            return run(args)
        except CannotRun as exc:
            for line in exc.args:
                print(line, file=sys.stderr)
            return 2


if __name__ == "__main__":
    sys.exit(main())
