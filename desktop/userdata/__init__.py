"""No Qt: the user's own data in one writable SQLite file: the library, bookmarks, notes, series links."""
