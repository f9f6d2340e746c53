"""A Clean Rooms ML style training script: everything it needs comes from the
SageMaker training contract (SM_* variables, FILE_FORMAT, hyperparameters as
arguments), so it runs unchanged on SageMaker, in Clean Rooms ML and in a
Shared Models local run.

It trains a logistic regression (pure Python) on the numeric and boolean columns
of the training channel's CSV files, predicting whether the target column equals
its most common value, prints ``Loss = <value>;`` once per epoch, and saves the
weights into SM_MODEL_DIR.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import math
import os


def read_rows(folder: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, newline="", encoding="utf-8") as source:
            rows.extend(csv.DictReader(source))
    return rows


def numeric(value: str) -> float | None:
    if value in ("true", "false"):
        return 1.0 if value == "true" else 0.0
    try:
        return float(value)
    except ValueError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_dir", default=os.environ.get("SM_MODEL_DIR"))
    parser.add_argument("--output_dir", default=os.environ.get("SM_OUTPUT_DIR"))
    parser.add_argument("--train_dir", default=os.environ.get("SM_CHANNEL_TRAIN"))
    parser.add_argument("--train_file_format", default=os.environ.get("FILE_FORMAT", "csv"))
    parser.add_argument("--target", default="churn")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--lr", type=float, default=0.1)
    args, _ = parser.parse_known_args()
    if args.train_file_format != "csv":
        raise SystemExit(f"this script reads CSV, not {args.train_file_format}")
    rows = read_rows(args.train_dir)
    if not rows:
        with open(os.path.join(args.output_dir, "failure"), "w") as failure:
            failure.write(f"No CSV rows in {args.train_dir}")
        raise SystemExit(1)
    features = [
        name
        for name in rows[0]
        if name != args.target and all(numeric(row[name]) is not None for row in rows[:50])
    ]
    positive = max({row[args.target] for row in rows}, key=[r[args.target] for r in rows].count)
    x = [[numeric(row[name]) or 0.0 for name in features] for row in rows]
    means = [sum(col) / len(col) for col in zip(*x, strict=False)]
    spreads = [
        max(1e-9, math.sqrt(sum((v - m) ** 2 for v in col) / len(col)))
        for col, m in zip(zip(*x, strict=False), means, strict=False)
    ]
    x = [[(v - m) / s for v, m, s in zip(row, means, spreads, strict=False)] for row in x]
    y = [1.0 if row[args.target] == positive else 0.0 for row in rows]
    weights = [0.0] * (len(features) + 1)
    for epoch in range(args.epochs):
        loss = 0.0
        gradient = [0.0] * len(weights)
        for xi, yi in zip(x, y, strict=False):
            z = weights[-1] + sum(w * v for w, v in zip(weights, xi, strict=False))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            loss -= yi * math.log(p + 1e-12) + (1 - yi) * math.log(1 - p + 1e-12)
            for j, v in enumerate(xi):
                gradient[j] += (p - yi) * v
            gradient[-1] += p - yi
        weights = [w - args.lr * g / len(x) for w, g in zip(weights, gradient, strict=False)]
        print(f"epoch {epoch + 1}/{args.epochs} Loss = {loss / len(x):.5f};", flush=True)
    with open(os.path.join(args.model_dir, "model.json"), "w") as out:
        json.dump(
            {
                "features": features,
                "positive": positive,
                "weights": weights,
                "means": means,
                "spreads": spreads,
            },
            out,
        )


if __name__ == "__main__":
    main()
