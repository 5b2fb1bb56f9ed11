"""Platt scaling and reliability figures, so that a displayed score means a probability.

Two parameters fitted by Newton's method on held-out data: too small a job for
a machine-learning library, and it keeps the runtime free of one.
"""

from __future__ import annotations

import numpy as np

_EPS = 1e-6


def logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


def apply(params: tuple[float, float] | list[float], raw: np.ndarray | float) -> np.ndarray:
    a, b = params
    return 1.0 / (1.0 + np.exp(-(a * logit(raw) + b)))


def fit(raw: np.ndarray, outcome: np.ndarray, iterations: int = 100, l2: float = 1e-3) -> tuple[float, float]:
    """Fit ``sigmoid(a * logit(raw) + b)`` to binary outcomes (maximum likelihood, tiny ridge)."""
    x = logit(raw)
    y = np.asarray(outcome, dtype=np.float64)
    if len(x) == 0:
        return (1.0, 0.0)
    w = np.array([1.0, 0.0])
    design = np.stack([x, np.ones_like(x)], axis=1)

    def loss(w: np.ndarray) -> float:
        z = design @ w
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * w @ w)

    current = loss(w)
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(design @ w, -500, 500)))
        grad = design.T @ (p - y) + l2 * w
        hess = (design * (p * (1 - p))[:, None]).T @ design + l2 * np.eye(2)
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-4 and loss(w - scale * step) > current:  # damped Newton: never go uphill
            scale /= 2
        w = w - scale * step
        new = loss(w)
        if current - new < 1e-10:
            break
        current = new
    return (float(w[0]), float(w[1]))


def reliability(prob: np.ndarray, outcome: np.ndarray, bins: int = 10) -> tuple[float, list[dict]]:
    """Expected calibration error and the reliability table (equal-width bins)."""
    prob = np.asarray(prob, dtype=np.float64)
    outcome = np.asarray(outcome, dtype=np.float64)
    table, ece = [], 0.0
    edges = np.linspace(0, 1, bins + 1)
    for i in range(bins):
        mask = (prob >= edges[i]) & ((prob < edges[i + 1]) if i < bins - 1 else (prob <= 1))
        n = int(mask.sum())
        if n == 0:
            continue
        conf, acc = float(prob[mask].mean()), float(outcome[mask].mean())
        ece += n / len(prob) * abs(conf - acc)
        table.append({"bin": f"{edges[i]:.1f}-{edges[i + 1]:.1f}", "n": n, "confidence": conf, "accuracy": acc})
    return ece, table
