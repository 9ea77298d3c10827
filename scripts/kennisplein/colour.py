"""WCAG 2.x colour contrast, for the organisation's brand colours.

Small enough to write here (relative luminance and the contrast ratio are two
formulas from WCAG 2.2 §1.4.3); no library is needed for it.
"""
from __future__ import annotations

import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def parse_hex(value: str) -> tuple[int, int, int]:
    if not HEX.match(value):
        raise ValueError(f"'{value}' is not a colour: write it as #rrggbb")
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(value: str) -> float:
    r, g, b = (_channel(c) for c in parse_hex(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
