# The values of samples/hostile_literals, written out by hand from the .mig
# file with Python's own escapes -- deliberately not produced by retort -- so
# that the live test compares what the engine stores with what the file says.
# Text columns are compared as UTF-8 bytes, binary columns as bytes; the
# typed columns in the text form PostgreSQL prints (`col::text`).
LONG = " ".join(["The quick brown fox jumps over the lazy dog 0123456789."] * 40)

TEXT = {  # id: (body, title)
    1: ("it's a 'quoted' string", 'O\'Reilly "double" quotes'),
    2: ("C:\\Users\\retort\\", "one \\ two \\\\ and trailing \\"),
    3: ("raw tab:\tend\nraw newline above", "tab:\tnewline:\ncr:\rcrlf:\r\nend"),
    4: ("caf\u00e9 \u6f22\u5b57 \U0001F980 \u00f1 \u00fc", "caf\u00e9 \u6f22\u5b57 done"),
    5: ("100% sure, %s and %(x)s and %%", ":name and :1 and ?"),
    6: ("$$ dollar quotes $$ and $tag$ and $1", "-- not a comment"),
    7: ("/* not a comment */", "*/ closing first /*"),
    8: ("e-string with 'quote' and 'doubled' and ? and %", "semicolon; inside"),
    9: (LONG, "long body"),
}

BINARY = {  # id: payload
    1: bytes.fromhex("00ff"),
    2: bytes.fromhex("deadbeef"),
    3: bytes.fromhex("0a0d09"),
    4: bytes.fromhex("f09fa680"),
    5: None,
    6: b"",
    7: bytes.fromhex("7f80"),
    8: bytes.fromhex("00"),
    9: bytes.fromhex("ffffffff"),
}

# PostgreSQL's text output of qty, big, price (numeric(12, 4)), flag, day, stamp.
POSTGRESQL = {
    1: ("-7", "9223372036854775807", "12345678.1234", "true", "2024-02-29", "2024-01-15 12:00:00"),
    2: ("0", "-9000000000000000000", "-0.0001", "false", "1999-12-31", "1999-12-31 23:59:59"),
    3: ("2147483647", "1", "1500.0000", "true", "2000-01-01", "2000-01-01 00:00:00"),
    4: ("-2147483648", "42", "0.0000", "false", "2024-01-15", "2024-06-30 08:15:30"),
    5: (None, None, None, None, None, None),
    6: ("6", "6", "6.5000", "true", "2024-03-01", "2024-03-01 06:06:06"),
    7: ("7", "7", "7.2500", "false", "2024-03-02", "2024-03-02 07:07:07"),
    8: ("8", "8", "-100.0000", "true", "2024-03-03", "2024-03-03 08:08:08"),
    9: ("9", "9", "99999999.9999", "false", "2024-03-04", "2024-03-04 09:09:09"),
}
