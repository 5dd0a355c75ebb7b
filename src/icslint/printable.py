"""Text from a document made safe to print: no control characters in any output.

A YAML file can carry control characters through escapes ("\\x01", "\\e"). Printed raw they
can rewrite a terminal (ANSI escapes), break XML (Word, JUnit) or corrupt a CI log, so every
message and every rendered value passes through here.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the two non-characters XML forbids. Tabs and line breaks are
# whitespace and are handled by the caller.
_CONTROL = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufffe\\uffff]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """`text` with each control character replaced by U+FFFD, and line breaks by spaces."""
    return _CONTROL.sub(REPLACEMENT, text).replace("\r", " ").replace("\n", " ")
