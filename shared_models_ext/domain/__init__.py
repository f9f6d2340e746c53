"""The nouns of the catalog and their rules: entries, launches, identities, IDs.

Pure Python (pydantic models, vocabularies, errors); imports nothing else of the
package. See ``docs/architecture.md``.
"""
