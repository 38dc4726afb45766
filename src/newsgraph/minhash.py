"""MinHash signatures of article texts: near-duplicate detection without an extra dependency.

The store writes one signature per article (``article_signatures``) in the same transaction as
the article; :func:`newsgraph.analytics.find_duplicates` compares them (LSH banding). Kept apart
from both so that the store (which writes signatures) and the analytics (which read them) share
it without importing each other.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MINHASH_PERMUTATIONS = 128
SHINGLE_TOKENS = 5
_WORD = re.compile(r"\w+")
_CHUNK = 4096


@cache
def _permutations(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Fixed random hash functions (seeded: signatures stay comparable across runs and versions).

    Multiply-shift hashing, ``((a*x + b) mod 2**64) >> 32`` with random 64-bit ``a`` (odd) and
    ``b``: strongly universal for 32-bit ``x``, and exact in numpy's wrapping uint64 arithmetic.
    (The textbook ``(a*x + b) mod p`` with 32-bit ``a`` never wraps for small ``x`` and so lets
    the smallest shingle hashes win in every permutation, which biases the estimate.)
    """
    import numpy as np

    rng = np.random.default_rng(20240517)
    a = rng.integers(0, np.iinfo(np.uint64).max, size=n, dtype=np.uint64, endpoint=True) | np.uint64(1)
    b = rng.integers(0, np.iinfo(np.uint64).max, size=n, dtype=np.uint64, endpoint=True)
    return a[:, None], b[:, None]


def shingle_hashes(text: str, k: int = SHINGLE_TOKENS) -> np.ndarray:
    """32-bit hashes of the distinct word ``k``-grams of ``text`` (lower-cased)."""
    import numpy as np

    tokens = _WORD.findall(text.lower())
    if not tokens:
        return np.zeros(1, dtype=np.uint64)
    th = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    k = min(k, len(tokens))
    n = len(tokens) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):  # polynomial rolling combination; uint64 arithmetic wraps on purpose
        h = h * np.uint64(1_000_003) + th[j:j + n]
    h = (h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(h)


def minhash_signature(text: str, n: int = MINHASH_PERMUTATIONS) -> np.ndarray:
    """The MinHash signature (``n`` uint32) of the text's word 5-gram set."""
    import numpy as np

    x = shingle_hashes(text)
    a, b = _permutations(n)
    best = np.full(n, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(x), _CHUNK):  # chunks keep memory flat for very long texts
            v = (a * x[None, i:i + _CHUNK] + b) >> np.uint64(32)
            best = np.minimum(best, v.min(axis=1))
    return best.astype(np.uint32)


def signature_similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal positions)."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


__all__ = ["MINHASH_PERMUTATIONS", "SHINGLE_TOKENS", "minhash_signature", "shingle_hashes",
           "signature_similarity"]
