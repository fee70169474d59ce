#!/usr/bin/env python3
"""help_files.py RETORT MAN_OUT COMPLETION_OUT

Writes the man page retort.1.gz and the bash completion of retort from the
real --help texts of the binary (`retort --help` and `retort COMMAND --help`
for every command it lists), so neither can drift from the program. Fails
when a help text does not have the shape this script reads (a "Commands:"
section, option lines, the dialect names of `upgrade --help`), so a changed
help text breaks the build instead of the man page.
"""
import gzip
import re
import subprocess
import sys


def run_help(retort, *args):
    out = subprocess.run([retort, *args, "--help"], check=True, capture_output=True, text=True)
    return out.stdout


def commands_of(main_help):
    section = main_help.split("\nCommands:\n", 1)
    if len(section) != 2:
        sys.exit("help_files.py: `retort --help` has no 'Commands:' section")
    names = []
    for line in section[1].splitlines():
        m = re.match(r"  ([a-z][a-z-]*)\s{2,}\S", line)
        if not m:
            break
        names.append(m.group(1))
    if not names:
        sys.exit("help_files.py: no commands in `retort --help`")
    return names


OPTION = re.compile(r"^  (?:(-\w) \[ (--[\w-]+) \]|(--[\w-]+))(?: (\S+))?")


def options_of(help_text):
    """[(short or None, long, takes_value)] from boost's option lines."""
    found = []
    for line in help_text.splitlines():
        m = OPTION.match(line)
        if m:
            found.append((m.group(1), m.group(2) or m.group(3), m.group(4) is not None))
    return found


def roff(text):
    """Preformatted text for a .nf block: escape what roff reads itself."""
    lines = []
    for line in text.rstrip("\n").split("\n"):
        line = line.replace("\\", "\\e")
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def man_page(version, main_help, helps):
    first = main_help.split("\n\n", 2)
    about = first[1].replace("\n", " ") if len(first) > 1 else ""
    out = [
        f'.TH RETORT 1 "" "retort {version}" "User Commands"',
        ".SH NAME",
        "retort \\- offline SQL migration compiler",
        ".SH SYNOPSIS",
        ".B retort",
        "[\\fB\\-C\\fR \\fIDIR\\fR] [\\fB\\-c\\fR \\fIFILE\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]",
        ".SH DESCRIPTION",
        roff(about),
        ".PP",
        "This page is made from the --help texts of the program when it is built.",
        ".SH OPTIONS AND COMMANDS",
        ".nf",
        roff(main_help),
        ".fi",
        ".SH COMMANDS",
    ]
    for name, text in helps.items():
        out += [f".SS {name}", ".nf", roff(text), ".fi"]
    out += [
        ".SH FILES",
        "retort.yaml in the project folder; the .mig files in its versions folders.",
        ".SH SEE ALSO",
        "/usr/share/doc/retort/ (README.md and docs/*.md)",
        "",
    ]
    return "\n".join(out)


def dialects_of(upgrade_help):
    m = re.search(r"--dialect \]\s+\S+\s+(\w+(?: \| \w+)+)", upgrade_help)
    if not m:
        sys.exit("help_files.py: no 'a | b | c' dialect list in `retort upgrade --help`")
    return m.group(1).split(" | ")


def formats_of(help_text):
    m = re.search(r"--format ([\w|]+)", help_text)
    return m.group(1).split("|") if m else []


def completion(commands, globals_, per_command, dialects):
    def words(options):
        out = []
        for short, long, _ in options:
            if short:
                out.append(short)
            out.append(long)
        return " ".join(out)

    def valued(options):
        out = []
        for short, long, takes in options:
            if takes:
                out += ([short] if short else []) + [long]
        return "|".join(out)

    lines = [
        "# bash completion for retort, made from its --help texts at build time",
        "# (packaging/help_files.py). Completes the commands, their options, the",
        "# dialect names, --format values, and revision ids, labels and the",
        "# revision keywords of the project in the current folder (or -C DIR),",
        "# read with the retort being completed (`retort history`).",
        "_retort_revisions() {",
        '    local dir=$1',
        '    echo head heads base',
        '    "$bin" -C "$dir" history --format json 2>/dev/null |',
        "        sed -n -e 's/^ *\"id\": \"\\([A-Za-z0-9_]*\\)\",$/\\1/p' \\",
        "               -e '/\"branch_labels\": \\[$/,/\\]/s/^ *\"\\([A-Za-z0-9_]*\\)\",\\{0,1\\}$/\\1/p'",
        "}",
        "",
        "_retort() {",
        "    local cur prev cmd dir i bin",
        '    bin=${COMP_WORDS[0]}',
        '    cur=${COMP_WORDS[COMP_CWORD]}',
        '    prev=${COMP_WORDS[COMP_CWORD-1]}',
        '    dir=.',
        '    cmd=',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case ${COMP_WORDS[i]} in',
        "            -C|--project) dir=${COMP_WORDS[i+1]}; ((i++)) ;;",
        f"            {valued(globals_)}) ((i++)) ;;",
        '            -*) ;;',
        '            *) cmd=${COMP_WORDS[i]}; break ;;',
        "        esac",
        "    done",
        '    if [ -z "$cmd" ]; then',
        '        case $prev in',
        "            -C|--project) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;",
        f"            {valued(globals_)}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;",
        "        esac",
        f'        COMPREPLY=($(compgen -W "{" ".join(commands)} {words(globals_)}" -- "$cur"))',
        "        return",
        "    fi",
        '    case $prev in',
        f'        -d|--dialect) COMPREPLY=($(compgen -W "{" ".join(dialects)}" -- "$cur")); return ;;',
        '        -o|--output|--check|--version-path) COMPREPLY=($(compgen -f -- "$cur")); return ;;',
        "    esac",
        '    case $cmd in',
    ]
    for name, (options, formats) in per_command.items():
        lines.append(f"        {name})")
        if formats:
            lines.append(f'            if [ "$prev" = --format ]; then COMPREPLY=($(compgen -W "{" ".join(formats)}" -- "$cur")); return; fi')
        lines.append(f'            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "{words(options)}" -- "$cur")); return; fi')
        if name == "init":
            lines.append('            COMPREPLY=($(compgen -d -- "$cur")) ;;')
        else:
            lines.append('            COMPREPLY=($(compgen -W "$(_retort_revisions "$dir")" -- "$cur")) ;;')
    lines += ["    esac", "}", "complete -F _retort retort", ""]
    return "\n".join(lines)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    retort, man_out, completion_out = sys.argv[1:]
    version = subprocess.run([retort, "--version"], check=True, capture_output=True, text=True).stdout.split()[1]
    main_help = subprocess.run([retort, "--help"], check=True, capture_output=True, text=True).stdout
    commands = commands_of(main_help)
    helps = {name: run_help(retort, name) for name in commands}
    per_command = {name: (options_of(text), formats_of(text)) for name, text in helps.items()}
    if not options_of(main_help) or not per_command["upgrade"][0]:
        sys.exit("help_files.py: `retort --help` or `retort upgrade --help` has no option lines")
    with open(man_out, "wb") as f:
        # mtime 0 and no file name: the same bytes on every build.
        f.write(gzip.compress(man_page(version, main_help, helps).encode(), compresslevel=9, mtime=0))
    with open(completion_out, "w") as f:
        f.write(completion(commands, options_of(main_help), per_command, dialects_of(helps["upgrade"])))


if __name__ == "__main__":
    main()
