"""A small HTML tree for tests, on the standard library's `html.parser` (no new dependency).

`parse_html` builds the tree; `Element.find_all` / `Element.one` query it by tag and
attributes. Attribute values are decoded (`&amp;` -> `&`), text is decoded too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
# Controls a person fills in (hidden and aria-hidden mirrors are left out by `controls`).
CONTROL_TAGS = frozenset({"input", "select", "textarea"})

# An attribute given without a value (`<input required>`) is stored as "".
Attrs = dict[str, str]


@dataclass(eq=False)
class Element:
    tag: str
    attrs: Attrs = field(default_factory=dict)
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def has(self, name: str) -> bool:
        return name in self.attrs

    @property
    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        return " ".join("".join(self._texts()).split())

    def _texts(self) -> Iterator[str]:
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                yield from child._texts()

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def iter(self) -> Iterator[Element]:
        """Every element below this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def find_all(
        self,
        tag: str | None = None,
        where: Callable[[Element], bool] | None = None,
        **attrs: str | bool,
    ) -> list[Element]:
        """Elements with this tag and these attributes (`True`: present, any value).

        Attribute names use `_` for `-` (`data_input="prompt"` is `data-input="prompt"`)
        and a trailing `_` for Python keywords (`for_`, `class_`); `class_="x"` matches
        elements that have class `x` among others.
        """
        wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
        css_class = wanted.pop("class", None)
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and all(
                element.has(name) if value is True else element.get(name) == value
                for name, value in wanted.items()
            )
            and (css_class is None or css_class in element.classes)
            and (where is None or where(element))
        ]

    def one(
        self,
        tag: str | None = None,
        where: Callable[[Element], bool] | None = None,
        **attrs: str | bool,
    ) -> Element:
        """The single matching element; fails when there are none or several."""
        found = self.find_all(tag, where, **attrs)
        assert len(found) == 1, f"expected one <{tag or '*'} {attrs}>, found {len(found)}"
        return found[0]

    def by_id(self, element_id: str) -> Element:
        return self.one(id=element_id)

    def __repr__(self) -> str:
        shown = " ".join(f'{name}="{value}"' for name, value in self.attrs.items())
        return f"<{self.tag} {shown}>".replace(" >", ">")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        raise AssertionError(f"</{tag}> closes nothing")

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    """The document as a tree under a `#root` element; fails on unclosed elements."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    unclosed = [element.tag for element in builder.stack[1:]]
    assert unclosed == [], f"unclosed elements: {unclosed}"
    return builder.root


def controls(root: Element) -> list[Element]:
    """Controls a person fills in: not hidden inputs, not aria-hidden mirrors (sliders)."""
    return [
        element
        for element in root.iter()
        if element.tag in CONTROL_TAGS
        and element.get("type") != "hidden"
        and element.get("aria-hidden") != "true"
    ]


def is_labelled(root: Element, control: Element) -> bool:
    """A `<label for>`, an enclosing `<label>`, `aria-label` or `aria-labelledby`."""
    if (control.get("aria-label") or "").strip():
        return True
    labelled_by = (control.get("aria-labelledby") or "").split()
    if labelled_by and all(root.find_all(id=ref) for ref in labelled_by):
        return True
    if any(ancestor.tag == "label" for ancestor in control.ancestors()):
        return True
    control_id = control.get("id")
    return bool(control_id) and any(
        label.text for label in root.find_all("label", for_=control_id or "")
    )


def wrapper(root: Element, name: str) -> Element:
    """The wrapper of input `name` (the element with `data-input="name"`)."""
    return root.one(data_input=name)


def error_text(root: Element, name: str) -> str:
    return root.one(data_error_for=name).text


def posted_fields(root: Element, form_id: str = "model-form") -> dict[str, str]:
    """What a browser would post from the page's form, untouched."""
    data: dict[str, str] = {}
    for element in root.by_id(form_id).iter():
        name = element.get("name")
        if not name or element.get("type") in ("checkbox", "submit") or element.tag == "button":
            continue
        if element.tag == "select":
            chosen = [option for option in element.find_all("option") if option.has("selected")]
            data[name] = (chosen[0].get("value") or "") if chosen else ""
        elif element.tag == "textarea":
            data[name] = element.text
        else:
            data[name] = element.get("value") or ""
    return data
