"""Counts that summarise a list of quoted slogans (``“开放共享”“科技创新”两类平台``).

Such a count is rhetoric about kinds of things, not a statistic of a place or
a time: in news its period and region stay empty (a government work report
still gives every figure its year and province).
"""
from __future__ import annotations

import re

_QUOTED_LIST = re.compile(r"(?:[“\"「‘][^”\"」’]{1,12}[”\"」’]){2,}$")


def summarises_quoted_list(text: str, start: int) -> bool:
    """True when the figure at ``start`` follows two or more quoted items directly."""
    if start < 1 or text[start - 1] not in "”\"」’":
        return False
    return bool(_QUOTED_LIST.search(text, max(0, start - 60), start))
