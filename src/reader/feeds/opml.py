"""OPML, the list format every feed reader imports and exports."""

from __future__ import annotations

from xml.etree import ElementTree

from ..importers.errors import ImportProblem

__all__ = ["read_opml", "write_opml"]


def read_opml(data: bytes, name: str) -> list[tuple[str, str]]:
    """The (address, name) of every feed outline in an OPML document, nested folders included."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ImportProblem(f"{name}: not an OPML file ({exc})") from None
    if root.tag.lower() != "opml":
        raise ImportProblem(f"{name}: not an OPML file (its root element is <{root.tag}>)")
    found: list[tuple[str, str]] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            label = (outline.get("title") or outline.get("text") or "").strip()
            found.append((url, label))
    return found


def write_opml(feeds: list[tuple[str, str]], title: str = "reader feeds") -> str:
    """An OPML 2.0 document listing `feeds` as (address, name)."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for url, name in feeds:
        ElementTree.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=url)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
