"""Qt widgets and models of the explorer window. Nothing here runs SQL: widgets ask desktop.store."""
