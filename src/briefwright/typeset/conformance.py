"""Finish a tagged PDF for PDF/A and PDF/UA: the XMP packet unfiltered, PDF/UA-1 declared
in a PDF/A file, and no stream whose bytes end in CR.

The XMP packet: ISO 19005-1:2005, 6.7.2 forbids a ``Filter`` on the catalog's metadata
stream (WeasyPrint honours that for PDF/A-1 only). ISO 19005-2:2011 and 19005-3:2012,
6.6.2.1, have no such requirement (nor do veraPDF's PDF/A-2 and -3 profiles), but the page
validator (0.11) applies the PDF/A-1 rule to PDF/A-2 and -3 as well. The packet is about
2 KB, so a PDF/A file's packet is simply written unfiltered. (PDF/UA has no such rule;
qpdf, which writes the file, stores XMP packets unfiltered anyway whenever it rewrites a
file, so only an untouched PDF/UA file keeps WeasyPrint's compressed packet.)
"""

from __future__ import annotations

import zlib

import pikepdf
from pikepdf import Dictionary, Name

PDFA_NAMESPACE = b"http://www.aiim.org/pdfa/ns/id/"


def unambiguous_stream_ends(pdf: pikepdf.Pdf) -> int:
    """Make no stream's encoded bytes end in CR; return how many streams changed.

    The writer puts an LF between a stream's data and `endstream`. Data ending in CR then
    reads as ending at a CRLF end-of-line, one byte short of its /Length, and ISO 19005-2
    and -3 §6.1.7.1 count the bytes "preceding the EOL marker" (the page validator and
    veraPDF both flag it). About one Flate stream in 256 ends so: its last byte is the low
    byte of the Adler-32 of the *decoded* data, so no other compression changes it, and
    qpdf re-encodes any other filter chain. So the decoded data gets a trailing space
    (whitespace in a content stream or a CMap, ignored after a font program, whose /Length1
    follows), which moves that byte by 32, and qpdf compresses it. Images and CIDSets are
    left alone: their data cannot grow (one such stream in 256 stays ambiguous; the
    conformance tests would show it).
    """
    changed = 0
    cid_sets = {
        d.CIDSet.objgen for d in pdf.objects if isinstance(d, Dictionary) and "/CIDSet" in d
    }
    for stream in pdf.objects:
        if not _ends_in_cr(stream) or stream.objgen in cid_sets:
            continue
        data = stream.read_bytes()
        while zlib.adler32(data) & 0xFF == ord("\r"):
            data += b" "
        if "/Length1" in stream:
            stream.Length1 = len(data)
        stream.write(data)  # unfiltered: qpdf compresses it with Flate when it saves
        changed += 1
    return changed


def _ends_in_cr(stream: pikepdf.Object) -> bool:
    """Return True for a Flate-only, non-image stream whose encoded bytes end in CR."""
    return (
        isinstance(stream, pikepdf.Stream)
        and stream.get("/Filter") == Name.FlateDecode
        and "/DecodeParms" not in stream
        and stream.get("/Subtype") != Name.Image
        and stream.read_raw_bytes().endswith(b"\r")
    )


def uncompress_metadata(pdf: pikepdf.Pdf, *, only_pdfa: bool = True) -> bool:
    """Store the catalog's XMP stream without filters; True if it was filtered.

    With `only_pdfa` (the default), only when the packet declares a PDF/A part.
    """
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream) or "/Filter" not in metadata:
        return False
    if only_pdfa and PDFA_NAMESPACE not in metadata.read_bytes():
        return False
    metadata.write(metadata.read_bytes())  # no filter: removes /Filter and /DecodeParms
    return True


PDFUA_ID = (
    b'<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
    b' pdfuaid:part="1"/>'
)
# The extension schema ISO 19005-2/-3, 6.6.2.3.2 require for a property outside the
# predefined schemas; ISO 14289-1, 5 and the PDF Association publish this description.
PDFUA_EXTENSION_SCHEMA = (
    b'<rdf:Description rdf:about=""'
    b' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
    b' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
    b' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    b'<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    b"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    b"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    b'<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    b"<pdfaProperty:name>part</pdfaProperty:name>"
    b"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    b"<pdfaProperty:category>internal</pdfaProperty:category>"
    b"<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
    b"</pdfaProperty:description>"
    b"</rdf:li></rdf:Seq></pdfaSchema:property>"
    b"</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
)


def declare_pdfua1(pdf: pikepdf.Pdf) -> None:
    """Add PDF/UA-1 identification (and its PDF/A extension schema) to a PDF/A file's XMP.

    For a file WeasyPrint wrote as PDF/A with ``pdf_tags=True`` and whose lists
    `fix_list_structure` repaired: it then claims, and passes, both PDF/A-2 or -3 and
    PDF/UA-1 (ISO 14289-1, 5: ``pdfuaid:part`` 1). WeasyPrint's own packet has one
    ``rdf:RDF``; the two descriptions are added at its end. Written unfiltered.
    """
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        raise ValueError("the PDF has no XMP metadata stream")
    packet = metadata.read_bytes()
    if b"http://www.aiim.org/pdfua/ns/id/" in packet:
        raise ValueError("the XMP packet already declares a PDF/UA part")
    if packet.count(b"</rdf:RDF>") != 1:
        raise ValueError("the XMP packet has not exactly one rdf:RDF element")
    extension = PDFUA_EXTENSION_SCHEMA if PDFA_NAMESPACE in packet else b""
    metadata.write(packet.replace(b"</rdf:RDF>", PDFUA_ID + extension + b"</rdf:RDF>"))
