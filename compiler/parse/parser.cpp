#include "compiler/parse/parser.hpp"

#include "compiler/parse/actions.hpp"
#include "compiler/source/utf8.hpp"

#include <cstdint>

namespace retort::parse {

std::optional<ast::Migration> parse_migration(const SourceFile& file, DiagnosticEngine& diagnostics) {
    const std::string& text = file.text();
    if (text.size() >= 0xFFFFFFF0u) {
        diagnostics.error(DiagCode::file_unreadable, file.span(0, 0),
                          "the file is too large ({} bytes); .mig files are limited to 4 GiB",
                          text.size());
        return std::nullopt;
    }
    if (auto bad = first_invalid_utf8(text)) {
        auto at = static_cast<std::uint32_t>(*bad);
        diagnostics.error(DiagCode::invalid_utf8, file.span(at, at + 1),
                          "the file is not valid UTF-8: byte 0x{:02X} here does not start or "
                          "continue a character",
                          static_cast<unsigned>(static_cast<unsigned char>(text[at])));
        return std::nullopt;
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        auto at = static_cast<std::uint32_t>(nul);
        diagnostics.error(DiagCode::nul_character, file.span(at, at + 1),
                          "a NUL character (byte 0) cannot appear in a .mig file");
        return std::nullopt;
    }

    const std::size_t errors_before = diagnostics.error_count();
    ParseState state(file, diagnostics);
    state.base = text.data();
    state.migration.file = file.id();
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data(), text.size(),
                                                                 file.display_name());
    try {
        tao::pegtl::parse<grammar::file, Action, Control>(in, state);
    } catch (const tao::pegtl::parse_error& e) {
        auto at = static_cast<std::uint32_t>(e.positions().front().byte);
        if (state.auto_word_end && e.message() == error_message<grammar::auto_semi>) at = *state.auto_word_end;
        auto d = diagnostics.error(DiagCode::syntax, file.span(at, at), "{}", e.message());
        const SourceSpan& str = state.last_multiline_string;
        if (str.valid() && str.end <= at && file.line_col(at).line <= file.line_col(str.end).line + 1) {
            d.note(SourceSpan{str.file, str.begin, str.begin},
                   "the string that starts here runs over {} lines; is its closing quote missing?",
                   file.line_col(str.end).line - file.line_col(str.begin).line + 1);
        }
        return std::nullopt;
    } catch (const NestingTooDeep& e) {
        diagnostics.error(DiagCode::nesting_too_deep, file.span(e.offset, e.offset),
                          "nested too deeply: more than {} levels of parentheses, operators or "
                          "only blocks",
                          max_nesting);
        return std::nullopt;
    }

    ast::Header& h = state.migration.header;
    SourceSpan at_start = h.span.valid() ? SourceSpan{file.id(), h.span.begin, h.span.begin}
                                         : file.span(0, 0);
    if (!h.revision)
        diagnostics.error(DiagCode::missing_header, at_start,
                          "the header has no 'revision' statement (e.g. revision a1b2c3d4e5f6;)");
    if (!h.has_down_revision)
        diagnostics.error(DiagCode::missing_header, at_start,
                          "the header has no 'down_revision' statement (a revision id, a list "
                          "(a, b), or none)");
    if (diagnostics.error_count() != errors_before) return std::nullopt;
    return std::move(state.migration);
}

}  // namespace retort::parse
