"""
Ledgers with one ordinary Excel feature each, written by openpyxl (an
independent library), for proving that `--out` keeps everything it does not
write (tests/xlsx/features.test.ts). Run with Debian's python3-openpyxl:

    /usr/bin/python3 scripts/feature-ledgers.py OUTDIR

Every ledger has the same KPI table on sheet 台帳 (header row 3, KPIs rows 4-7,
the reiwa-kijun layout of tests/fixtures): F4 holds the typed grade 'A' (the
computed one too), F5 is an empty styled cell, F6 and F7 have no cell, so the
copy gets B, S and D there (worked by hand in the test). Features openpyxl does
not write (custom properties, customXml, macros, external links, threaded
comments) are added by patching the zip the way Excel lays them out; images are
written by openpyxl from bytes, since Pillow is not installed.
"""
import os
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import FormulaRule, Rule
from openpyxl.styles import Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableStyleInfo

HEADER = ["No", "指標", "基準値\n(R1)", "実績値\n(R5)", "目標\n(R6)", "評価"]
ROWS = [
    ["1", "市内事業所の従業者数（商工課）", "41,230人", "42,900人", "43,000人", "A"],
    ["2", "創業支援による創業者数（累計）（商工課）", "24件", "60件", "100件", None],
    ["3", "新規就農者数（農林課）", "12人", "20人", "20人以上", None],
    ["4", "観光入込客数（観光課）", "372万人", "298万人", "420万人", None],
]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def ledger(title="台帳"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    fill_ledger(ws)
    return wb, ws


def fill_ledger(ws, font=None):
    ws["A1"] = "第２期 総合戦略 重要業績評価指標の進捗状況（令和５年度）"
    for c, text in enumerate(HEADER, start=1):
        cell = ws.cell(row=3, column=c, value=text)
        cell.border = BOX
    for r, row in enumerate(ROWS, start=4):
        for c, value in enumerate(row, start=1):
            if value is None and c == 6 and r != 5:
                continue  # no cell at all: the copy must insert one
            cell = ws.cell(row=r, column=c, value=value)
            cell.border = BOX
    ws.column_dimensions["B"].width = 40
    if font:
        for row in ws.iter_rows(min_row=1, max_row=7, max_col=6):
            for cell in row:
                cell.font = font


def chart(wb, ws):
    data = ws["H4:H7"]
    for i, cell in enumerate(data, start=0):
        cell[0].value = [41230, 24, 12, 372][i]
    bar = BarChart()
    bar.title = "実績"
    bar.add_data(Reference(ws, min_col=8, min_row=4, max_row=7))
    ws.add_chart(bar, "J2")


class RawPng(Image):
    """An image from bytes, without Pillow (not installed on CI)."""

    def __init__(self, data):
        self.ref = data
        self.width, self.height = 32, 32
        self.format = "png"

    def _data(self):
        return self.ref


def image(wb, ws):
    ws.add_image(RawPng(PNG), "H2")


def comments(wb, ws):
    ws["B4"].comment = Comment("担当者メモ：国勢調査の確定値で更新", "企画政策課")
    # The officer's own note on a grade cell: kept, and no reason note added there.
    ws["F5"].comment = Comment("担当者メモ：R6に再確認", "企画政策課")


def table(wb, ws):
    ws["H3"], ws["I3"] = "事業名", "予算額"
    ws["H4"], ws["I4"] = "創業支援", 1200
    ws["H5"], ws["I5"] = "就農支援", 800
    t = Table(displayName="予算表", ref="H3:I5")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(t)


def chart_sheet(wb, ws):
    for i, v in enumerate([41230, 24, 12, 372], start=4):
        ws.cell(row=i, column=8, value=v)
    bar = BarChart()
    bar.add_data(Reference(ws, min_col=8, min_row=4, max_row=7))
    cs = wb.create_chartsheet("グラフ")
    cs.add_chart(bar)


def defined_names(wb, ws):
    other = wb.create_sheet("第1節 地域産業")
    for r in range(11, 15):
        other.cell(row=r, column=10, value=r)
    wb.defined_names.append(DefinedName("合計", attr_text="SUM('第1節 地域産業'!$J$11:$J$14)"))
    wb.defined_names.append(DefinedName("税率", attr_text="0.1"))
    wb.defined_names.append(DefinedName("指標列", attr_text="'台帳'!$B:$B"))
    ws["H4"] = "=合計*税率"


def print_titles(wb, ws):
    ws.print_title_rows = "3:3"
    ws.print_area = "A1:F7"


def hyperlinks(wb, ws):
    ws["H4"] = "市のページ"
    ws["H4"].hyperlink = "https://www.city.example.lg.jp/kpi/"
    ws["H5"] = "先頭へ"
    ws["H5"].hyperlink = "#'台帳'!A1"


def autofilter(wb, ws):
    ws.auto_filter.ref = "A3:F7"
    ws.auto_filter.add_sort_condition("B4:B7")


def row_breaks(wb, ws):
    ws.row_breaks.append(Break(id=5))


def named_styles(wb, ws):
    style = NamedStyle(name="KPI見出し", font=Font(bold=True, color="FF1F3A93"), fill=PatternFill("solid", fgColor="FFDDEBF7"))
    wb.add_named_style(style)
    for c in range(1, 7):
        ws.cell(row=3, column=c).style = "KPI見出し"


def fonts(wb, ws):
    fill_ledger(ws, Font(name="ＭＳ Ｐゴシック", size=11))


def conditional_formats(wb, ws):
    red = DifferentialStyle(font=Font(color="FF9C0006"), fill=PatternFill(bgColor="FFFFC7CE"))
    ws.conditional_formatting.add("F4:F7", FormulaRule(formula=['F4="D"'], stopIfTrue=True, font=Font(bold=True)))
    contains = Rule(type="containsText", operator="containsText", text="件", dxf=red)
    contains.formula = ['NOT(ISERROR(SEARCH("件",C4)))']
    ws.conditional_formatting.add("C4:E7", contains)
    ws.conditional_formatting.add("B4:B7", Rule(type="duplicateValues", dxf=red))


def protection(wb, ws):
    locked = wb.create_sheet("確定版")
    fill_ledger(locked)
    locked.protection.sheet = True
    locked.protection.password = "kpi2023"


def structure_lock(wb, ws):
    wb.security = WorkbookProtection(workbookPassword="kpi2023", lockStructure=True)


def full_calc(wb, ws):
    ws["H4"] = "=LEN(B4)"
    wb.calculation.fullCalcOnLoad = True


def data_validation(wb, ws):
    # The grade column as a drop-down list, as many ledgers have it.
    dv = DataValidation(type="list", formula1='"S,A,B,C,D,E,-"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("F4:F7")


def outline(wb, ws):
    ws["H4"], ws["I4"] = "内訳1", "内訳2"
    ws.column_dimensions.group("H", "I", outline_level=1, hidden=True)
    ws.row_dimensions.group(6, 7, outline_level=1)


def freeze_panes(wb, ws):
    ws.freeze_panes = "C4"


FEATURES = {
    "chart": chart,
    "image": image,
    "comments": comments,
    "table": table,
    "chart-sheet": chart_sheet,
    "defined-names": defined_names,
    "print-titles": print_titles,
    "hyperlinks": hyperlinks,
    "autofilter": autofilter,
    "row-breaks": row_breaks,
    "named-styles": named_styles,
    "fonts": fonts,
    "conditional-formats": conditional_formats,
    "protection": protection,
    "structure-lock": structure_lock,
    "full-calc": full_calc,
    "data-validation": data_validation,
    "outline": outline,
    "freeze-panes": freeze_panes,
}


def rewrite_zip(path, edit):
    """Rewrites the zip at `path` with `edit(parts)` applied to its {name: bytes}, in order."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    edit(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def add_before(xml, closing, text):
    s = xml.decode("utf-8")
    i = s.rindex(closing)
    return (s[:i] + text + s[i:]).encode("utf-8")


def custom_properties(parts):
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="担当課"><vt:lpwstr>企画政策課</vt:lpwstr></property>'
        "</Properties>"
    ).encode("utf-8")
    parts["_rels/.rels"] = add_before(
        parts["_rels/.rels"],
        "</Relationships>",
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>',
    )
    parts["[Content_Types].xml"] = add_before(
        parts["[Content_Types].xml"],
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
    )


def custom_xml(parts):
    parts["customXml/item1.xml"] = '<?xml version="1.0" encoding="UTF-8"?><kpiHistory xmlns="urn:example:kpi"><run at="2023-04-01"/></kpiHistory>'.encode("utf-8")
    parts["customXml/itemProps1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<ds:datastoreItem ds:itemID="{6A1C2F43-1111-4C2B-9C55-0A1B2C3D4E5F}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
    ).encode("utf-8")
    parts["customXml/_rels/item1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>'
        "</Relationships>"
    ).encode("utf-8")
    parts["xl/_rels/workbook.xml.rels"] = add_before(
        parts["xl/_rels/workbook.xml.rels"],
        "</Relationships>",
        '<Relationship Id="rIdCustomXml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>',
    )
    parts["[Content_Types].xml"] = add_before(
        parts["[Content_Types].xml"],
        "</Types>",
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
    )


def macros(parts):
    # Not a working VBA project: bytes that must come back unchanged, with the macro-enabled content types.
    parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8
    parts["xl/_rels/workbook.xml.rels"] = add_before(
        parts["xl/_rels/workbook.xml.rels"],
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
    )
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    parts["[Content_Types].xml"] = add_before(
        types.encode("utf-8"), "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    )
    wb = parts["xl/workbook.xml"].decode("utf-8")
    parts["xl/workbook.xml"] = wb.replace("<workbookPr", '<workbookPr codeName="ThisWorkbook"', 1).encode("utf-8")


def external_link(parts):
    # A link to another city's workbook, as Excel stores one: the part, its target, <externalReferences>.
    parts["xl/externalLinks/externalLink1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<externalBook r:id="rId1"><sheetNames><sheetName val="集計"/></sheetNames>'
        '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet>'
        "</externalBook></externalLink>"
    ).encode("utf-8")
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
        'Target="file:///C:/kpi/%E9%9B%86%E8%A8%88.xlsx" TargetMode="External"/></Relationships>'
    ).encode("utf-8")
    parts["xl/_rels/workbook.xml.rels"] = add_before(
        parts["xl/_rels/workbook.xml.rels"],
        "</Relationships>",
        '<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>',
    )
    parts["[Content_Types].xml"] = add_before(
        parts["[Content_Types].xml"],
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
    )
    wb = parts["xl/workbook.xml"].decode("utf-8")
    wb = wb.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences>', 1)
    if 'xmlns:r=' not in wb.split(">", 2)[1]:
        wb = wb.replace("<workbook ", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1)
    parts["xl/workbook.xml"] = wb.encode("utf-8")


def threaded_comment(parts):
    # Excel 365 keeps a thread in threadedComments and a plain note (made by openpyxl below) for older readers.
    person = "{5B3E1E2A-8E55-4C5D-9B0B-3D3C2B1A0F11}"
    parts["xl/persons/person.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
        f'<person displayName="企画政策課" id="{person}" userId="kikaku@example.lg.jp" providerId="None"/></personList>'
    ).encode("utf-8")
    parts["xl/threadedComments/threadedComment1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
        f'<threadedComment ref="F6" dT="2024-04-01T09:00:00.00" personId="{person}" id="{{0A1B2C3D-0000-4000-8000-000000000001}}">'
        "<text>要確認：R5実績は速報値</text></threadedComment></ThreadedComments>"
    ).encode("utf-8")
    rels = "xl/worksheets/_rels/sheet1.xml.rels"
    parts[rels] = add_before(
        parts[rels],
        "</Relationships>",
        '<Relationship Id="rIdTc" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>',
    )
    parts["xl/_rels/workbook.xml.rels"] = add_before(
        parts["xl/_rels/workbook.xml.rels"],
        "</Relationships>",
        '<Relationship Id="rIdPerson" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>',
    )
    parts["[Content_Types].xml"] = add_before(
        parts["[Content_Types].xml"],
        "</Types>",
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>'
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>',
    )


def threaded_note(wb, ws):
    ws["F6"].comment = Comment("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    要確認：R5実績は速報値", "tc={0A1B2C3D-0000-4000-8000-000000000001}")


ZIP_FEATURES = {
    "external-link": (external_link, ".xlsx"),
    "threaded-comment": (threaded_comment, ".xlsx"),
    "custom-properties": (custom_properties, ".xlsx"),
    "custom-xml": (custom_xml, ".xlsx"),
    "macros": (macros, ".xlsm"),
}


def main(out):
    os.makedirs(out, exist_ok=True)
    made = []
    for name, feature in FEATURES.items():
        wb, ws = ledger()
        feature(wb, ws)
        path = os.path.join(out, f"{name}.xlsx")
        wb.save(path)
        made.append(path)
    for name, (edit, extension) in ZIP_FEATURES.items():
        wb, ws = ledger()
        if name == "threaded-comment":
            threaded_note(wb, ws)
        path = os.path.join(out, f"{name}{extension}")
        wb.save(path)
        rewrite_zip(path, edit)
        made.append(path)
    print("\n".join(made))


if __name__ == "__main__":
    main(sys.argv[1])
