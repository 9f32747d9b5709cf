"""Back and forward through what was viewed, as a browser does it. Plain Python: the window drives it."""

from __future__ import annotations

from desktop.domain.target import Target


class History:
    """The targets viewed, in order, with a cursor; visiting after going back drops the forward part."""

    def __init__(self) -> None:
        self._items: list[Target] = []
        self._index = -1

    @property
    def current(self) -> Target | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, target: Target) -> None:
        if target == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(target)
        self._index += 1

    def forget_report(self, report: str) -> None:
        """Drop every target of a report that left the library; the cursor stays on what remains."""
        current = self.current
        self._items = [t for t in self._items if t.report_id != report]
        self._index = self._items.index(current) if current in self._items else len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> Target | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Target | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current
