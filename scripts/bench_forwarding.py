"""Benchmark the forwarding hop of a team catalog: what ``SharedModelsApp.catalog_url``
adds to a catalog request, against the embedded store, on the same machine.

Usage (from the repository, after the README's test command installed everything)::

    python scripts/bench_forwarding.py                # 1,000 requests of each kind
    python scripts/bench_forwarding.py --requests 3000 --entries 500

It starts the real JupyterHub of the team-catalog tests (tests/team/harness.py: the
catalog service on a throw-away PostgreSQL database) with two single-user servers on
that same database: ``embedded`` (``db_url``: the store in its own process) and
``forwarded`` (``catalog_url``: each catalog call goes to the service with the server's
JupyterHub token). Both are asked through the Hub's proxy with kept-alive connections,
alternating, so both see the same proxy and the same machine load; the service is also
timed on its own. Prints p50 and p99 of each and the difference at p50 (the goal: at
most 2 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from team.harness import team_hub

USERS = ("embedded", "forwarded")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=200)
    args = parser.parse_args()

    # The documented cache time: the Hub is asked about a token once per 30 s at most.
    with team_hub(auth_cache_seconds=30) as hub:
        # An empty catalog_url after the documented one: this server keeps the embedded store.
        hub.start_server(
            "embedded", ["--SharedModelsApp.catalog_url=", f"--SharedModelsApp.db_url={hub.db_url}"]
        )
        hub.start_server("forwarded")
        clients = {user: hub.server(user, hub.token(user)[0]) for user in USERS}
        service = httpx.Client(
            base_url=hub.service_api,
            headers={"Authorization": f"token {hub.token('forwarded')[0]}"},
            timeout=30,
        )
        writer = clients["forwarded"]
        for number in range(args.entries):
            body = {
                "kind": "model",
                "title": f"Benchmark model {number}",
                "description": "A model of the forwarding benchmark.",
                "data_type": "tabular",
                "task": "tabular-classification",
                "framework": "xgboost",
                "share": {"organization": True, "users": [], "canvas_users": []},
            }
            writer.post("entries", json=body).raise_for_status()
        first_id = writer.get("entries", params={"limit": 1}).json()["items"][0]["id"]

        requests = {
            "GET /entries (first page of 20)": ("entries", {"limit": 20}),
            "GET /entries/{id}": (f"entries/{first_id}", {}),
            "GET /me": ("me", {}),
        }
        print(
            f"{args.entries} entries on PostgreSQL; {args.requests} requests of each kind per "
            "server, alternating; times in ms\n"
        )
        print(
            f"{'request':34} {'embedded p50/p99':>18} {'forwarded p50/p99':>19} {'hop p50':>8}"
            f" {'service alone p50':>18}"
        )
        everyone = {**clients, "service": service}
        for label, (path, params) in requests.items():
            times: dict[str, list[float]] = {name: [] for name in everyone}
            for _ in range(50):  # warm the pools and the Hub's answer cache
                for client in everyone.values():
                    client.get(path, params=params).raise_for_status()
            for _ in range(args.requests):
                for name, client in everyone.items():
                    start = time.perf_counter()
                    reply = client.get(path, params=params)
                    times[name].append((time.perf_counter() - start) * 1000)
                    if reply.status_code != 200:
                        sys.exit(f"{name}: {path} answered {reply.status_code}: {reply.text}")
            embedded, forwarded = times["embedded"], times["forwarded"]
            hop = statistics.median(forwarded) - statistics.median(embedded)
            print(
                f"{label:34} {statistics.median(embedded):8.2f} / {percentile(embedded, 0.99):6.2f}"
                f" {statistics.median(forwarded):9.2f} / {percentile(forwarded, 0.99):6.2f}"
                f" {hop:+8.2f} {statistics.median(times['service']):18.2f}"
            )
        for client in everyone.values():
            client.close()


if __name__ == "__main__":
    main()
