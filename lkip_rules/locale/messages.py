"""Every message of the core in both languages: key -> (English, Bahasa Indonesia).

A template names its values in braces; both languages use the same names. Decimals are written
plainly in English (13.985) and the Indonesian way in Indonesian (13,985; 1.982 for 1982), so a
value whose digits matter as typed (a figure the reader must find in a file) is passed as text.
Keys are grouped by the module that writes them.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # lkip_rules.locale.text
    "joined": ("{items}", "{items}"),
}
