"""Every message of the core in both languages: key -> (English, Bahasa Indonesia).

A template names its values in braces; both languages use the same names. Decimals are written
plainly in English (13.985) and the Indonesian way in Indonesian (13,985; 1.982 for 1982), so a
value whose digits matter as typed (a figure the reader must find in a file) is passed as text.
The templates are kept by area, one module each, and merged here; a key is unique across them.
"""

from __future__ import annotations

from lkip_rules.locale import msg_audit, msg_catalog, msg_formula, msg_results

MESSAGES: dict[str, tuple[str, str]] = {
    "joined": ("{items}", "{items}"),  # lkip_rules.locale.text.joined
    **msg_results.MESSAGES,
    **msg_catalog.MESSAGES,
    **msg_audit.MESSAGES,
    **msg_formula.MESSAGES,
}
