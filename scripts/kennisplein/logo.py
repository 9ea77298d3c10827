"""Is an organisation's logo file what its name says, and safe to publish?

The logo is copied onto the site and opened from its origin: an SVG is a document that
can run script there, load other hosts or pull in other files, and a file's name proves
nothing about its content. A PNG must start with PNG's signature; an SVG must parse as XML
(without a DTD's entities), have <svg> as its root, and hold no script, event handler,
foreignObject, animation of a link, style sheet import or reference to anything outside the
file (links and images only to '#fragments' inside it, or embedded raster images).
"""
from __future__ import annotations

import re
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MAX_BYTES = 2 * 1024 * 1024
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video", "canvas"}
ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform"}
LINK_ATTRIBUTES = {"href", "src", "base"}  # local names: also xlink:href and xml:base
EMBEDDED_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.I)
CSS_REFERENCE = re.compile(r"@import|url\(\s*(?!['\"]?#)", re.I)


class LogoError(ValueError):
    """What is wrong with the logo, in words for the organisation's editor."""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def check(path: Path) -> None:
    """Raises LogoError when the file is not a PNG or a safe SVG as its suffix says."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LogoError(f"cannot read the logo: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise LogoError(f"the logo has {len(data) // 1024} kB; at most {MAX_BYTES // 1024} kB")
    if path.suffix.lower() == ".png":
        if not data.startswith(PNG_SIGNATURE):
            raise LogoError("is not a PNG image (it does not start with PNG's signature): save the logo as PNG or SVG")
        return
    _check_svg(data)


def _check_svg(data: bytes) -> None:
    from lxml import etree

    if b"<!ENTITY" in data.upper():
        raise LogoError("the SVG declares XML entities: remove the <!ENTITY ...> declarations")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LogoError(f"is not a valid SVG file (not well-formed XML: {exc.msg}): save the logo as SVG or PNG") from None
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise LogoError(f"is not an SVG image: its root element is <{_local(str(root.tag))}>, not <svg> in the SVG namespace")
    tree = root.getroottree()
    if tree.xpath("//processing-instruction()") or any(isinstance(node, etree._ProcessingInstruction) for node in root.itersiblings(preceding=True)):
        raise LogoError("the SVG holds a processing instruction (such as <?xml-stylesheet?>): remove it")
    for element in root.iter():
        if not isinstance(element.tag, str):
            if isinstance(element, etree._Entity):
                raise LogoError("the SVG uses an XML entity: remove it")
            continue
        name = _local(element.tag)
        line = element.sourceline
        if name in FORBIDDEN_ELEMENTS:
            raise LogoError(f"line {line} of the SVG holds <{name}>, which may run script or load other content: remove it")
        animated = (element.get("attributeName") or "").lower().rsplit(":", 1)[-1]
        if name in ANIMATIONS and (animated in LINK_ATTRIBUTES or animated.startswith("on")):
            raise LogoError(f"line {line} of the SVG changes a link or an event handler with <{name} attributeName=\"{animated}\">: remove it")
        if name == "style" and CSS_REFERENCE.search(element.text or ""):
            raise LogoError(f"line {line} of the SVG has a style sheet that imports or references another file: remove it")
        for attribute, value in element.attrib.items():
            local = _local(attribute)
            if local.startswith("on"):
                raise LogoError(f"line {line} of the SVG has an event handler ({local}=...): remove it")
            stripped = value.strip()
            if local in LINK_ATTRIBUTES and not (stripped.startswith("#") or (name == "image" and EMBEDDED_IMAGE.match(stripped))):
                raise LogoError(f"line {line} of the SVG refers to something outside the file ({local}=\"{stripped[:60]}\"): "
                                "only '#...' references inside the file and embedded PNG, JPEG, GIF or WebP images are allowed")
            if CSS_REFERENCE.search(value) and local not in LINK_ATTRIBUTES:
                raise LogoError(f"line {line} of the SVG refers to another file in {local}=\"{stripped[:60]}\": only url(#...) is allowed")
