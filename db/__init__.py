"""The fact base: its schema, the builder that makes it from resources/, and the bundled SQLite file.

Nothing here imports Qt; the application reads the built file through desktop.store.
"""
