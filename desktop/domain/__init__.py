"""No Qt: what the app means by a thing shown (targets), how figures read (formatting), citations, queries."""
