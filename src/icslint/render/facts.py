"""What a rendered file says about itself: its title, whose document it is, which version,
when it takes effect and who approved it. Word's document properties, the PDF's metadata and
every format's cover block all come from here, so they agree.

Nothing here is invented: a fact the document does not state is None, and is left out (never
replaced by a date or a number of icslint's own).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icslint.models import Document, IcbConstitution
from icslint.models.icb import IcbMeta
from icslint.models.icp import IcpMeta
from icslint.models.values import PartialDate
from icslint.printable import printable
from icslint.render.markdown import english_list

LANGUAGE = "en-GB"


@dataclass(frozen=True)
class DocumentFacts:
    title: str
    """The document's title, as its first heading gives it."""
    body: str | None
    """Whose document it is: the ICB, or the partnership (the author of Word's properties)."""
    kind: str
    """What sort of document it is, in words: "Constitution", "Terms of reference"."""
    version: str | None
    effective: str | None
    """The date this version takes effect, as the document gives it ("1 July 2024", "July 2024")."""
    approval: str | None
    """Who approved this version and when, in words, as far as the document says."""
    generated: dt.date
    """The day the file was made (Word's created date; never a date of the document's own)."""
    draft: bool
    """Whether this is a `--draft` render (every page marked DRAFT)."""
    status: str | None = None
    """Where this version stands, as the document says: draft, submitted, approved, in_force or
    superseded."""
    effective_earliest: dt.date | None = None
    """The first day the effective date could be (a date known only by month starts on the 1st)."""
    language: str = LANGUAGE

    @property
    def subject(self) -> str:
        return f"{self.kind} of {self.body}" if self.body else self.kind

    @property
    def approved(self) -> bool:
        """Whether this text is an approved version: neither a `--draft` render nor a version
        the document says is a draft or awaiting approval."""
        return not self.draft and self.status not in ("draft", "submitted")

    @property
    def statement(self) -> tuple[str, ...]:
        """The cover, line by line: whose document this is, which version, when it takes
        effect and who approved it, as far as the document says; a draft says it is one."""
        lines = [self.subject]
        if self.version:
            lines.append(f"Version {self.version}")
        if self.effective and not self.approved:
            lines.append(f"Intended to take effect from {self.effective}")
        elif self.effective:
            lines.append(f"{self._effect()} from {self.effective}")
        if self.draft or self.status == "draft":
            lines.append("Draft: not approved")
        elif self.status == "submitted":
            lines.append("Submitted for approval: not yet approved")
        elif self.approval:
            lines.append(self.approval)
        if self.approved and self.status == "superseded":
            lines.append("Superseded by a later version")
        return tuple(lines)

    def _effect(self) -> str:
        """How an approved version's effective date reads on the day the file is made."""
        if self.status == "superseded":
            return "Took effect"
        later = self.effective_earliest is not None and self.effective_earliest > self.generated
        return "Takes effect" if later or self.status == "approved" else "In effect"


def facts_of(document: Document, title: str, *, draft: bool, today: dt.date) -> DocumentFacts:
    """The facts a rendered file states about `document`, whose first heading is `title`."""
    if isinstance(document, IcbConstitution):
        icb_meta = document.meta
        body = document.icb.name if document.icb else None
        approved_on = icb_meta.nhse_approved_on if icb_meta else None
        # NHS England approves a constitution; without a date, only its status says it did.
        approved = approved_on is not None or (
            icb_meta is not None and icb_meta.status in ("approved", "in_force", "superseded")
        )
        approval = _approval("NHS England", approved_on) if approved else None
        kind = "Constitution"
        meta: IcbMeta | IcpMeta | None = icb_meta
    else:
        icp_meta = document.meta
        body = document.icp.name if document.icp else None
        approvers = english_list(icp_meta.approved_by) if icp_meta else ""
        approval = _approval(approvers or None, icp_meta.approved_on if icp_meta else None)
        kind = "Terms of reference"
        meta = icp_meta
    effective_from = meta.effective_from if meta else None
    version = meta.version if meta else None
    return DocumentFacts(
        title=title,
        body=_one_line(body),
        kind=kind,
        version=_one_line(version),
        effective=_words(effective_from) if effective_from else None,
        approval=_one_line(approval),
        generated=today,
        draft=draft,
        status=meta.status if meta else None,
        effective_earliest=effective_from.earliest if effective_from else None,
    )


def _approval(by: str | None, on: PartialDate | None) -> str | None:
    """ "Approved by NHS England on 14 August 2024", "... in August 2024", or as far as known."""
    if by and on:
        return f"Approved by {by} {on.when()}"
    if by:
        return f"Approved by {by}"
    if on:
        return f"Approved {on.when()}"
    return None


def _one_line(text: str | None) -> str | None:
    """Text from the document as a property or a line of the cover can hold it: no control
    characters (XML, which Word and PDF metadata are written in, cannot hold them)."""
    return " ".join(printable(text).split()) if text else None


def _words(value: PartialDate) -> str:
    """A date as far as it is known, in British English: 1 July 2024, July 2024, 2024."""
    return value.in_words()
