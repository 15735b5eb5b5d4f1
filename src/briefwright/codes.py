"""Register every diagnostic code briefwright reports: its severity, what it means, what to do.

A diagnostic takes its severity from here, and docs/checks.md's table is generated from this
registry (`make docs`), so the code, its severity and its documentation cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a diagnostic is: errors stop the build, warnings only a strict one; info never."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its severity, what it means, and what to do about it."""

    code: str
    severity: Severity
    meaning: str
    remedy: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every code briefwright reports, in the order docs/checks.md lists them.
CODES: dict[str, Code] = {
    entry.code: entry
    for entry in (
        Code("BW001", _E,
             "a content file cannot be read: not UTF-8, or over the size limit (2,000,000 bytes; "
             "what `sources add` reads: 10,000,000 for an HTML page, 40,000,000 for a PDF)",
             "save it as UTF-8; split a huge file"),
        Code("BW002", _E,
             "YAML or front-matter syntax: malformed YAML, a duplicate key, an anchor/alias, a "
             "non-standard tag, nesting too deep, a source file without `---` front matter",
             "fix the syntax at the place named"),
        Code("BW003", _E,
             "a value does not fit the model: a missing required field, an unknown field, a "
             "wrong type, an empty file, a topic bottom line of more than one sentence; an id "
             "given elsewhere that breaks the id rule (a series brief's folder name, `sources "
             "add --id`, `new topic ID`); a brand label that is unknown or uses a placeholder "
             "it is never given",
             "add, remove or correct the field (rename the folder)"),
        Code("BW004", _E, "a content file or the content folder is missing",
             "create it, or pass `--content DIR`"),
        Code("BW006", _E,
             "the output folder cannot be written: `--out` names a file or a path under a "
             "file, the file system is read-only or full, or permission is denied; or the "
             "same for the files `init`, `new topic` or `sources add` write (nothing of "
             "theirs is left behind)",
             "choose another `--out` (or folder), or free space and permissions; the previous "
             "build is left as it was"),
        Code("BW005", _E,
             "`build --only` names neither `brief`, `onepagers` nor a topic id, or `--brief` "
             "names no brief of the series (or is given in a project of one brief) (a usage "
             "error: exit code 2)",
             "use one of the names the message lists"),
        Code("BW007", _E,
             "`SOURCE_DATE_EPOCH` is not a whole number of seconds in ASCII digits, or is "
             "after 2107 (the last year a zip entry can carry)",
             "unset it or give e.g. `1679270400`"),
        Code("BW008", _E, "another build held the output folder for more than 300 s",
             "wait for it, or build into another `--out`"),
        Code("BW009", _E,
             "`release` would overwrite an existing release of the same product id and version",
             "raise `version` in `brief.yaml`, or remove the old release"),
        Code("BW010", _E,
             "`sources add`, `new topic` or `init` would overwrite an existing file, or write "
             "into a folder that is not empty or through a symlink to nothing",
             "choose another id, date or folder, or edit the existing file"),
        Code("BW011", _E,
             "a build would write two artifacts at one path, or a path outside the output folder",
             "rename the topic or template asset whose output collides"),
        Code("BW012", _E,
             "an input is not a regular file inside its folder: a FIFO, a device, a socket, "
             "a symlink leading outside `content/` or `templates/`, or one pointing at nothing",
             "replace it with a regular file (copy the file a symlink points to)"),
        Code("BW013", _E,
             "`sources add` refused the article: it is binary (an image, an archive, a Word "
             "file, NUL bytes), text in no encoding recognised, empty or nothing but site "
             "furniture, a page with no article text found, or a PDF that cannot be read, "
             "forbids extraction, or has no text layer (a scan: no OCR); or a folder",
             "add the page saved from a browser, the PDF with its text, or the article's "
             "text as a file"),
        Code("BW014", _E,
             "`assemble` was given shards of different builds (other inputs, settings or "
             "clock), a share missing or given twice, a document typeset by two shards or "
             "by none, or a folder that is not a shard; or a shard's file is not the one its "
             "manifests record (changed, added or missing since the build), or a manifest "
             "entry leads out of the shard",
             "build every shard from the same commit with --shard K/N (K = 1..N), then "
             "assemble them all, as they were built"),
        Code("BW015", _E,
             "`sources add URL` could not fetch the address: not http(s), no answer in time, "
             "an error status, too many redirects, over the size limit (40,000,000 bytes), or "
             "a type that is neither HTML, PDF nor plain text",
             "check the address; save the page or the PDF and add the file instead"),
        Code("BW016", _E,
             "an original a source republishes (its archived fetch or PDF, with `publish: "
             "full`) is missing, or its SHA-256 is not the one its front matter records",
             "restore the file from version control, or add the source again"),
        Code("BW017", _E,
             "`serve --port` names a port that is in use or cannot be listened on (a usage "
             "error: exit code 2)",
             "choose another `--port`, or stop what listens on it"),
        Code("BW101", _E,
             "a quote is not in the source it cites (after normalising quote marks, dashes, "
             "whitespace, Unicode forms and U+FFFD; `...` is an elision)",
             "copy the passage exactly; the message shows the closest passage and a word diff"),
        Code("BW102", _E, "a citation names a source id that does not exist",
             "use one of the ids listed in the message"),
        Code("BW103", _E, "two items share an id",
             "rename one; ids are unique across the brief"),
        Code("BW104", _E, "a judgment or recommendation names a basis id that does not exist",
             "name the id of a fact or judgment"),
        Code("BW105", _E,
             "a statement filed as a fact uses a likelihood word (\"likely\", \"probably\", "
             "\"almost certainly\"…)",
             "state only what the source says, or make it a judgment"),
        Code("BW106", _W, "a source is never cited", "cite it or remove it"),
        Code("BW107", _E, "a judgment or recommendation has no `basis`",
             "list the ids of the facts it rests on"),
        Code("BW108", _E,
             "a judgment has both `confidence` and `likelihood`, neither, or a confidence level "
             "while its sentence uses a likelihood word",
             "keep one scale: `confidence:` for how sure the brief is, `likelihood:` (ICD 203 "
             "term) for how probable an outcome is"),
        Code("BW109", _W,
             "a quote matches more than one passage of its source: its note, page, "
             "highlight and annotation would point at the first",
             "quote a longer passage, so that it is found once"),
        Code("BW110", _W,
             "a sentence one source puts in quotation marks is worded differently in another "
             "source (75% or more of the words shared, and more than case or punctuation "
             "differs)",
             "add a `wording_choices` entry to `brief.yaml` naming the wording the brief "
             "relies on"),
        Code("BW111", _I,
             "such a variant quotation, already covered by a `wording_choices` entry",
             "nothing; it is listed so the choice stays visible"),
        Code("BW112", _W,
             "a judgment speaks of the future (\"will\", \"would\", \"could\", \"is "
             "expected to\", \"next\", a date after `as_of`…; see Forward clauses below) but "
             "carries only a `confidence`",
             "give it a `likelihood:` (ICD 203: how probable the outcome is) instead of "
             "`confidence:`"),
        Code("BW120", _I,
             "a paragraph of a source (eight words or more) that no citation touches",
             "nothing, or cite it if it says something the brief needs"),
        Code("BW125", _W,
             "a text of the brief has no translation in a language `metadata.translations` "
             "declares (no entry, an entry whose `text` is empty, or no translation file yet)",
             "run `briefwright translate stub LANG`, then write each entry's `text`"),
        Code("BW126", _W,
             "a translation is stale: the text it was translated from has changed since (its "
             "`fingerprint` is not the brief's text's); the message shows the word diff",
             "update the translation, then set `original:` and `fingerprint:` as the message "
             "says"),
        Code("BW127", _W,
             "a translation entry names no text of the brief: its id or field is mistyped, "
             "the text was removed, or the text is shared with an earlier item (a `track`, "
             "`country`, `office`, `to` or `origin` is translated once, at its first item)",
             "correct the id or field, or remove the entry"),
        Code("BW128", _E,
             "a translation gives a number, year or date its original does not, or leaves out a "
             "date (or a number in figures) the original gives",
             "translate the original's numbers and dates"),
        Code("BW129", _E,
             "translations that contradict each other or the brief: two entries for one text, "
             "a list where the original is one text (or the reverse), a translation into the "
             "brief's own language, an item whose id is `metadata`, `brand` or "
             "`correction-N`",
             "keep one entry; match the original's shape; rename the item"),
        Code("BW130", _E,
             "a topic's one-pager lists a key point that is not the topic's own, or shows fewer "
             "than 3 or more than 5",
             "list 3–5 of the topic's key point ids under `onepager: key_points:` (empty means "
             "all of them)"),
        Code("BW131", _E,
             "a topic's one-pager names an unknown recommendation, or not 1–2 of them",
             "name 1 or 2 ids from `recommendations` in `brief.yaml` under `onepager: "
             "recommendations:`"),
        Code("BW132", _I, "the key points a one-pager leaves out",
             "nothing; it shows what the short version drops"),
        Code("BW133", _E,
             "a topic's one-pager names a caveat that is not an information gap of brief.yaml",
             "name ids from `information_gaps` under `onepager: caveats:`"),
        Code("BW140", _E,
             "a topic's one-pager does not fit one page even at the floor size (8.5 pt); the "
             "message gives the overflow in percent of a page and in lines",
             "list fewer key points under `onepager: key_points:` or shorten them"),
        Code("BW150", _E,
             "a content text (not an article's text) contains HTML markup such as `<script>` "
             "or `<img …>`",
             "write plain text; markup would only be shown as text"),
        Code("BW151", _E,
             "a content text has a word longer than 60 characters (a run of characters of a "
             "script that separates words with spaces; CJK text, which breaks between any two "
             "characters, has no limit)",
             "add spaces or shorten it (a 10,000-character word would make layout crawl)"),
        Code("BW152", _W,
             "a content text still holds a placeholder that `init`, `new topic` or `sources "
             "add` wrote (`REPLACE`, `replace-with-…`, or an older version's \"Not yet "
             "assessed\", \"[Untitled article]\", \"Given by the editor who added the "
             "source.\"); an error under `check --strict` and `release`",
             "fill it in"),
        Code("BW153", _E,
             "a quote is longer than 2,000 characters",
             "quote the passage that supports the statement, or split it with `...`"),
        Code("BW154", _E,
             "a text an author writes (content, a title, a command-line option) holds an "
             "invisible or direction-changing character: a bidirectional override or isolate "
             "(U+202A–U+202E, U+2066–U+2069), a zero-width space (U+200B, U+FEFF), a "
             "control character or a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF…: what XML "
             "forbids, so the feed, XMP, .docx and SVG stay well-formed), in any content file, "
             "brand label or series.yaml; the joiners scripts need (U+200C, U+200D) and the "
             "marks right-to-left text needs (U+200E, U+200F, U+061C) are allowed",
             "delete the character at the place named (it may be invisible in your editor); "
             "source texts keep theirs verbatim"),
        Code("BW155", _W, "a timeline event is dated before the event listed above it",
             "list the events oldest first"),
        Code("BW156", _W,
             "a timeline event is dated after the brief's `as_of` date and is not marked "
             "`scheduled: true`",
             "check the date, move `as_of` forward, or mark an announced event `scheduled`"),
        Code("BW157", _W,
             "a citation names a source published after the brief's `as_of` date; the "
             "warning is at the citing line",
             "move `as_of` forward, or cite a source of the brief's time"),
        Code("BW158", _W,
             "a timeline event marked `scheduled: true` is dated wholly on or before `as_of`: "
             "it had its day by then, yet the figure and the table would show it as to come",
             "say whether it took place, and remove `scheduled: true`"),
        Code("BW170", _E,
             "a pair of brand colours the theme sets text in fails WCAG 2 AA contrast (4.5:1 "
             "for text, 3:1 for headings); the message names the pair and its ratio",
             "darken the text colour or lighten its background"),
        Code("BW171", _E,
             "the brand names a font family that is neither bundled nor supplied, a logo that "
             "is not SVG or PNG, an SVG logo with active content (a script, an event handler, "
             "a foreign object, a `javascript:` link) or references outside itself, XML "
             "entities, or a shape over 20:1, a PNG logo over 10,000 pixels a side, a font "
             "that is not a whole TTF or OTF face (another file, cut short, damaged), or two "
             "files of one name",
             "fix the name or the file the message points at"),
        Code("BW180", _W, "in a series, a source of the library that no brief cites",
             "cite it, or remove it from content/sources/"),
        Code("BW181", _W, "in a series, two sources of the library have the same text "
             "(the same SHA-256 fingerprint)",
             "keep one and cite it from every brief"),
        Code("BW182", _I,
             "in a series, a source's text differs from the one its briefs were last built "
             "from (its fingerprint changed); the message names the briefs that cite it",
             "nothing, if the change is meant: those briefs are checked and built again"),
        Code("BW190", _W,
             "the main text (cover to the end of the discussion, before the source notes) "
             "has more words than `metadata.length.words` allows (default 1,600); the "
             "message names the longest parts",
             "cut what a reader of page 1 does not need, or move detail into the notes; "
             "raise the budget only if the brief is meant to be longer"),
        Code("BW191", _W,
             "the typeset main text runs to more pages than `metadata.length.pages` allows "
             "(default 5), counted by `build` from the page where the source notes begin; "
             "the message names the longest sections, in pages",
             "as above; a figure counts too"),
        Code("BW192", _W,
             "a recommendation's `to:` is neither the brief's `audience`, one of its "
             "`audience_parts`, nor a name the audience's sentence holds",
             "recommend what the audience itself can decide or do; if the addressee is part "
             "of the audience, list it under `metadata.audience_parts`"),
        Code("BW193", _W, "a recommendation names no addressee (`to:`)",
             "add `to:` with who acts on it: the audience, or a part of it"),
        Code("BW194", _W, "a brief with recommendations names no `metadata.audience`",
             "add `audience:`, who the brief is for, in a phrase the cover can print"),
        Code("BW160", _E,
             "a number a statement gives (with its unit or currency) is in none of the quotes "
             "it rests on",
             "quote the passage that gives it, or leave the number out (see Grounding below)"),
        Code("BW161", _E,
             "a day, month or year a statement gives is in none of its quotes, nor a stated "
             "source date (relative dates in quotes are resolved, see below)",
             "quote the passage that gives it, or add an `inferred:` note saying how the year "
             "was worked out"),
        Code("BW162", _E,
             "a name (person, organisation, place, programme, exercise, equipment) a statement "
             "gives is in none of its quotes, their sources' names, or an actor or glossary "
             "entry those quotes name",
             "quote a passage that names it, or write it as the quotes do"),
        Code("BW163", _W,
             "a statement is plain where every quote it rests on is future, conditional or "
             "hedged (\"will\", \"could\", \"is expected to\", \"plans to\"…)",
             "keep the quotes' hedge"),
        Code("BW164", _W,
             "a statement uses a stronger verb than its quotes (\"agreed\" where they say "
             "\"discussed\"; the pairs are listed below)",
             "use the quotes' verb"),
        Code("BW165", _I,
             "the brief is not in English, so the grounding checks did not read it (a "
             "Japanese brief's numbers and dates are checked against its quotes, BW160 and "
             "BW161; its names, modality, verbs and polarity are not)",
             "nothing; check what was not read by hand"),
        Code("BW166", _W,
             "an `inferred:` note excuses no year the statement gives (its quotes print it, or "
             "the statement gives no such year)",
             "remove the note"),
        Code("BW167", _E,
             "a statement negates what every quote that speaks of it asserts, or asserts "
             "what they negate (an added or dropped \"not\", \"no\", \"never\", "
             "\"without\"…)",
             "keep the quotes' polarity, or quote a passage that says what the statement does"),
        Code("BW168", _W,
             "a quote, or a quotation in a statement's text, starts right after a hedge in "
             "the same sentence of the source (\"I think\", \"perhaps\", \"reportedly\", "
             "\"is believed to\", \"may\"…); the message names the hedge",
             "quote from the hedge on, or keep it in the statement's own words"),
        Code("BW169", _I,
             "a fact cites sources of two or more independent origins but is not marked "
             "corroborated: fewer than two origins' quotes give, each on their own, its "
             "numbers, dates, names and modality; the message says what each lacks",
             "nothing, or cite a source of another origin that says all the fact does"),
        Code("BW401", _E,
             "a correction (`corrections:` in brief.yaml) names a statement the brief does not "
             "have",
             "name the ids of the statements the correction changed, as their YAML gives them"),
        Code("BW402", _E,
             "a version to compare cannot be found or checked: `metadata.previous`, or `diff`'s "
             "OLD or NEW, names neither a content folder, a release (its zip, or a folder "
             "holding content.json) nor a git revision of the project; or that version's "
             "content fails its check (`diff`: exit code 2)",
             "give a release zip inside the project, a tag or a commit; fix the diagnostics "
             "listed after it"),
        Code("BW403", _E,
             "a release holds no readable record: its zip has no `<release>/content.json`, or "
             "the file is not a briefwright content record (a release made before records "
             "existed, or damaged) (`diff`: exit code 2)",
             "compare with the content (a folder or a git revision), or release it again"),
        Code("BW404", _E,
             "`diff --docx` was given a NEW version that is a release: its Word edition is made "
             "from content, which a release does not hold (a usage error: exit code 2)",
             "give NEW as a content folder or a git revision"),
        Code("BW501", _E,
             "`review import` cannot read the reviewed Word file: it is missing, not a .docx, "
             "damaged, over a size limit or declares a DTD, or it holds no review marks (not "
             "a Word edition briefwright made)",
             "give the .docx the reviewer sent back, made from `build/brief.docx`"),
        Code("BW502", _E,
             "the review file cannot be used: `review import --write` names a file that "
             "already exists (the analyst's statuses and replies would be lost), or `review "
             "apply` names a file that does not exist",
             "write to another path, or remove the old file after carrying its decisions over"),
        Code("BW503", _E,
             "`review apply`: an accepted change no longer fits its statement: the statement "
             "was edited (or removed) since the review was imported, or two accepted changes "
             "overlap; nothing is written",
             "import the review again, or make the change by hand and decline the item"),
        Code("BW504", _W,
             "`review apply`: an accepted item is not applied: it changes a verbatim quote in "
             "a source note (a quote changes only when its source does), or it lies outside a "
             "statement's own text (a label, a heading, a note number)",
             "correct the source, or make the change by hand"),
        Code("BW505", _I, "a review item (review.yaml, beside content/) is still open",
             "set its `status:` to accepted or declined (`review apply` applies accepted text "
             "changes)"),
        Code("BW506", _E, "`release` refuses: a review item is still open",
             "decide every item, or release with `--allow-open-review`"),
        Code("BW507", _W, "`release --allow-open-review`: released with a review item open",
             "decide the item before the next version"),
        Code("BW201", _E, "a template has a syntax error", "fix the template at the line named"),
        Code("BW202", _E, "a template uses an undefined name, or a template is missing",
             "fix the name at the line named"),
        Code("BW301", _E,
             "typesetting tried to load something outside `templates/` (another path, a URL) "
             "or a file that does not exist",
             "keep stylesheets, fonts and images under `templates/`"),
        Code("BW302", _E,
             "WeasyPrint logged a warning (e.g. a character no bundled font covers, an "
             "unsupported CSS property)",
             "fix what the message names; briefwright never ships a PDF WeasyPrint complained "
             "about"),
        Code("BW303", _E,
             "typesetting one document took longer than `--timeout` seconds (default 120)",
             "look for pathological content; raise the limit only if the document is "
             "genuinely huge"),
        Code("BW304", _E,
             "a typesetting process ran out of memory (`--max-memory`, default 3072 MiB) or "
             "crashed",
             "as above"),
    )
}  # fmt: skip
