#!/usr/bin/env python3
"""The rows of samples/hostile_literals as the .mig file means them, written
out by hand here (not through retort's renderer), printed the way the live
test reads them back from MySQL:

    id  HEX(body)  HEX(title)  qty  big  price  flag  day  stamp  HEX(payload)

tab-separated, NULL for SQL NULL, decimals with the column's 4 places."""

FOX = " ".join(["The quick brown fox jumps over the lazy dog 0123456789."] * 40)

ROWS = [
    (1, "it's a 'quoted' string", 'O\'Reilly "double" quotes', -7, 9223372036854775807,
     "12345678.1234", 1, "2024-02-29", "2024-01-15 12:00:00", b"\x00\xff"),
    (2, "C:\\Users\\retort\\", "one \\ two \\\\ and trailing \\", 0, -9000000000000000000,
     "-0.0001", 0, "1999-12-31", "1999-12-31 23:59:59", b"\xde\xad\xbe\xef"),
    (3, "raw tab:\tend\nraw newline above", "tab:\tnewline:\ncr:\rcrlf:\r\nend", 2147483647, 1,
     "1500.0000", 1, "2000-01-01", "2000-01-01 00:00:00", b"\x0a\x0d\x09"),
    (4, "caf\u00e9 \u6f22\u5b57 \U0001f980 \u00f1 \u00fc", "caf\u00e9 \u6f22\u5b57 done", -2147483648, 42,
     "0.0000", 0, "2024-01-15", "2024-06-30 08:15:30", b"\xf0\x9f\xa6\x80"),
    (5, "100% sure, %s and %(x)s and %%", ":name and :1 and ?", None, None,
     None, None, None, None, None),
    (6, "$$ dollar quotes $$ and $tag$ and $1", "-- not a comment", 6, 6,
     "6.5000", 1, "2024-03-01", "2024-03-01 06:06:06", b""),
    (7, "/* not a comment */", "*/ closing first /*", 7, 7,
     "7.2500", 0, "2024-03-02", "2024-03-02 07:07:07", b"\x7f\x80"),
    (8, "e-string with 'quote' and 'doubled' and ? and %", "semicolon; inside", 8, 8,
     "-100.0000", 1, "2024-03-03", "2024-03-03 08:08:08", b"\x00"),
    (9, FOX, "long body", 9, 9,
     "99999999.9999", 0, "2024-03-04", "2024-03-04 09:09:09", b"\xff\xff\xff\xff"),
]


def cell(value, hexed=False):
    if value is None:
        return "NULL"
    if hexed:
        data = value.encode("utf-8") if isinstance(value, str) else value
        return data.hex().upper()
    return str(value)


for row in ROWS:
    rid, body, title, qty, big, price, flag, day, stamp, payload = row
    print("\t".join([cell(rid), cell(body, True), cell(title, True), cell(qty), cell(big), cell(price),
                     cell(flag), cell(day), cell(stamp), cell(payload, True)]))
