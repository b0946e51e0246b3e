"""QTI 1.2 as Canvas imports it: a zip with imsmanifest.xml and one assessment file.

Canvas question types are told by the `question_type` metadata field; scoring is expressed with
`respcondition`s setting SCORE (0..100), feedback with `itemfeedback` blocks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from ..quizbank import Bank, Question
from ..strings import texts
from .common import feedback_summary, html_text, note

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "truefalse": "true_false_question",
    "classify": "matching_question",
    "match": "matching_question",
}


def _ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


def _mattext(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = html_text(text)


def _meta(parent: ET.Element, fields: dict[str, str]) -> None:
    meta = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(meta, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _condition(proc: ET.Element, cont: str = "No") -> tuple[ET.Element, ET.Element]:
    cond = ET.SubElement(proc, "respcondition", {"continue": cont})
    return cond, ET.SubElement(cond, "conditionvar")


def _varequal(parent: ET.Element, respident: str, value: str) -> None:
    ET.SubElement(parent, "varequal", {"respident": respident}).text = value


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    block = ET.SubElement(item, "itemfeedback", {"ident": ident})
    _mattext(ET.SubElement(block, "flow_mat"), text)


def _choices(question: Question, language: str) -> list[tuple[str, str, bool, str]]:
    """(label ident, text, correct, feedback) of a choice question, true/false included."""
    if question.type == "truefalse":
        t = texts(language)
        return [
            (
                f"{question.id}-{key}",
                t[key],
                value is question.answer,
                question.tf_feedback.get(value, ""),
            )
            for key, value in (("true", True), ("false", False))
        ]
    return [(f"{question.id}-{o.id}", o.text, o.correct, o.feedback) for o in question.options]


def _choice_item(item: ET.Element, question: Question, language: str) -> None:
    choices = _choices(question, language)
    presentation = item.find("presentation")
    cardinality = "Multiple" if question.type == "multiple" else "Single"
    lid = ET.SubElement(
        presentation, "response_lid", {"ident": "response1", "rcardinality": cardinality}
    )
    render = ET.SubElement(lid, "render_choice")
    for ident, text, _, _ in choices:
        _mattext(ET.SubElement(render, "response_label", {"ident": ident}), text)
    proc = item.find("resprocessing")
    for ident, _, _, feedback in choices:
        if feedback:
            cond, var = _condition(proc, "Yes")
            _varequal(var, "response1", ident)
            ET.SubElement(
                cond, "displayfeedback", {"feedbacktype": "Response", "linkrefid": f"{ident}_fb"}
            )
    cond, var = _condition(proc)
    if question.type == "multiple":
        both = ET.SubElement(var, "and")
        for ident, _, correct, _ in choices:
            if correct:
                _varequal(both, "response1", ident)
            else:
                _varequal(ET.SubElement(both, "not"), "response1", ident)
    else:
        right = next(ident for ident, _, correct, _ in choices if correct)
        _varequal(var, "response1", right)
    ET.SubElement(cond, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"
    for ident, _, _, feedback in choices:
        if feedback:
            _feedback(item, f"{ident}_fb", feedback)


def _matching_item(item: ET.Element, question: Question) -> None:
    if question.type == "classify":
        rights = [(f"{question.id}-c-{c.id}", c.label) for c in question.categories]
        lefts = [
            (f"{question.id}-{i.id}", i.text, f"{question.id}-c-{i.category}")
            for i in question.items
        ]
    else:
        rights = [(f"{question.id}-r-{p.id}", p.right) for p in question.pairs]
        lefts = [
            (f"{question.id}-{p.id}", p.left, f"{question.id}-r-{p.id}") for p in question.pairs
        ]
    presentation = item.find("presentation")
    proc = item.find("resprocessing")
    share = f"{100 / len(lefts):.4f}".rstrip("0").rstrip(".")
    for ident, text, _ in lefts:
        lid = ET.SubElement(presentation, "response_lid", {"ident": f"response_{ident}"})
        _mattext(lid, text)
        render = ET.SubElement(lid, "render_choice")
        for right_ident, right_text in rights:
            _mattext(ET.SubElement(render, "response_label", {"ident": right_ident}), right_text)
    for ident, _, right_ident in lefts:
        cond, var = _condition(proc)
        _varequal(var, f"response_{ident}", right_ident)
        ET.SubElement(cond, "setvar", {"varname": "SCORE", "action": "Add"}).text = share
    cond, var = _condition(proc, "Yes")
    ET.SubElement(var, "other")
    ET.SubElement(cond, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
    _feedback(item, "general_fb", feedback_summary(question))


def _item(question: Question, language: str) -> ET.Element:
    item = ET.Element("item", {"ident": _ident(question.id), "title": question.id})
    _meta(
        ET.SubElement(item, "itemmetadata"),
        {
            "question_type": CANVAS_TYPES[question.type],
            "points_possible": "1.0",
        },
    )
    _mattext(ET.SubElement(item, "presentation"), question.prompt)
    proc = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(proc, "outcomes")
    ET.SubElement(
        outcomes,
        "decvar",
        {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
    )
    if question.type in ("classify", "match"):
        _matching_item(item, question)
    else:
        _choice_item(item, question, language)
    return item


def assessment_xml(bank: Bank, questions: list[Question], ident: str, title: str) -> ET.Element:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident, "title": title})
    _meta(assessment, {"cc_maxattempts": "1"})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for question in questions:
        section.append(_item(question, bank.language))
    return root


def manifest_xml(ident: str, href: str) -> ET.Element:
    root = ET.Element("manifest", {"identifier": f"{ident}_manifest", "xmlns": CP_NS})
    meta = ET.SubElement(root, "metadata")
    ET.SubElement(meta, "schema").text = "IMS Content"
    ET.SubElement(meta, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(
        resources, "resource", {"identifier": ident, "type": "imsqti_xmlv1p2", "href": href}
    )
    ET.SubElement(resource, "file", {"href": href})
    return root


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def write(bank: Bank, questions: list[Question], out: Path, section: str | None) -> list[str]:
    ident = _ident(
        f"{bank.bank}-{bank.language}-v{bank.version}" + (f"-{section}" if section else "")
    )
    title = bank.title or bank.bank
    if section is not None:
        title += f" – {bank.sections[section].title}"
    href = f"{ident}/{ident}.xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", _bytes(manifest_xml(ident, href)))
        archive.writestr(href, _bytes(assessment_xml(bank, questions, ident, title)))
    return [text for q in questions if (text := note(q, "qti")) is not None]
