"""Spreadsheets that staff open in Excel: the admin's exports (contact messages, subscribers, the
« à vérifier » points, one person's data) and the library's CSV.

- Times in the admin's time zone (Paris), to the minute, as the admin shows them: never UTC ISO
  with microseconds. XLSX gets real date cells.
- CSV as French Excel opens it: UTF-8 with a BOM, « ; » between columns, CRLF line ends.
- What a visitor typed stays text. A cell starting with = + - @, a tab or a carriage return
  would be read as a formula (OWASP's CSV-injection rule): CSV prefixes it with an apostrophe,
  XLSX keeps it as typed in a text cell with Excel's own « quote prefix ». Control characters,
  which the XLSX format forbids and which break lines, become « � » instead of failing the
  whole file.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from io import BytesIO

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 controls but tab, line feed and carriage return (text inside a cell), DEL and C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
DATE_FORMAT = "%d/%m/%Y"
XLSX_DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExcelFrench(csv.excel):
    delimiter = ";"


def local_time(value: datetime.datetime) -> datetime.datetime:
    """The moment in the admin's time zone, naive and to the minute, as the admin shows it."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, second=0, microsecond=0)


def readable_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub(REPLACEMENT, value)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def plain(value) -> object:
    """A value as a cell holds it: text, a number, a naive local moment, or None."""
    if value is None or isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime.datetime):
        return local_time(value)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, list | tuple):
        return readable_text(", ".join(str(item) for item in value))
    return readable_text(str(value))


def csv_cell(value) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    text = str(value)
    return f"'{text}" if isinstance(value, str) and is_formula_like(text) else text


class _Line:
    """The file-like object csv.writer writes one line into, handed back at once."""

    def write(self, line: str) -> str:
        return line


def csv_lines(headings: Sequence[str], rows: Iterable[Sequence], *, dialect: type[csv.Dialect] = ExcelFrench):
    """The file line by line, starting with the BOM that tells Excel it is UTF-8."""
    writer = csv.writer(_Line(), dialect=dialect)
    yield "\ufeff" + writer.writerow([csv_cell(heading) for heading in headings])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def _disposition(filename: str) -> str:
    return f'attachment; filename="{filename}"'


def csv_response(filename: str, headings: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    lines = (line.encode("utf-8") for line in csv_lines(headings, rows))
    response = StreamingHttpResponse(lines, content_type=CSV_TYPE)
    response["Content-Disposition"] = _disposition(f"{filename}.csv")
    return response


def _sheet_title(title: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Export"


def xlsx_rows(worksheet, rows: Iterable[Sequence]) -> Iterator[list]:
    from openpyxl.cell import WriteOnlyCell

    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(worksheet, plain(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guessed from a leading « = »
                cell.quotePrefix = is_formula_like(cell.value)
            elif isinstance(cell.value, datetime.datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
            elif isinstance(cell.value, datetime.date):
                cell.number_format = XLSX_DATE_FORMAT
            cells.append(cell)
        yield cells


def xlsx_response(filename: str, title: str, headings: Sequence[str], rows: Iterable[Sequence]) -> FileResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=_sheet_title(title))
    for number, heading in enumerate(headings, start=1):
        worksheet.column_dimensions[get_column_letter(number)].width = max(14, min(50, len(str(heading)) + 4))
    worksheet.freeze_panes = "A2"
    heading_cells = []
    for heading in headings:
        cell = WriteOnlyCell(worksheet, readable_text(str(heading)))
        cell.font = Font(bold=True)
        heading_cells.append(cell)
    worksheet.append(heading_cells)
    for cells in xlsx_rows(worksheet, rows):
        worksheet.append(cells)
    output = BytesIO()
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE)


class FrenchSpreadsheetMixin:
    """The rules above for Wagtail's exporting views (SpreadsheetExportMixin: listings,
    reports, form submissions), in place of its UTC times, commas and sheet « Sheet1 »."""

    def export_rows(self, queryset) -> Iterator[list]:
        for item in queryset:
            yield list(self.to_row_dict(item).values())

    def export_headings_list(self, queryset) -> list[str]:
        return [self.get_heading(queryset, field) for field in self.list_export]

    def write_csv_response(self, queryset):
        return csv_response(self.get_filename(), self.export_headings_list(queryset), self.export_rows(queryset))

    def write_xlsx_response(self, queryset):
        title = str(getattr(self, "page_title", "") or "Export")
        return xlsx_response(
            self.get_filename(), title, self.export_headings_list(queryset), self.export_rows(queryset)
        )
