"""
Gives generated .xlsx files fixed zip timestamps, so `npm run fixtures:real` writes the same
bytes on every run and regenerating does not churn the committed fixtures. Only the
container changes: every part keeps its name, order and content exactly as the writer
(exceljs or openpyxl) made it.
Usage: python3 scripts/real-ledgers/fixzip.py FILE.xlsx ...
"""
import sys
import zipfile

FIXED = (2018, 9, 1, 0, 0, 0)

for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as src:
        parts = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            out.writestr(info, data)
