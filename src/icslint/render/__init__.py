"""Rendering a checked document to Markdown, HTML, Word and PDF.

Only `icslint render` imports this package, so `icslint check` never loads Jinja, Markdown,
Word or PDF libraries.
"""
