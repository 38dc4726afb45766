"""Ingest: readers for every input kind, and the cleaning step (boilerplate, headline, dateline, date)."""

from .clean import build_article, clean_text, parse_date
from .readers import decode_bytes, from_html, read_file, read_inputs

__all__ = ["build_article", "clean_text", "decode_bytes", "from_html", "parse_date", "read_file", "read_inputs"]
