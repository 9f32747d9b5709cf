"""One correction to citeproc-py 0.11: a variable put in the author's place is not printed again.

The CSL specification says a variable rendered by `cs:substitute` is suppressed in the rest of the reference.
citeproc-py suppresses it only when the substitute names the variable directly; the styles we use substitute
through a macro (APA's `author-title-substitute`, MLA's `title`), so an authorless report came out as
"Title. (2025). Title." (citeproc-py issue #91). We record the variables a substitute actually rendered and
suppress exactly those: variables it merely mentions in branches not taken (APA's publisher) still print.
"""

from __future__ import annotations

from typing import Any

_recording: list[list[str]] = []  # one list per substitute being rendered: the variables it printed
_installed = False


def suppress_substituted_variables() -> None:
    """Install the correction once (idempotent)."""
    global _installed
    if _installed:
        return
    from citeproc import model

    original_variable = model.Text._variable

    def _variable(self: Any, item: Any, context: Any) -> Any:
        text = original_variable(self, item, context)
        if text is not None and _recording:
            _recording[-1].append(self.get("variable"))
        return text

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        # model.Substitute.render, but remembering what the chosen child printed.
        for child in self.getchildren():
            _recording.append([])
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            finally:
                printed = _recording.pop()
            if text:
                self.add_to_repressed_list(child, context)
                context.get_layout().repressed.setdefault(_text_tag(child), []).extend(printed)
                return text
        return None

    model.Text._variable = _variable
    model.Substitute.render = render
    _installed = True


def _text_tag(element: Any) -> str:
    namespace = element.tag.rpartition("}")[0]
    return f"{namespace}}}text"
